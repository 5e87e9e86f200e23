import { describe, expect, it } from 'vitest';
import { StatsInputError } from '../StatsInputError.ts';
import { fixedEffectMeta } from './fixedEffectMeta.ts';
import { randomEffectsMeta } from './randomEffectsMeta.ts';

describe('randomEffectsMeta (DerSimonian–Laird)', () => {
  it('equals the fixed-effect result when Q <= df (tau^2 truncated at 0)', () => {
    const y = [0.1, 0.12, 0.09];
    const se = [0.1, 0.2, 0.15];
    const re = randomEffectsMeta(y, se);
    const fe = fixedEffectMeta(y, se);
    expect(re.tau2).toBe(0);
    expect(re.h).toBe(1);
    expect(re.iSquared).toBe(0);
    expect(re.estimate).toBeCloseTo(fe.estimate, 15);
    expect(re.se).toBeCloseTo(fe.se, 15);
  });

  it('widens the interval and evens out the weights under heterogeneity', () => {
    const y = [-1, 0, 1, 0.2];
    const se = [0.1, 0.3, 0.1, 0.5];
    const re = randomEffectsMeta(y, se);
    const fe = fixedEffectMeta(y, se);
    expect(re.tau2).toBeGreaterThan(0);
    expect(re.se).toBeGreaterThan(fe.se);
    expect(Math.max(...re.weightPercent)).toBeLessThan(Math.max(...fe.weightPercent));
    expect(re.weightPercent.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 12);
    // I^2 = (H^2 - 1) / H^2 in percent.
    expect(re.iSquared).toBeCloseTo((100 * (re.h ** 2 - 1)) / re.h ** 2, 12);
  });

  it('is equivariant under a shift of all estimates (tau^2 unchanged)', () => {
    const se = [0.2, 0.3, 0.25, 0.4];
    const a = randomEffectsMeta([0.1, 0.9, -0.4, 0.3], se);
    const b = randomEffectsMeta([5.1, 5.9, 4.6, 5.3], se);
    expect(b.tau2).toBeCloseTo(a.tau2, 12);
    expect(b.estimate - 5).toBeCloseTo(a.estimate, 12);
  });

  it('needs at least two studies and valid inputs', () => {
    expect(() => randomEffectsMeta([0.2], [0.1])).toThrow(/1 study given; this analysis needs at least 2/);
    expect(() => randomEffectsMeta([0.2, Number.NaN], [0.1, 0.1])).toThrow(StatsInputError);
    expect(() => randomEffectsMeta([0.2, 0.1], [0.1, -0.1])).toThrow(/standardErrors\[1\]/);
  });
});
