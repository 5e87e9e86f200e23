import { describe, expect, it } from 'vitest';
import { StatsInputError } from '../StatsInputError.ts';
import { pca } from './pca.ts';
import { symmetricEigen } from './symmetricEigen.ts';
import { irisMeasurements, loadMultivariateReference } from './testFixtures.ts';

// References: R 4.2.2 prcomp(iris[, 1:4], center = TRUE, scale. = FALSE / TRUE),
// test/reference/multivariate.json (multivariate.R). Component signs are arbitrary in R, so rotation
// and scores are compared up to the sign of each component.
const reference = loadMultivariateReference();
const iris = irisMeasurements();

function closeTo(
  actual: number | undefined,
  expected: number | undefined,
  tolerance: number,
  label: string,
): void {
  expect(Math.abs((actual ?? Number.NaN) - (expected ?? Number.NaN)), label).toBeLessThanOrEqual(tolerance);
}

describe('pca (R prcomp)', () => {
  it('iris.stats.json golden is prcomp with scale. = TRUE, reproduced to 1e-12', () => {
    const result = pca(iris, { scale: true });
    for (const [i, s] of reference.pca_iris_shared.sdev.entries())
      closeTo(result.sdev[i], s, 1e-12, `sdev ${i}`);
    for (const [i, e] of reference.pca_iris_shared.explained.entries())
      closeTo(result.explainedVariance[i], e, 1e-12, `explained ${i}`);
  });

  for (const ref of reference.pca_iris) {
    it(`matches prcomp(center = ${ref.center}, scale. = ${ref.scale}) up to component sign`, () => {
      const result = pca(iris, { center: ref.center, scale: ref.scale });
      expect(result.sdev.length).toBe(4);
      for (const [c, s] of ref.sdev.entries())
        closeTo(result.sdev[c], s, 1e-12 * Math.max(1, s), `sdev ${c}`);
      for (const [c, e] of ref.explained.entries())
        closeTo(result.explainedVariance[c], e, 1e-12, `explained ${c}`);
      for (let c = 0; c < 4; c++) {
        // Align our sign with R's on R's largest loading, then compare the whole column.
        const pivot = ref.rotation.reduce(
          (m, row, j) => (Math.abs(row[c] ?? 0) > Math.abs(ref.rotation[m]?.[c] ?? 0) ? j : m),
          0,
        );
        const sign =
          Math.sign(result.rotation[pivot]?.[c] ?? 0) === Math.sign(ref.rotation[pivot]?.[c] ?? 0) ? 1 : -1;
        for (let j = 0; j < 4; j++)
          closeTo(sign * (result.rotation[j]?.[c] ?? 0), ref.rotation[j]?.[c], 1e-9, `rotation ${j},${c}`);
        for (const [i, row] of ref.x_head.entries())
          closeTo(sign * (result.scores[i]?.[c] ?? 0), row[c], 1e-9, `x ${i},${c}`);
        // Our normalisation: the largest-magnitude loading of each component is positive.
        const column = result.rotation.map((row) => row[c] ?? 0);
        const largest = column.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a), 0);
        expect(largest).toBeGreaterThan(0);
      }
      expect(result.center?.[0]).toBeCloseTo(5.843333333333333, 12);
      expect(result.scale === null).toBe(!ref.scale);
    });
  }

  it('keeps rank components in rotation and scores but every sdev, and scores have variance sdev²', () => {
    const result = pca(iris, { rank: 2 });
    expect(result.rotation[0]?.length).toBe(2);
    expect(result.scores[0]?.length).toBe(2);
    expect(result.sdev.length).toBe(4);
    let squares = 0;
    for (const row of result.scores) squares += (row[0] ?? 0) ** 2;
    closeTo(Math.sqrt(squares / 149), result.sdev[0], 1e-12, 'sd of scores');
  });

  it('returns min(n, p) components and no centering when asked', () => {
    const result = pca(
      [
        [1, 2, 3],
        [2, 1, 5],
      ],
      { center: false },
    );
    expect(result.sdev.length).toBe(2);
    expect(result.center).toBeNull();
  });

  it('rejects ragged rows, NaN, constant columns under scaling and a bad rank', () => {
    expect(() => pca([[1, 2], [3]])).toThrow(/ragged: row 1 has 1 values/);
    expect(() =>
      pca([
        [1, Number.NaN],
        [3, 4],
      ]),
    ).toThrow(StatsInputError);
    expect(() =>
      pca(
        [
          [1, 2],
          [1, 4],
        ],
        { scale: true },
      ),
    ).toThrow(/column 0: it is constant/);
    expect(() => pca(iris, { rank: 5 })).toThrow(/rank/);
    expect(() => pca([[1, 2]])).toThrow(/at least 2 observations/);
    expect(() => pca([])).toThrow(/no rows/);
  });
});

describe('symmetricEigen (Jacobi)', () => {
  it('diagonalises a random symmetric 30×30 matrix: A v = λ v and orthonormal vectors', () => {
    let state = 7;
    const random = () => {
      state = (state * 16807) % 2147483647;
      return state / 2147483647 - 0.5;
    };
    const p = 30;
    const a = Array.from({ length: p }, () => new Float64Array(p));
    for (let i = 0; i < p; i++)
      for (let j = i; j < p; j++) {
        const value = random();
        (a[i] as Float64Array)[j] = value;
        (a[j] as Float64Array)[i] = value;
      }
    const { values, vectors } = symmetricEigen(a);
    for (let c = 1; c < p; c++) expect(values[c] ?? 0).toBeLessThanOrEqual(values[c - 1] ?? 0);
    for (let c = 0; c < p; c++) {
      const v = vectors[c] as Float64Array;
      for (let i = 0; i < p; i++) {
        let av = 0;
        for (let j = 0; j < p; j++) av += (a[i]?.[j] ?? 0) * (v[j] ?? 0);
        closeTo(av, (values[c] ?? 0) * (v[i] ?? 0), 1e-12, `A v ${c},${i}`);
      }
      for (let e = 0; e <= c; e++) {
        let dot = 0;
        for (let j = 0; j < p; j++) dot += (v[j] ?? 0) * (vectors[e]?.[j] ?? 0);
        closeTo(dot, c === e ? 1 : 0, 1e-12, `v${c}·v${e}`);
      }
    }
  });
});
