import { describe, expect, it } from 'vitest';
import { ldlCholesky, ldlInverse, ldlSolve } from './ldlCholesky.ts';

describe('ldlCholesky', () => {
  const a = Float64Array.from([4, 2, 0.6, 2, 5, 1.5, 0.6, 1.5, 3]);

  it('solves and inverts a positive definite matrix', () => {
    const chol = ldlCholesky(a, 3, 1e-12);
    expect(chol.rank).toBe(3);
    const x = ldlSolve(chol, [1, -2, 0.5]);
    for (let i = 0; i < 3; i++) {
      let ax = 0;
      for (let j = 0; j < 3; j++) ax += (a[i * 3 + j] ?? 0) * (x[j] ?? 0);
      expect(ax).toBeCloseTo([1, -2, 0.5][i] ?? 0, 12);
    }
    const inverse = ldlInverse(chol);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let product = 0;
        for (let k = 0; k < 3; k++) product += (a[i * 3 + k] ?? 0) * (inverse[k * 3 + j] ?? 0);
        expect(product).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
  });

  it('flags the singular direction of a rank-deficient matrix, like cholesky2', () => {
    // Third row/column = first + second.
    const b = Float64Array.from([2, 1, 3, 1, 2, 3, 3, 3, 6]);
    const chol = ldlCholesky(b, 3, 1e-10);
    expect(chol.rank).toBe(2);
    expect(chol.singular).toEqual([2]);
    const inverse = ldlInverse(chol);
    expect([inverse[2], inverse[5], inverse[8]]).toEqual([0, 0, 0]);
  });
});
