/**
 * x' V^- x for a symmetric positive semi-definite V, with V^- the generalized inverse obtained from
 * an LDL' Cholesky decomposition that zeroes pivots below `tolerance` times the largest diagonal
 * element: the approach of survival's cholesky2/chsolve2, which `survdiff` and `coxph` rely on so a
 * singular variance (e.g. groups confounded with strata) still gives a chi-square on its rank.
 */
export function generalizedQuadraticForm(
  matrix: readonly (readonly number[])[],
  x: readonly number[],
  tolerance = 1e-9,
): { value: number; rank: number } {
  const n = x.length;
  const at = (i: number, j: number): number => matrix[i]?.[j] ?? 0;
  const lower: Float64Array[] = Array.from({ length: n }, () => new Float64Array(n));
  const pivots = new Float64Array(n);
  let maxDiagonal = 0;
  for (let i = 0; i < n; i++) maxDiagonal = Math.max(maxDiagonal, Math.abs(at(i, i)));
  const threshold = maxDiagonal * tolerance;

  for (let j = 0; j < n; j++) {
    const row = lower[j] ?? new Float64Array(n);
    let pivot = at(j, j);
    for (let k = 0; k < j; k++) pivot -= (row[k] ?? 0) ** 2 * (pivots[k] ?? 0);
    if (!(pivot > threshold)) continue; // singular direction: pivot and column stay 0
    pivots[j] = pivot;
    for (let i = j + 1; i < n; i++) {
      const other = lower[i] ?? new Float64Array(n);
      let value = at(i, j);
      for (let k = 0; k < j; k++) value -= (other[k] ?? 0) * (row[k] ?? 0) * (pivots[k] ?? 0);
      other[j] = value / pivot;
    }
  }

  // Forward solve L y = x; then x' V^- x = sum y_j^2 / d_j over the non-zero pivots.
  const y = new Float64Array(n);
  let value = 0;
  let rank = 0;
  for (let j = 0; j < n; j++) {
    const row = lower[j] ?? new Float64Array(n);
    let yj = x[j] ?? 0;
    for (let k = 0; k < j; k++) yj -= (row[k] ?? 0) * (y[k] ?? 0);
    y[j] = yj;
    const pivot = pivots[j] ?? 0;
    if (pivot > 0) {
      value += (yj * yj) / pivot;
      rank++;
    }
  }
  return { value, rank };
}
