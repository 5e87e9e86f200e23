/** Eigen-decomposition of a real symmetric matrix, eigenvalues in decreasing order. */
export interface SymmetricEigen {
  values: Float64Array;
  /** vectors[j] is the unit eigenvector belonging to values[j]. */
  vectors: Float64Array[];
}

/**
 * Cyclic Jacobi eigenvalue algorithm (Golub & Van Loan, Matrix Computations, §8.5; the threshold
 * strategy of Numerical Recipes `jacobi`). Each rotation zeroes one off-diagonal element; sweeps
 * repeat until the off-diagonal mass is negligible. Jacobi is slow (O(p³) per sweep) but attains
 * high relative accuracy, which suits covariance matrices of up to ~100 columns. `a` is read only.
 */
export function symmetricEigen(a: readonly Float64Array[], maxSweeps = 100): SymmetricEigen {
  const p = a.length;
  const m = a.map((row) => Float64Array.from(row));
  const v = Array.from({ length: p }, (_, i) => {
    const row = new Float64Array(p);
    row[i] = 1;
    return row;
  });
  const get = (i: number, j: number): number => m[i]?.[j] ?? 0;
  const set = (i: number, j: number, value: number): void => {
    const row = m[i];
    if (row) row[j] = value;
  };
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < p; i++) {
      diag += get(i, i) ** 2;
      for (let j = i + 1; j < p; j++) off += get(i, j) ** 2;
    }
    if (off === 0 || off <= 1e-32 * diag) break;
    for (let i = 0; i < p - 1; i++) {
      for (let j = i + 1; j < p; j++) {
        const aij = get(i, j);
        if (aij === 0) continue;
        const aii = get(i, i);
        const ajj = get(j, j);
        // Rotation angle: tan(2θ) = 2 a_ij / (a_jj - a_ii); take the smaller root for stability.
        const theta = (ajj - aii) / (2 * aij);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < p; k++) {
          const aki = get(k, i);
          const akj = get(k, j);
          set(k, i, c * aki - s * akj);
          set(k, j, s * aki + c * akj);
        }
        for (let k = 0; k < p; k++) {
          const aik = get(i, k);
          const ajk = get(j, k);
          set(i, k, c * aik - s * ajk);
          set(j, k, s * aik + c * ajk);
        }
        set(i, j, 0);
        set(j, i, 0);
        for (let k = 0; k < p; k++) {
          const row = v[k];
          if (!row) continue;
          const vki = row[i] ?? 0;
          const vkj = row[j] ?? 0;
          row[i] = c * vki - s * vkj;
          row[j] = s * vki + c * vkj;
        }
      }
    }
  }
  const order = Array.from({ length: p }, (_, i) => i).sort((x, y) => get(y, y) - get(x, x));
  return {
    values: Float64Array.from(order, (i) => get(i, i)),
    vectors: order.map((col) => Float64Array.from(v, (row) => row[col] ?? 0)),
  };
}
