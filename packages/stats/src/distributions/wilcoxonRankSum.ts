/**
 * Counts of the Mann-Whitney statistic U = 0..m*n under H0 for sample sizes m and n (R's cwilcox),
 * by the recursion f(k; i, j) = f(k - j; i - 1, j) + f(k; i, j - 1). Only additions of positive
 * numbers, so the counts stay accurate to rounding even beyond 2^53.
 */
export function wilcoxonCounts(m: number, n: number): Float64Array {
  // rows[j] holds f(.; i, j) for the current i.
  const size = m * n + 1;
  let rows: Float64Array[] = [];
  for (let j = 0; j <= n; j++) {
    const row = new Float64Array(size);
    row[0] = 1; // i = 0: U = 0 only
    rows.push(row);
  }
  for (let i = 1; i <= m; i++) {
    const next: Float64Array[] = [];
    const first = new Float64Array(size);
    first[0] = 1; // j = 0
    next.push(first);
    for (let j = 1; j <= n; j++) {
      const row = new Float64Array(size);
      const previousI = rows[j] as Float64Array;
      const previousJ = next[j - 1] as Float64Array;
      const max = i * j;
      for (let k = 0; k <= max; k++) {
        row[k] = (previousJ[k] as number) + (k >= j ? (previousI[k - j] as number) : 0);
      }
      next.push(row);
    }
    rows = next;
  }
  return rows[n] as Float64Array;
}

/**
 * P(W <= q) for the Wilcoxon rank-sum statistic W with sample sizes m, n (R: `pwilcox(q, m, n)`),
 * summing the shorter tail (W is symmetric about m n / 2) so small upper tails keep precision.
 */
export function wilcoxonRankSumCdf(q: number, m: number, n: number, counts = wilcoxonCounts(m, n)): number {
  const mn = m * n;
  const x = Math.floor(q + 1e-7);
  if (x < 0) return 0;
  if (x >= mn) return 1;
  let total = 0;
  for (let k = 0; k <= mn; k++) total += counts[k] as number;
  let sum = 0;
  if (x <= mn / 2) {
    for (let k = 0; k <= x; k++) sum += counts[k] as number;
    return sum / total;
  }
  // P(W <= x) = 1 - P(W >= x + 1) = 1 - P(W <= mn - x - 1)
  for (let k = 0; k < mn - x; k++) sum += counts[k] as number;
  return 1 - sum / total;
}

/** P(W > q) (R: `pwilcox(q, m, n, lower.tail = FALSE)`). */
export function wilcoxonRankSumSurvival(
  q: number,
  m: number,
  n: number,
  counts = wilcoxonCounts(m, n),
): number {
  // P(W > q) = P(W >= q + 1) = P(W <= mn - q - 1)
  const x = Math.floor(q + 1e-7);
  return wilcoxonRankSumCdf(m * n - x - 1, m, n, counts);
}
