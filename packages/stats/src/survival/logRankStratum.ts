/** Running totals of the (weighted) log-rank statistic, summed over strata as survdiff does. */
export interface LogRankTotals {
  observed: Float64Array;
  expected: Float64Array;
  /** k x k variance of observed - expected, row-major. */
  variance: Float64Array;
}

/**
 * Adds one stratum's contribution to the G-rho family test, following survival's C routine
 * survdiff2: at each distinct event time t with n at risk and d deaths, weight w = S(t-)^rho with S
 * the Kaplan–Meier of the pooled stratum (left-continuous); observed_k += w d_k,
 * expected_k += w d n_k / n, and, when n > 1, the hypergeometric variance
 * w^2 d (n - d) / (n - 1) * (n_k / n) (delta_kl - n_l / n).
 */
export function addLogRankStratum(
  totals: LogRankTotals,
  time: Float64Array,
  event: Uint8Array,
  group: Int32Array,
  rho: number,
): void {
  const k = totals.observed.length;
  const order = Array.from(time.keys()).sort((a, b) => (time[a] ?? 0) - (time[b] ?? 0));
  const atRisk = new Float64Array(k);
  for (const g of group) atRisk[g] = (atRisk[g] ?? 0) + 1;
  let nRisk = order.length;
  let km = 1;
  let start = 0;
  while (start < order.length) {
    const t = time[order[start] ?? 0];
    let end = start;
    const deathsByGroup = new Float64Array(k);
    const leaving = new Float64Array(k);
    while (end < order.length && time[order[end] ?? 0] === t) {
      const i = order[end] ?? 0;
      const g = group[i] ?? 0;
      leaving[g] = (leaving[g] ?? 0) + 1;
      deathsByGroup[g] = (deathsByGroup[g] ?? 0) + (event[i] ?? 0);
      end++;
    }
    const deaths = deathsByGroup.reduce((sum, d) => sum + d, 0);
    const weight = rho === 0 ? 1 : km ** rho;
    if (deaths > 0) {
      const varianceFactor = nRisk > 1 ? (weight * weight * deaths * (nRisk - deaths)) / (nRisk - 1) : 0;
      for (let a = 0; a < k; a++) {
        const shareA = (atRisk[a] ?? 0) / nRisk;
        totals.observed[a] = (totals.observed[a] ?? 0) + weight * (deathsByGroup[a] ?? 0);
        totals.expected[a] = (totals.expected[a] ?? 0) + weight * deaths * shareA;
        for (let b = 0; b < k; b++) {
          const shareB = (atRisk[b] ?? 0) / nRisk;
          const cell = varianceFactor * shareA * ((a === b ? 1 : 0) - shareB);
          totals.variance[a * k + b] = (totals.variance[a * k + b] ?? 0) + cell;
        }
      }
      km *= (nRisk - deaths) / nRisk;
    }
    for (let a = 0; a < k; a++) atRisk[a] = (atRisk[a] ?? 0) - (leaving[a] ?? 0);
    nRisk -= end - start;
    start = end;
  }
}
