import { StatsInputError } from '../StatsInputError.ts';
import { checkMatrix } from './matrixInput.ts';
import { symmetricEigen } from './symmetricEigen.ts';

export interface PcaOptions {
  /** Subtract column means first (R prcomp `center = TRUE`). Default true. */
  center?: boolean;
  /** Divide columns by their sample sd (R prcomp `scale. = TRUE`). Default false. */
  scale?: boolean;
  /** Keep only the first `rank` components in `rotation` and `scores` (R `rank.`); sdev keeps all. */
  rank?: number;
}

export interface PcaResult {
  /** Standard deviations of the components (R `sdev`), decreasing, min(n, p) of them. */
  sdev: Float64Array;
  /** Proportion of total variance per component: sdev² / Σ sdev² (R `summary(prcomp)` row 2). */
  explainedVariance: Float64Array;
  /** Loadings: rotation[variable][component] (R `rotation`, columns = components). */
  rotation: Float64Array[];
  /** Scores: scores[observation][component] (R `x`). */
  scores: Float64Array[];
  /** Column means subtracted, or null when center = false (R `center`, FALSE). */
  center: Float64Array | null;
  /** Column sds divided by, or null when scale = false (R `scale`, FALSE). */
  scale: Float64Array | null;
}

/**
 * Principal component analysis as R's `prcomp(x, center, scale., rank.)` (stats/R/prcomp.R).
 *
 * R takes the SVD of the centred (and scaled) data X: sdev = d / sqrt(n - 1), rotation = V, x = X V.
 * Here the same quantities come from the eigen-decomposition of XᵀX / (n - 1) by Jacobi rotations
 * (symmetricEigen.ts): sdev = sqrt(eigenvalue), rotation = eigenvectors, scores = X · rotation.
 * Components whose variance is at round-off level may differ from R in relative terms (R's sdev
 * there is itself noise); the leading components agree to ~1e-12.
 *
 * Sign convention: the sign of each component is arbitrary (R's sign comes from LAPACK and can change
 * between versions/BLAS). We normalise every component so its largest-magnitude loading is positive;
 * compare to R up to the sign of each column of rotation/scores.
 */
export function pca(matrix: readonly ArrayLike<number>[], options: PcaOptions = {}): PcaResult {
  const { center = true, scale = false } = options;
  const { rows: n, columns: p } = checkMatrix(matrix);
  if (n < 2) throw new StatsInputError(`pca needs at least 2 observations, found ${n}`, 'matrix');
  // R's SVD yields min(n, p) components; with n <= p the last one(s) have (near) zero variance.
  const components = Math.min(n, p);
  const rank = options.rank ?? components;
  if (!Number.isInteger(rank) || rank < 1 || rank > components)
    throw new StatsInputError(
      `pca rank must be an integer in 1..${components} (min of rows and columns), found ${rank}`,
      'rank',
    );

  const x = matrix.map((row) => Float64Array.from(row));
  let means: Float64Array | null = null;
  if (center) {
    means = new Float64Array(p);
    for (let j = 0; j < p; j++) {
      let sum = 0;
      for (const row of x) sum += row[j] ?? 0;
      const mean = sum / n;
      // Second pass corrects the mean for round-off, as R's colMeans (long double) effectively does.
      let residual = 0;
      for (const row of x) residual += (row[j] ?? 0) - mean;
      means[j] = mean + residual / n;
    }
    for (const row of x) for (let j = 0; j < p; j++) row[j] = (row[j] ?? 0) - (means[j] ?? 0);
  }
  let sds: Float64Array | null = null;
  if (scale) {
    // R scale(): divide by sqrt(sum(x²) / (n - 1)) of the (possibly centred) column.
    sds = new Float64Array(p);
    for (let j = 0; j < p; j++) {
      let squares = 0;
      for (const row of x) squares += (row[j] ?? 0) ** 2;
      const sd = Math.sqrt(squares / (n - 1));
      if (!(sd > 0))
        throw new StatsInputError(
          `pca cannot scale column ${j}: it is constant (zero variance); drop it or use scale = false`,
          'matrix',
        );
      sds[j] = sd;
    }
    for (const row of x) for (let j = 0; j < p; j++) row[j] = (row[j] ?? 0) / (sds[j] ?? 1);
  }

  const cross = Array.from({ length: p }, () => new Float64Array(p));
  for (let a = 0; a < p; a++) {
    for (let b = a; b < p; b++) {
      let sum = 0;
      for (const row of x) sum += (row[a] ?? 0) * (row[b] ?? 0);
      const value = sum / (n - 1);
      const rowA = cross[a];
      const rowB = cross[b];
      if (rowA) rowA[b] = value;
      if (rowB) rowB[a] = value;
    }
  }
  const eigen = symmetricEigen(cross);
  const sdev = Float64Array.from(eigen.values.subarray(0, components), (value) =>
    Math.sqrt(Math.max(value, 0)),
  );
  let total = 0;
  for (const s of sdev) total += s * s;
  const explainedVariance = Float64Array.from(sdev, (s) => (s * s) / total);

  const vectors = eigen.vectors.slice(0, rank).map((vector) => {
    let largest = 0;
    for (const value of vector) if (Math.abs(value) > Math.abs(largest)) largest = value;
    return largest < 0 ? Float64Array.from(vector, (value) => -value) : vector;
  });
  const rotation = Array.from({ length: p }, (_, j) =>
    Float64Array.from(vectors, (vector) => vector[j] ?? 0),
  );
  const scores = x.map((row) =>
    Float64Array.from(vectors, (vector) => {
      let sum = 0;
      for (let j = 0; j < p; j++) sum += (row[j] ?? 0) * (vector[j] ?? 0);
      return sum;
    }),
  );
  return { sdev, explainedVariance, rotation, scores, center: means, scale: sds };
}
