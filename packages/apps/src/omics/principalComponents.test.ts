import { mulberry32, pca } from '@plexus/stats';
import { describe, expect, it } from 'vitest';
import { principalComponents } from './principalComponents.ts';
import { topVariableFeatures } from './topVariableFeatures.ts';

function randomRows(n: number, p: number, seed: number): Float64Array[] {
  const random = mulberry32(seed);
  // A few strong directions plus noise, so the leading components are well separated.
  const factors = Array.from({ length: n }, () => [random() * 4, random() * 2]);
  return Array.from({ length: n }, (_, i) =>
    Float64Array.from(
      { length: p },
      (_, j) => (factors[i]?.[0] ?? 0) * Math.sin(j) + (factors[i]?.[1] ?? 0) * Math.cos(3 * j) + random(),
    ),
  );
}

describe('principalComponents', () => {
  it.each([false, true])(
    'matches @plexus/stats pca when variables outnumber observations (scale %s)',
    (scale) => {
      const rows = randomRows(12, 40, 11);
      const expected = pca(rows, { scale, rank: 3 });
      const actual = principalComponents(rows, { scale, rank: 3 });
      expect(actual.sdev).toHaveLength(12);
      for (let k = 0; k < 11; k++) {
        expect(actual.sdev[k]).toBeCloseTo(expected.sdev[k] ?? Number.NaN, 10);
        expect(actual.explained[k]).toBeCloseTo(expected.explainedVariance[k] ?? Number.NaN, 12);
      }
      // Same sign convention (largest loading positive): scores agree including their signs.
      for (let i = 0; i < 12; i++)
        for (let k = 0; k < 3; k++)
          expect(actual.scores[i]?.[k]).toBeCloseTo(expected.scores[i]?.[k] ?? Number.NaN, 9);
    },
  );

  it('is pca itself when there are no more variables than observations', () => {
    const rows = randomRows(30, 5, 5);
    expect(principalComponents(rows, { scale: false, rank: 2 }).sdev).toEqual(pca(rows, { rank: 2 }).sdev);
  });
});

describe('topVariableFeatures', () => {
  it('ranks by variance and leaves out incomplete and constant features', () => {
    const values = Float64Array.from([
      ...[1, 2, 3], // variance 1
      ...[1, 5, 9], // variance 16
      ...[4, 4, 4], // constant
      ...[1, Number.NaN, 3], // incomplete
      ...[0, 2, 4], // variance 4
    ]);
    const selection = topVariableFeatures(values, 3, Int32Array.from([0, 1, 2]), 2);
    expect(selection).toEqual({ rows: [1, 4], incomplete: 1, constant: 1 });
  });
});
