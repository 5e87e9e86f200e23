import { mulberry32, welchTTest } from '@plexus/stats';
import { describe, expect, it } from 'vitest';
import { welchByFeature } from './welchByFeature.ts';

/** A features × entities matrix of normal-ish values with some missing, row-major. */
function randomMatrix(features: number, entities: number, seed: number): Float64Array {
  const random = mulberry32(seed);
  return Float64Array.from({ length: features * entities }, (_, index) => {
    const shift = index % entities < entities / 2 ? (index % 7) * 0.1 : 0;
    return random() < 0.05 ? Number.NaN : 5 + shift + 2 * (random() + random() + random() - 1.5);
  });
}

describe('welchByFeature', () => {
  it('gives welchTTest’s numbers exactly, feature by feature, dropping missing values', () => {
    const entities = 23;
    const values = randomMatrix(200, entities, 7);
    const first = Int32Array.from({ length: 11 }, (_, i) => i);
    const second = Int32Array.from({ length: 12 }, (_, i) => 11 + i);
    const result = welchByFeature(values, entities, first, second);
    for (let f = 0; f < 200; f++) {
      const pick = (columns: Int32Array) =>
        Array.from(columns, (column) => values[f * entities + column] as number).filter(
          (value) => !Number.isNaN(value),
        );
      const expected = welchTTest(pick(first), pick(second));
      expect(result.t[f], `t ${f}`).toBe(expected.statistic);
      expect(result.df[f], `df ${f}`).toBe(expected.df);
      expect(result.p[f], `p ${f}`).toBe(expected.p);
      expect([result.mean1[f], result.mean2[f]]).toEqual(expected.estimate);
    }
  });

  it('skips features with fewer than 2 values in a group or no variation, without failing', () => {
    // entities 0–2 are group 1, 3–5 group 2
    const values = Float64Array.from([
      ...[1, 2, 3, 4, 5, 6],
      ...[1, Number.NaN, Number.NaN, 4, 5, 6],
      ...[2, 2, 2, 2, 2, 2],
    ]);
    const result = welchByFeature(values, 6, Int32Array.from([0, 1, 2]), Int32Array.from([3, 4, 5]));
    expect(result.skipped).toEqual([null, 'too-few-values', 'constant']);
    expect(Array.from(result.n1)).toEqual([3, 1, 3]);
    expect(Number.isNaN(result.p[1] ?? 0)).toBe(true);
    expect(result.t[0]).toBeCloseTo(-3.674234614174767, 12); // R: t.test(1:3, 4:6)$statistic
  });

  it('tests 12,625 features × 128 entities in well under a second', () => {
    const entities = 128;
    const values = randomMatrix(12_625, entities, 3);
    const first = Int32Array.from({ length: 95 }, (_, i) => i);
    const second = Int32Array.from({ length: 33 }, (_, i) => 95 + i);
    const start = performance.now();
    const result = welchByFeature(values, entities, first, second);
    const elapsed = performance.now() - start;
    expect(result.p.every((p) => p >= 0 && p <= 1)).toBe(true);
    expect(elapsed).toBeLessThan(1000);
  });
});
