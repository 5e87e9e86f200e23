import { describe, expect, it } from 'vitest';
import { StatsInputError } from '../StatsInputError.ts';
import { hierarchicalClustering } from './hierarchicalClustering.ts';
import { loadMultivariateReference } from './testFixtures.ts';

// References: R 4.2.2 hclust(dist(H), method) on a set.seed(42) 12×3 matrix without ties,
// test/reference/multivariate.json (multivariate.R). Heights to 1e-10; merge and order exactly.
const reference = loadMultivariateReference();

describe('hierarchicalClustering (R hclust(dist(x)))', () => {
  for (const ref of reference.hclust) {
    it(`matches hclust(method = "${ref.method}")`, () => {
      const result = hierarchicalClustering(reference.hclust_data, { method: ref.method });
      expect(result.height.length).toBe(ref.height.length);
      for (const [i, h] of ref.height.entries())
        expect(Math.abs((result.height[i] ?? 0) - h), `height ${i}`).toBeLessThan(1e-10);
      expect(result.merge).toEqual(ref.merge);
      expect(Array.from(result.order)).toEqual(ref.order);
    });
  }

  it('defaults to complete linkage and handles two observations', () => {
    const two = hierarchicalClustering([
      [0, 0],
      [3, 4],
    ]);
    expect(two.merge).toEqual([[-1, -2]]);
    expect(Array.from(two.height)).toEqual([5]);
    expect(Array.from(two.order)).toEqual([1, 2]);
    expect(Array.from(hierarchicalClustering(reference.hclust_data).height)).toEqual(
      Array.from(hierarchicalClustering(reference.hclust_data, { method: 'complete' }).height),
    );
  });

  it('rejects one observation, ragged rows, NaN and an unknown method', () => {
    expect(() => hierarchicalClustering([[1, 2]])).toThrow(/at least 2 observations/);
    expect(() => hierarchicalClustering([[1, 2], [3]])).toThrow(/ragged/);
    expect(() => hierarchicalClustering([[1], [Number.POSITIVE_INFINITY]])).toThrow(StatsInputError);
    expect(() => hierarchicalClustering([[1], [2]], { method: 'centroid' as unknown as 'single' })).toThrow(
      /method must be one of/,
    );
  });
});
