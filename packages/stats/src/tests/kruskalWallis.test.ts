import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CloseChecker } from '../../test/helpers/expectClose.ts';
import { irisColumn, loadHypothesisReference, loadIris } from '../../test/helpers/hypothesisReference.ts';
import { StatsInputError } from '../StatsInputError.ts';
import { kruskalWallis } from './kruskalWallis.ts';
import { oneWayAnova } from './oneWayAnova.ts';
import { studentTTest, welchTTest } from './tTest.ts';
import { wilcoxonRankSum } from './wilcoxonRankSum.ts';

// References: R 4.2.2 kruskal.test and summary(aov(value ~ Species)), test/reference/hypothesis.json.
const ref = loadHypothesisReference();
const iris = loadIris();
const SPECIES = ['setosa', 'versicolor', 'virginica'];
const groupsOf = (variable: string) => SPECIES.map((s) => irisColumn(iris, s, variable));

describe('kruskalWallis and oneWayAnova on iris (golden)', () => {
  it('kruskalWallis matches R kruskal.test (ties corrected)', () => {
    const checker = new CloseChecker(1e-10);
    for (const r of ref.iris.kruskal) {
      const result = kruskalWallis(groupsOf(r.variable));
      checker.check(`${r.variable} statistic`, result.statistic, r.statistic);
      checker.check(`${r.variable} p`, result.p, r.p);
      expect(result.df).toBe(r.df);
    }
    checker.expectAllClose();
  });
  it('oneWayAnova matches R summary(aov)', () => {
    const checker = new CloseChecker(1e-10);
    for (const r of ref.iris.anova) {
      const a = oneWayAnova(groupsOf(r.variable));
      expect([a.dfBetween, a.dfWithin]).toEqual(r.df);
      checker.check(`${r.variable} ss between`, a.ssBetween, r.ss[0]);
      checker.check(`${r.variable} ss within`, a.ssWithin, r.ss[1]);
      checker.check(`${r.variable} F`, a.statistic, r.statistic);
      checker.check(`${r.variable} p`, a.p, r.p);
    }
    checker.expectAllClose();
  });
});

describe('kruskalWallis and oneWayAnova properties', () => {
  const group = fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 2, maxLength: 15 });
  it('two-group ANOVA F equals the pooled t statistic squared, with the same p', () => {
    fc.assert(
      fc.property(group, group, (x, y) => {
        const spread = Math.max(...x, ...y) - Math.min(...x, ...y);
        const constant = new Set(x).size === 1 && new Set(y).size === 1;
        fc.pre(spread > 0 && !constant);
        const a = oneWayAnova([x, y]);
        const t = studentTTest(x, y);
        expect(Math.abs(a.statistic - t.statistic ** 2)).toBeLessThan(1e-8 * (1 + a.statistic));
        expect(Math.abs(a.p - t.p)).toBeLessThan(1e-9);
      }),
    );
  });
  it('two-group Kruskal-Wallis equals the uncorrected Wilcoxon normal approximation', () => {
    fc.assert(
      fc.property(group, group, (x, y) => {
        fc.pre(Math.max(...x, ...y) > Math.min(...x, ...y));
        const k = kruskalWallis([x, y]);
        const w = wilcoxonRankSum(x, y, { exact: false, correct: false });
        expect(Math.abs(k.p - w.p)).toBeLessThan(1e-9);
        expect(kruskalWallis([y, x]).statistic).toBeCloseTo(k.statistic, 9);
      }),
    );
  });
  it('reject fewer than two groups, empty groups and degenerate data', () => {
    expect(() => kruskalWallis([[1, 2, 3]])).toThrow(StatsInputError);
    expect(() => kruskalWallis([[1, 2], []])).toThrow(/group 1 is empty/);
    expect(() => kruskalWallis([[1, 1], [1]])).toThrow(/tied/);
    expect(() => oneWayAnova([[1], [2]])).toThrow(/more observations/);
    expect(() =>
      oneWayAnova([
        [1, 1],
        [2, 2],
      ]),
    ).toThrow(/zero residual variance/);
    expect(welchTTest([1, 2], [3, 5]).df).toBeGreaterThan(0);
  });
});
