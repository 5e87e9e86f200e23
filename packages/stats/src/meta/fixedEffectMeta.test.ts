import { describe, expect, it } from 'vitest';
import { StatsInputError } from '../StatsInputError.ts';
import { fixedEffectMeta } from './fixedEffectMeta.ts';
import { toRatioScale } from './toRatioScale.ts';

describe('fixedEffectMeta', () => {
  it('weights by inverse variance', () => {
    // Two studies, SE 1 and 2: weights 1 and 1/4, so 80% and 20%.
    const r = fixedEffectMeta([1, 2], [1, 2]);
    expect(r.estimate).toBeCloseTo((1 + 2 / 4) / 1.25, 14);
    expect(r.se).toBeCloseTo(Math.sqrt(1 / 1.25), 14);
    expect(Array.from(r.weightPercent)).toEqual([80, 20]);
    expect(r.q).toBeCloseTo(1 * (1 - 1.2) ** 2 + 0.25 * (2 - 1.2) ** 2, 14);
    expect(r.df).toBe(1);
    expect(r.iSquared).toBe(0);
    expect(r.k).toBe(2);
  });

  it('with one study returns that study, with undefined heterogeneity p', () => {
    const r = fixedEffectMeta([0.3], [0.1], { level: 0.9 });
    expect(r.estimate).toBe(0.3);
    expect(r.se).toBeCloseTo(0.1, 15);
    expect(r.lower).toBeCloseTo(0.3 - 1.6448536269514722 * 0.1, 12);
    expect(r.q).toBe(0);
    expect(r.df).toBe(0);
    expect(r.pQ).toBeNaN();
    expect(r.iSquared).toBe(0);
  });

  it('accepts typed arrays and is invariant to study order', () => {
    const a = fixedEffectMeta(Float64Array.of(0.1, -0.2, 0.4), Float64Array.of(0.2, 0.3, 0.25));
    const b = fixedEffectMeta([0.4, 0.1, -0.2], [0.25, 0.2, 0.3]);
    expect(a.estimate).toBeCloseTo(b.estimate, 15);
    expect(a.q).toBeCloseTo(b.q, 15);
  });

  it('exponentiates estimate and limits for ratios', () => {
    const r = fixedEffectMeta([Math.log(0.8), Math.log(0.7)], [0.1, 0.2]);
    const ratio = toRatioScale(r);
    expect(ratio.ratio).toBeCloseTo(Math.exp(r.estimate), 15);
    expect(ratio.lower).toBeCloseTo(Math.exp(r.lower), 15);
    expect(ratio.upper).toBeCloseTo(Math.exp(r.upper), 15);
    expect(ratio.lower).toBeLessThan(ratio.ratio);
  });

  it('rejects NaN, non-positive or infinite SEs, mismatched lengths, no studies and a bad level', () => {
    expect(() => fixedEffectMeta([Number.NaN, 1], [1, 1])).toThrow(/estimates\[0\] is NaN/);
    expect(() => fixedEffectMeta([1, 1], [1, 0])).toThrow(/standardErrors\[1\] is 0/);
    expect(() => fixedEffectMeta([1, 1], [-1, 1])).toThrow(StatsInputError);
    expect(() => fixedEffectMeta([1, 1], [Number.NaN, 1])).toThrow(StatsInputError);
    expect(() => fixedEffectMeta([1, 1], [Number.POSITIVE_INFINITY, 1])).toThrow(StatsInputError);
    expect(() => fixedEffectMeta([1, 1], [1])).toThrow(/one of each per study/);
    expect(() => fixedEffectMeta([], [])).toThrow(/at least 1/);
    expect(() => fixedEffectMeta([1], [1], { level: 1 })).toThrow(/level/);
  });
});
