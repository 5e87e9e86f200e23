import { describe, expect, it } from 'vitest';
import { CloseChecker } from '../../test/helpers/expectClose.ts';
import { loadModelCases } from '../../test/helpers/modelsReference.ts';
import { StatsInputError } from '../StatsInputError.ts';
import { linearRegression } from './linearRegression.ts';

// References: R 4.2.2 summary(lm(...)), test/reference/models.json (made by models.R beside it).
const cases = loadModelCases().filter((c) => c.kind === 'lm');

describe('linearRegression (golden)', () => {
  it('has the reference cases, most with missing values', () => {
    expect(cases.length).toBe(5);
    expect(cases.filter((c) => c.result.nDropped > 0).length).toBe(4);
  });
  for (const c of cases) {
    it(`matches R summary(lm) for ${c.name}`, () => {
      const r = linearRegression({
        y: c.input.y,
        predictors: c.input.predictors,
        reference: c.input.reference,
      });
      const e = c.result;
      const checker = new CloseChecker(1e-6);
      expect(r.terms.map((t) => t.term)).toEqual(e.terms.map((t) => t.term));
      e.terms.forEach((et, j) => {
        const at = r.terms[j];
        checker.check(`${et.term} estimate`, at?.estimate, et.estimate);
        checker.check(`${et.term} se`, at?.se, et.se);
        checker.check(`${et.term} t`, at?.t, et.t);
        checker.check(`${et.term} p`, at?.p, et.p);
      });
      checker.check('sigma', r.sigma, e.sigma);
      checker.check('rSquared', r.rSquared, e.rSquared);
      checker.check('adjRSquared', r.adjRSquared, e.adjRSquared);
      checker.check('F', r.fStatistic.value, e.fStatistic?.value);
      checker.check('F df1', r.fStatistic.df1, e.fStatistic?.df1);
      checker.check('F df2', r.fStatistic.df2, e.fStatistic?.df2);
      checker.check('F p', r.fStatistic.p, e.fStatistic?.p);
      checker.check('df', r.df, e.df);
      checker.check('n', r.n, e.n);
      checker.check('nDropped', r.nDropped, e.nDropped);
      expect(checker.count).toBe(4 * e.terms.length + 10);
      checker.expectAllClose();
    });
  }
});

describe('linearRegression input checks', () => {
  it('names the aliased term of a singular design', () => {
    const x1 = [1, 2, 3, 4, 5, 6];
    const x2 = x1.map((v) => 2 * v + 1);
    const call = () => linearRegression({ y: [1, 3, 2, 5, 4, 6], predictors: { x1, x2 } });
    expect(call).toThrow(StatsInputError);
    expect(call).toThrow(/"x2"/);
  });
  it('names a level dummy made redundant by another predictor', () => {
    const g = ['a', 'a', 'b', 'b', 'a', 'b'];
    const gb = Float64Array.from(g, (v) => (v === 'b' ? 1 : 0));
    expect(() => linearRegression({ y: [1, 3, 2, 5, 4, 6], predictors: { gb, g } })).toThrow(/"gb"/);
  });
  it('refuses too few observations and mismatched lengths', () => {
    expect(() => linearRegression({ y: [1, 2], predictors: { x: [1, 2] } })).toThrow(StatsInputError);
    expect(() => linearRegression({ y: [1, 2, 3], predictors: { x: [1, 2] } })).toThrow(/2 entries/);
    expect(() => linearRegression({ y: [1, 2, 3], predictors: {} })).toThrow(StatsInputError);
  });
  it('fits an exact line with zero residual error', () => {
    const r = linearRegression({ y: [3, 5, 7, 9.5], predictors: { x: [1, 2, 3, 4.25] } });
    expect(r.terms[0]?.estimate).toBeCloseTo(1, 12);
    expect(r.terms[1]?.estimate).toBeCloseTo(2, 12);
    expect(r.sigma).toBeLessThan(1e-12);
  });
});
