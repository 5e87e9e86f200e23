import { pca, StatsInputError, symmetricEigen } from '@plexus/stats';

export interface PrincipalComponents {
  /** Standard deviations of all min(n, p) components, decreasing (R prcomp `sdev`). */
  sdev: Float64Array;
  /** sdev² / Σ sdev² (R `summary(prcomp)`, proportion of variance). */
  explained: Float64Array;
  /** scores[observation][component] for the first `rank` components (R prcomp `x`). */
  scores: Float64Array[];
}

/** Centres (and, if asked, scales by the sample sd) each column in place, as R's scale(). */
function standardise(rows: Float64Array[], scale: boolean): void {
  const n = rows.length;
  const p = rows[0]?.length ?? 0;
  for (let j = 0; j < p; j++) {
    let sum = 0;
    for (const row of rows) sum += row[j] ?? 0;
    const mean = sum / n;
    let residual = 0;
    for (const row of rows) residual += (row[j] ?? 0) - mean;
    const centre = mean + residual / n;
    let squares = 0;
    for (const row of rows) {
      const value = (row[j] ?? 0) - centre;
      row[j] = value;
      squares += value * value;
    }
    if (!scale) continue;
    const sd = Math.sqrt(squares / (n - 1));
    if (!(sd > 0))
      throw new StatsInputError(`column ${j} is constant; it cannot be scaled to unit variance`, 'matrix');
    for (const row of rows) row[j] = (row[j] ?? 0) / sd;
  }
}

/**
 * PCA as R's `prcomp(x, center = TRUE, scale. = scale)`, choosing the cheaper of two exact routes.
 * With no more variables than observations it is @plexus/stats `pca` (eigen-decomposition of the
 * p × p covariance). Expression data are the other way round (10³ features, 10² samples), where a
 * p × p Jacobi decomposition would take minutes: there the n × n Gram matrix G = X Xᵀ of the centred
 * data has the same non-zero eigenvalues as XᵀX, so sdev_k = sqrt(λ_k / (n − 1)) and the scores are
 * u_k · sqrt(λ_k) — the SVD identity R's prcomp itself rests on. Signs follow `pca`'s convention
 * (the largest-magnitude loading of each component is positive), so both routes agree.
 */
export function principalComponents(
  matrix: readonly Float64Array[],
  options: { scale: boolean; rank: number },
): PrincipalComponents {
  const n = matrix.length;
  const p = matrix[0]?.length ?? 0;
  const rank = Math.min(options.rank, n, p);
  if (p <= n) {
    const result = pca(matrix, { center: true, scale: options.scale, rank });
    return { sdev: result.sdev, explained: result.explainedVariance, scores: result.scores };
  }
  if (n < 2) throw new StatsInputError(`PCA needs at least 2 observations, found ${n}`, 'matrix');
  const x = matrix.map((row) => Float64Array.from(row));
  standardise(x, options.scale);
  const gram = Array.from({ length: n }, () => new Float64Array(n));
  for (let a = 0; a < n; a++) {
    const rowA = x[a] as Float64Array;
    for (let b = a; b < n; b++) {
      const rowB = x[b] as Float64Array;
      let sum = 0;
      for (let j = 0; j < p; j++) sum += (rowA[j] as number) * (rowB[j] as number);
      (gram[a] as Float64Array)[b] = sum;
      (gram[b] as Float64Array)[a] = sum;
    }
  }
  const eigen = symmetricEigen(gram);
  // min(n, p) = n components, as prcomp returns; the last has (numerically) zero variance after centring.
  const sdev = Float64Array.from(eigen.values, (value) => Math.sqrt(Math.max(value, 0) / (n - 1)));
  let total = 0;
  for (const s of sdev) total += s * s;
  const explained = Float64Array.from(sdev, (s) => (s * s) / total);
  const columns = eigen.vectors.slice(0, rank).map((u, k) => {
    const root = Math.sqrt(Math.max(eigen.values[k] ?? 0, 0));
    // Loadings v = Xᵀu / sqrt(λ); only their largest-magnitude entry is needed, for the sign.
    let largest = 0;
    for (let j = 0; j < p; j++) {
      let loading = 0;
      for (let i = 0; i < n; i++) loading += (x[i]?.[j] ?? 0) * (u[i] ?? 0);
      if (Math.abs(loading) > Math.abs(largest)) largest = loading;
    }
    const sign = largest < 0 ? -1 : 1;
    return Float64Array.from(u, (value) => sign * value * root);
  });
  const scores = Array.from({ length: n }, (_, i) => Float64Array.from(columns, (column) => column[i] ?? 0));
  return { sdev, explained, scores };
}
