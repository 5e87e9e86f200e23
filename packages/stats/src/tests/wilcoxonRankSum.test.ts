import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CloseChecker, expectClose } from '../../test/helpers/expectClose.ts';
import { irisColumn, loadHypothesisReference, loadIris } from '../../test/helpers/hypothesisReference.ts';
import { wilcoxonCounts, wilcoxonRankSumCdf } from '../distributions/wilcoxonRankSum.ts';
import { StatsInputError } from '../StatsInputError.ts';
import { wilcoxonRankSum } from './wilcoxonRankSum.ts';

// References: R 4.2.2 wilcox.test, test/reference/hypothesis.json (hypothesis.R).
const ref = loadHypothesisReference();
const iris = loadIris();

describe('wilcoxonRankSum (golden)', () => {
  it('matches R on iris (ties: normal approximation with continuity correction)', () => {
    const checker = new CloseChecker(1e-10);
    for (const r of ref.iris.wilcox) {
      const result = wilcoxonRankSum(irisColumn(iris, r.x, r.variable), irisColumn(iris, r.y, r.variable));
      checker.check(`${r.variable} ${r.x}-${r.y} W`, result.statistic, r.statistic);
      checker.check(`${r.variable} ${r.x}-${r.y} p`, result.p, r.p);
      expect(result.exact).toBe(false);
    }
    expect(checker.count).toBe(24);
    checker.expectAllClose();
  });
  it('matches R for exact, tied, uncorrected and large samples in every direction', () => {
    const checker = new CloseChecker(1e-10);
    for (const r of ref.wilcox) {
      const result = wilcoxonRankSum(r.x, r.y, { alternative: r.alternative, correct: r.correct });
      const label = `${r.name} ${r.alternative}`;
      checker.check(`${label} W`, result.statistic, r.statistic);
      checker.check(`${label} p`, result.p, r.p);
      expect(result.exact, label).toBe(r.exact);
    }
    expect(ref.wilcox).toHaveLength(15);
    checker.expectAllClose();
  });
});

describe('Wilcoxon rank-sum distribution', () => {
  it('has counts summing to choose(m + n, n) and symmetric about m n / 2', () => {
    const counts = wilcoxonCounts(4, 6);
    expect(counts.reduce((s, v) => s + v, 0)).toBe(210);
    for (let k = 0; k <= 24; k++) expect(counts[k]).toBe(counts[24 - k]);
    expect(Array.from(wilcoxonCounts(2, 2))).toEqual([1, 1, 2, 1, 1]);
  });
  it('gives the textbook tail P(W <= 0) = 1 / choose(m + n, m)', () => {
    expectClose(wilcoxonRankSumCdf(0, 10, 12), 1 / 646646, 1e-14);
    expect(wilcoxonRankSumCdf(-1, 3, 3)).toBe(0);
    expect(wilcoxonRankSumCdf(9, 3, 3)).toBe(1);
  });
});

describe('wilcoxonRankSum properties', () => {
  const sample = fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 25 });
  it('p in [0, 1], W + W(swapped) = nx ny, two-sided p symmetric, order-free', () => {
    fc.assert(
      fc.property(sample, sample, fc.boolean(), (x, y0, forceNormal) => {
        const y = y0.map((v) => v + 0.5); // no ties between the samples
        const options = forceNormal ? { exact: false } : {};
        const r = wilcoxonRankSum(x, y, options);
        const s = wilcoxonRankSum(y, x, options);
        expect(r.p).toBeGreaterThanOrEqual(0);
        expect(r.p).toBeLessThanOrEqual(1);
        expect(r.statistic + s.statistic).toBe(x.length * y.length);
        expect(Math.abs(r.p - s.p)).toBeLessThan(1e-12);
        expect(r.exact).toBe(!forceNormal);
        expect(wilcoxonRankSum([...x].reverse(), y, options)).toEqual(r);
      }),
    );
  });
  it('rejects empty samples, non-finite values and all-tied data', () => {
    expect(() => wilcoxonRankSum([], [1])).toThrow(StatsInputError);
    expect(() => wilcoxonRankSum([1, Number.POSITIVE_INFINITY], [1])).toThrow(/x\[1\]/);
    expect(() => wilcoxonRankSum([2, 2], [2, 2, 2])).toThrow(/tied/);
  });
});
