import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CloseChecker } from '../../test/helpers/expectClose.ts';
import { loadHypothesisReference } from '../../test/helpers/hypothesisReference.ts';
import { StatsInputError } from '../StatsInputError.ts';
import { chiSquareTest } from './chiSquareTest.ts';

// References: R 4.2.2 chisq.test, test/reference/hypothesis.json (hypothesis.R).
const ref = loadHypothesisReference();

describe('chiSquareTest (golden)', () => {
  it('matches R on the 3 x 2 iris table Species x (Sepal.Length > median)', () => {
    const r = chiSquareTest(ref.iris.chisq.table);
    const checker = new CloseChecker(1e-12);
    checker.check('statistic', r.statistic, ref.iris.chisq.statistic);
    checker.check('p', r.p, ref.iris.chisq.p);
    ref.iris.chisq.expected.forEach((row, i) => {
      row.forEach((e, j) => {
        checker.check(`expected[${i}][${j}]`, r.expected[i]?.[j], e);
      });
    });
    expect(r.df).toBe(ref.iris.chisq.df);
    checker.expectAllClose();
  });
  it('matches R with and without Yates on 2 x 2 (including |O - E| < 0.5) and on 3 x 3', () => {
    const checker = new CloseChecker(1e-12);
    ref.chisq.forEach((c, i) => {
      const r = chiSquareTest(c.table, { correct: c.correct });
      checker.check(`case ${i} statistic`, r.statistic, c.statistic);
      checker.check(`case ${i} p`, r.p, c.p);
      expect(r.df).toBe(c.df);
    });
    checker.expectAllClose();
  });
});

describe('chiSquareTest properties', () => {
  const table = fc.array(fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 3, maxLength: 3 }), {
    minLength: 2,
    maxLength: 5,
  });
  it('p in [0, 1], invariant to transposing and reordering rows', () => {
    fc.assert(
      fc.property(table, (t) => {
        const r = chiSquareTest(t);
        expect(r.p).toBeGreaterThanOrEqual(0);
        expect(r.p).toBeLessThanOrEqual(1);
        const transposed = (t[0] ?? []).map((_, j) => t.map((row) => row[j] as number));
        expect(Math.abs(chiSquareTest(transposed).statistic - r.statistic)).toBeLessThan(
          1e-9 * (1 + r.statistic),
        );
        expect(Math.abs(chiSquareTest([...t].reverse()).statistic - r.statistic)).toBeLessThan(
          1e-9 * (1 + r.statistic),
        );
      }),
    );
  });
  it('is zero for a table proportional to its margins', () => {
    const r = chiSquareTest([
      [10, 20, 30],
      [20, 40, 60],
    ]);
    expect(r.statistic).toBeLessThan(1e-12);
    expect(r.p).toBeCloseTo(1, 12);
  });
  it('rejects negative counts, ragged or degenerate tables and empty margins', () => {
    expect(() =>
      chiSquareTest([
        [1, -2],
        [3, 4],
      ]),
    ).toThrow(StatsInputError);
    expect(() => chiSquareTest([[1, 2], [3]])).toThrow(/rectangular/);
    expect(() => chiSquareTest([[1, 2]])).toThrow(/at least 2 rows/);
    expect(() =>
      chiSquareTest([
        [0, 0],
        [3, 4],
      ]),
    ).toThrow(/row 0 sums to zero/);
    expect(() =>
      chiSquareTest([
        [0, 0],
        [0, 0],
      ]),
    ).toThrow(/positive/);
  });
});
