import { describe, expect, it } from 'vitest';
import { StatsInputError } from '../StatsInputError.ts';
import { kmeans } from './kmeans.ts';
import { mulberry32 } from './mulberry32.ts';
import { irisMeasurements, loadMultivariateReference } from './testFixtures.ts';

// References: R 4.2.2 kmeans(iris[, 1:4], 3, nstart = 25), test/reference/multivariate.json
// (multivariate.R). Cluster numbering is arbitrary, so only the sums of squares are compared.
const reference = loadMultivariateReference().kmeans_iris;
const iris = irisMeasurements();

/** Three tight Gaussian-ish blobs far apart, 20 points each, in a shuffled order. */
function blobs(): { points: Float64Array[]; truth: number[] } {
  const random = mulberry32(99);
  const means = [
    [0, 0, 0],
    [10, 10, 0],
    [-10, 5, 10],
  ];
  const points: Float64Array[] = [];
  const truth: number[] = [];
  for (let i = 0; i < 60; i++) {
    const g = (i * 7) % 3;
    const mean = means[g] ?? [0, 0, 0];
    points.push(Float64Array.from(mean, (m) => m + random() - 0.5));
    truth.push(g);
  }
  return { points, truth };
}

describe('kmeans (Lloyd + k-means++)', () => {
  it("reaches R's optimum on iris, k = 3: tot.withinss 78.85144 to 1e-6", () => {
    const result = kmeans(iris, 3, { seed: 2026, nStart: 10 });
    expect(Math.abs(result.totWithinss - reference.tot_withinss)).toBeLessThan(1e-6);
    expect(Math.abs(result.betweenss - reference.betweenss)).toBeLessThan(1e-6);
    expect(Math.abs(result.totss - reference.totss)).toBeLessThan(1e-9);
    const sorted = Array.from(result.withinss).sort((a, b) => a - b);
    for (const [i, w] of sorted.entries())
      expect(Math.abs(w - (reference.withinss[i] ?? 0))).toBeLessThan(1e-6);
    expect(result.converged).toBe(true);
    const sizes = [0, 0, 0];
    for (const c of result.cluster) sizes[c - 1] = (sizes[c - 1] ?? 0) + 1;
    expect(sizes.sort((a, b) => a - b)).toEqual([38, 50, 62]);
  });

  it('recovers well-separated clusters exactly, with 1-based labels and centres at the cluster means', () => {
    const { points, truth } = blobs();
    const result = kmeans(points, 3, { seed: 5 });
    expect(result.cluster).toBeInstanceOf(Int32Array);
    const mapping = new Map<number, number>();
    truth.forEach((g, i) => {
      const c = result.cluster[i] ?? 0;
      expect(c).toBeGreaterThanOrEqual(1);
      expect(c).toBeLessThanOrEqual(3);
      if (!mapping.has(g)) mapping.set(g, c);
      expect(mapping.get(g)).toBe(c);
    });
    expect(new Set(mapping.values()).size).toBe(3);
    for (let c = 1; c <= 3; c++) {
      const members = points.filter((_, i) => result.cluster[i] === c);
      const mean = members.reduce((s, row) => s + (row[0] ?? 0), 0) / members.length;
      expect(result.centers[c - 1]?.[0]).toBeCloseTo(mean, 12);
    }
    expect(result.totWithinss + result.betweenss).toBeCloseTo(result.totss, 9);
  });

  it('is deterministic for a given seed', () => {
    const a = kmeans(iris, 4, { seed: 11, nStart: 3 });
    const b = kmeans(iris, 4, { seed: 11, nStart: 3 });
    expect(Array.from(a.cluster)).toEqual(Array.from(b.cluster));
    expect(a.totWithinss).toBe(b.totWithinss);
    expect(a.iterations).toBe(b.iterations);
  });

  it('handles k = 1 and k = n', () => {
    const one = kmeans(iris, 1);
    expect(one.totWithinss).toBeCloseTo(reference.totss, 9);
    expect(one.betweenss).toBeCloseTo(0, 9);
    const points = [[0], [1], [5], [9]];
    const all = kmeans(points, 4, { seed: 3 });
    expect(all.totWithinss).toBe(0);
    expect(new Set(all.cluster).size).toBe(4);
  });

  it('rejects k > n, k above the distinct points, bad k, ragged rows and NaN', () => {
    expect(() => kmeans([[1], [2]], 3)).toThrow(/exceeds the number of observations \(2\)/);
    expect(() => kmeans([[1], [1], [2]], 3)).toThrow(/distinct observations \(2\)/);
    expect(() => kmeans([[1], [2]], 0)).toThrow(StatsInputError);
    expect(() => kmeans([[1], [2]], 1.5)).toThrow(/positive integer/);
    expect(() => kmeans([[1, 2], [2]], 1)).toThrow(/ragged/);
    expect(() => kmeans([[1], [Number.NaN]], 1)).toThrow(/matrix\[1\]\[0\] is NaN/);
    expect(() => kmeans([[1], [2]], 1, { nStart: 0 })).toThrow(/nStart/);
  });
});
