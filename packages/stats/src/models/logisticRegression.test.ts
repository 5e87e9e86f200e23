import { describe, expect, it } from 'vitest';
import { CloseChecker } from '../../test/helpers/expectClose.ts';
import { loadModelCases } from '../../test/helpers/modelsReference.ts';
import { StatsInputError } from '../StatsInputError.ts';
import { logisticRegression } from './logisticRegression.ts';

// References: R 4.2.2 summary(glm(..., family = binomial)), test/reference/models.json (models.R).
const cases = loadModelCases().filter((c) => c.kind === 'glm');

describe('logisticRegression (golden)', () => {
  it('has the reference cases', () => {
    expect(cases.length).toBe(3);
  });
  for (const c of cases) {
    it(`matches R summary(glm(family = binomial)) for ${c.name}`, () => {
      const r = logisticRegression({
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
        checker.check(`${et.term} z`, at?.z, et.z);
        checker.check(`${et.term} p`, at?.p, et.p);
      });
      checker.check('deviance', r.deviance, e.deviance);
      checker.check('nullDeviance', r.nullDeviance, e.nullDeviance);
      checker.check('aic', r.aic, e.aic);
      checker.check('iterations', r.iterations, e.iterations);
      checker.check('n', r.n, e.n);
      checker.check('nDropped', r.nDropped, e.nDropped);
      expect(r.converged).toBe(e.converged);
      expect(e.nDropped).toBeGreaterThan(0);
      expect(checker.count).toBe(4 * e.terms.length + 6);
      checker.expectAllClose();
    });
  }
});

describe('logisticRegression input checks', () => {
  it('refuses perfect separation instead of returning NaN', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8];
    const y = [0, 0, 0, 0, 1, 1, 1, 1];
    const call = () => logisticRegression({ y, predictors: { x } });
    expect(call).toThrow(StatsInputError);
    expect(call).toThrow(/separated/);
  });
  it('reports quasi-complete separation by a category as R does (no 0/1 fits, huge se)', () => {
    // R: glm(y ~ g, binomial) converges in 18 iterations without warning; fitted P(a) ~ 3e-9.
    const g = ['a', 'a', 'a', 'b', 'b', 'b', 'b', 'b'];
    const y = [0, 0, 0, 1, 0, 1, 1, 0];
    const r = logisticRegression({ y, predictors: { g } });
    const checker = new CloseChecker(1e-6);
    checker.check('intercept', r.terms[0]?.estimate, -19.566068518528159);
    checker.check('intercept se', r.terms[0]?.se, 6208.8322840653937);
    checker.check('gb', r.terms[1]?.estimate, 19.971533626636319);
    checker.check('gb se', r.terms[1]?.se, 6208.8323511740928);
    checker.check('deviance', r.deviance, 6.7301166891785966);
    checker.expectAllClose();
    expect(r.iterations).toBe(18);
    expect(r.converged).toBe(true);
  });
  it('refuses a non-binary or constant response', () => {
    expect(() => logisticRegression({ y: [0, 1, 2, 1], predictors: { x: [1, 2, 3, 4] } })).toThrow(/0\/1/);
    expect(() => logisticRegression({ y: [1, 1, 1, 1], predictors: { x: [1, 2, 3, 4] } })).toThrow(
      /both outcomes/,
    );
  });
});
