import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CloseChecker } from '../../test/helpers/expectClose.ts';
import {
  irisColumn,
  loadHypothesisReference,
  loadIris,
  rNumber,
} from '../../test/helpers/hypothesisReference.ts';
import { StatsInputError } from '../StatsInputError.ts';
import { pairedTTest, studentTTest, type TTestResult, welchTTest } from './tTest.ts';

// References: R 4.2.2 t.test, test/reference/hypothesis.json (made by hypothesis.R beside it).
const ref = loadHypothesisReference();
const iris = loadIris();

function compare(
  checker: CloseChecker,
  label: string,
  actual: TTestResult,
  expected: (typeof ref.ttests)[number] | (typeof ref.iris.welch)[number],
) {
  checker.check(`${label} statistic`, actual.statistic, expected.statistic);
  checker.check(`${label} df`, actual.df, expected.df);
  checker.check(`${label} p`, actual.p, expected.p);
  actual.ci.forEach((bound, i) => {
    const e = rNumber(expected.ci[i]);
    if (Number.isFinite(e)) checker.check(`${label} ci[${i}]`, bound, e);
    else expect(bound, `${label} ci[${i}]`).toBe(e);
  });
  expect(actual.estimate).toHaveLength(expected.estimate.length);
  expected.estimate.forEach((e, i) => {
    checker.check(`${label} estimate[${i}]`, actual.estimate[i], e);
  });
  expect(actual.method).toBe(expected.method);
}

describe('welchTTest on iris (golden)', () => {
  it('matches R t.test for every variable and species pair', () => {
    const checker = new CloseChecker(1e-10);
    for (const r of ref.iris.welch) {
      const result = welchTTest(irisColumn(iris, r.x, r.variable), irisColumn(iris, r.y, r.variable));
      compare(checker, `${r.variable} ${r.x}-${r.y}`, result, r);
    }
    expect(checker.count).toBe(12 * 7);
    checker.expectAllClose();
  });
  it('reproduces the Sepal.Length setosa vs versicolor numbers', () => {
    const r = welchTTest(
      irisColumn(iris, 'setosa', 'Sepal.Length'),
      irisColumn(iris, 'versicolor', 'Sepal.Length'),
    );
    expect(r.statistic).toBeCloseTo(-10.521, 3);
    expect(r.df).toBeCloseTo(86.538, 3);
    expect(r.p).toBeLessThan(1e-16);
  });
});

describe('t-tests on small samples, every alternative and mu (golden)', () => {
  it('match R t.test(conf.level = 0.9) for welch, var.equal and paired', () => {
    const checker = new CloseChecker(1e-10);
    for (const r of ref.ttests) {
      const options = { alternative: r.alternative, mu: r.mu, confLevel: r.confLevel };
      const result =
        r.kind === 'welch'
          ? welchTTest(ref.ttest_x, ref.ttest_y, options)
          : r.kind === 'student'
            ? studentTTest(ref.ttest_x, ref.ttest_y, options)
            : pairedTTest(ref.paired_x, ref.paired_y, options);
      compare(checker, `${r.kind} ${r.alternative} mu=${r.mu}`, result, r);
    }
    expect(ref.ttests).toHaveLength(18);
    checker.expectAllClose();
  });
});

describe('t-test properties', () => {
  const sample = fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2, maxLength: 30 });
  const varied = sample.filter((xs) => Math.max(...xs) - Math.min(...xs) > 1e-3);
  it('p is in [0, 1], two-sided p is symmetric in x and y, and one-sided p-values add to 1', () => {
    fc.assert(
      fc.property(varied, varied, (x, y) => {
        for (const test of [welchTTest, studentTTest]) {
          const r = test(x, y);
          expect(r.p).toBeGreaterThanOrEqual(0);
          expect(r.p).toBeLessThanOrEqual(1);
          expect(Math.abs(test(y, x).p - r.p)).toBeLessThanOrEqual(1e-12);
          const less = test(x, y, { alternative: 'less' }).p;
          const greater = test(x, y, { alternative: 'greater' }).p;
          expect(Math.abs(less + greater - 1)).toBeLessThan(1e-12);
          expect(Math.abs(2 * Math.min(less, greater) - r.p)).toBeLessThan(1e-12);
          expect(r.ci[0]).toBeLessThanOrEqual(r.ci[1]);
        }
      }),
    );
  });
  it('does not depend on the order of the observations', () => {
    fc.assert(
      fc.property(varied, varied, (x, y) => {
        const r = welchTTest(x, y);
        const s = welchTTest([...x].reverse(), [...y].reverse());
        expect(Math.abs(s.statistic - r.statistic)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(r.statistic)),
        );
      }),
    );
  });
  it('paired test equals the Welch statistic on differences against zero-mean noise-free shift', () => {
    const x = [1, 2, 3, 4, 6];
    const y = [0.5, 1.1, 2.9, 3.2, 5.0];
    const r = pairedTTest(x, y);
    const d = x.map((v, i) => v - (y[i] as number));
    const mean = d.reduce((s, v) => s + v, 0) / d.length;
    const sd = Math.sqrt(d.reduce((s, v) => s + (v - mean) ** 2, 0) / (d.length - 1));
    expect(r.statistic).toBeCloseTo(mean / (sd / Math.sqrt(d.length)), 12);
    expect(r.df).toBe(4);
  });
});

describe('t-test input errors', () => {
  it('rejects too few observations, constant data, mismatched pairs and bad options', () => {
    expect(() => welchTTest([1], [1, 2])).toThrow(StatsInputError);
    expect(() => welchTTest([1, 2], [3])).toThrow(/not enough 'y'/);
    expect(() => welchTTest([2, 2, 2], [2, 2])).toThrow(/essentially constant/);
    expect(() => studentTTest([1], [2])).toThrow(StatsInputError);
    expect(() => pairedTTest([1, 2, 3], [1, 2])).toThrow(/equal lengths/);
    expect(() => pairedTTest([1, 2, 3], [0, 1, 2])).toThrow(/essentially constant/);
    expect(() => welchTTest([1, 2], [3, 4], { confLevel: 1 })).toThrow(/confLevel/);
    expect(() => welchTTest([1, Number.NaN], [3, 4])).toThrow(/x\[1\]/);
  });
  it('accepts a single observation in one group of the pooled test, as R', () => {
    const r = studentTTest([1], [2, 3, 5]);
    expect(r.df).toBe(2);
  });
});
