/**
 * LDL' Cholesky decomposition of a symmetric positive semi-definite matrix, reproducing survival's
 * `cholesky2`: a pivot below `tolerance` times the largest diagonal element (or non-finite) is set
 * to 0 and its direction is treated as singular, so `rank` says how many pivots survived.
 * `factor` is row-major n x n: D on the diagonal and the unit lower triangle L below it.
 */
export interface LdlCholesky {
  n: number;
  factor: Float64Array;
  rank: number;
  /** Indices of the pivots set to zero (the singular directions), in order. */
  singular: number[];
}

/** Decomposes the symmetric row-major n x n `matrix` (only the lower triangle is read). */
export function ldlCholesky(matrix: Float64Array, n: number, tolerance: number): LdlCholesky {
  const f = new Float64Array(n * n);
  let largest = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) f[i * n + j] = matrix[i * n + j] ?? 0;
    largest = Math.max(largest, f[i * n + i] ?? 0);
  }
  const eps = largest === 0 ? tolerance : largest * tolerance;
  let rank = 0;
  const singular: number[] = [];
  for (let i = 0; i < n; i++) {
    const pivot = f[i * n + i] ?? 0;
    if (!Number.isFinite(pivot) || pivot < eps) {
      f[i * n + i] = 0;
      singular.push(i);
      continue;
    }
    rank++;
    for (let j = i + 1; j < n; j++) {
      const temp = (f[j * n + i] ?? 0) / pivot;
      f[j * n + i] = temp;
      f[j * n + j] = (f[j * n + j] ?? 0) - temp * temp * pivot;
      for (let k = j + 1; k < n; k++) f[k * n + j] = (f[k * n + j] ?? 0) - temp * (f[k * n + i] ?? 0);
    }
  }
  // Keep only L and D: clear the (unused) upper triangle.
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) f[i * n + j] = 0;
  return { n, factor: f, rank, singular };
}

/**
 * Solves A x = y with the decomposition (survival's `chsolve2`); singular directions get x = 0,
 * which makes the result a generalized-inverse solution.
 */
export function ldlSolve(chol: LdlCholesky, y: ArrayLike<number>): Float64Array {
  const { n, factor: f } = chol;
  const x = Float64Array.from({ length: n }, (_, i) => y[i] ?? 0);
  for (let i = 0; i < n; i++) {
    let temp = x[i] ?? 0;
    for (let j = 0; j < i; j++) temp -= (x[j] ?? 0) * (f[i * n + j] ?? 0);
    x[i] = temp;
  }
  for (let i = n - 1; i >= 0; i--) {
    const d = f[i * n + i] ?? 0;
    if (d === 0) {
      x[i] = 0;
      continue;
    }
    let temp = (x[i] ?? 0) / d;
    for (let j = i + 1; j < n; j++) temp -= (x[j] ?? 0) * (f[j * n + i] ?? 0);
    x[i] = temp;
  }
  return x;
}

/**
 * The (generalized) inverse of the decomposed matrix as a full symmetric row-major n x n array,
 * with zero rows and columns for singular directions, as survival's `chinv2` returns.
 */
export function ldlInverse(chol: LdlCholesky): Float64Array {
  const { n } = chol;
  const inverse = new Float64Array(n * n);
  const unit = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    unit.fill(0);
    unit[j] = 1;
    const column = ldlSolve(chol, unit);
    for (let i = 0; i < n; i++) inverse[i * n + j] = column[i] ?? 0;
  }
  for (const s of chol.singular) {
    for (let i = 0; i < n; i++) {
      inverse[s * n + i] = 0;
      inverse[i * n + s] = 0;
    }
  }
  // Symmetrize away rounding differences between the two triangles.
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const mean = ((inverse[i * n + j] ?? 0) + (inverse[j * n + i] ?? 0)) / 2;
      inverse[i * n + j] = mean;
      inverse[j * n + i] = mean;
    }
  }
  return inverse;
}
