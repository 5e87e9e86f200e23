import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../multivariate/mulberry32.ts';
import { StatsInputError } from '../StatsInputError.ts';
import { welchTTest } from '../tests/tTest.ts';
import { momentsOf, pooledMoments } from './pooledMoments.ts';
import { welchFromMoments } from './welchFromMoments.ts';

function sample(seed: number, n: number, offset: number, scale: number): number[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => offset + scale * (random() + random() + random() - 1.5));
}

function relative(a: number, b: number): number {
  return Math.abs(a - b) / Math.abs(b);
}

describe('momentsOf and pooledMoments', () => {
  it('pooled moments of parts equal the moments of the whole', () => {
    const all = sample(1, 500, 10, 3);
    const parts = [all.slice(0, 7), all.slice(7, 250), all.slice(250, 251), all.slice(251)];
    const pooled = pooledMoments(parts.map((p) => momentsOf(Float64Array.from(p))));
    const whole = momentsOf(Float64Array.from(all));
    expect(pooled.n).toBe(500);
    expect(relative(pooled.mean, whole.mean)).toBeLessThan(1e-14);
    expect(relative(pooled.m2, whole.m2)).toBeLessThan(1e-13);
    expect(pooled.variance).toBeCloseTo(whole.m2 / 499, 12);
    expect(pooled.sd).toBeCloseTo(Math.sqrt(whole.m2 / 499), 12);
  });

  it('stays accurate with a large mean and a small spread (where sum of squares fails)', () => {
    const all = sample(2, 300, 1e8, 1);
    const parts = [all.slice(0, 100), all.slice(100, 200), all.slice(200)];
    const pooled = pooledMoments(parts.map((p) => momentsOf(p)));
    const whole = momentsOf(all);
    expect(relative(pooled.m2, whole.m2)).toBeLessThan(1e-9);
    // The naive sum of x^2 - n mean^2 has no correct digit here.
    const naive = all.reduce((s, x) => s + x * x, 0) - 300 * whole.mean ** 2;
    expect(relative(naive, whole.m2)).toBeGreaterThan(1e-2);
  });

  it('ignores empty groups, and is NaN-variance for a single value', () => {
    const empty = momentsOf(new Float64Array(0));
    expect(empty).toEqual({ n: 0, mean: Number.NaN, m2: 0 });
    const pooled = pooledMoments([empty, { n: 1, mean: 3, m2: 0 }, empty]);
    expect(pooled.n).toBe(1);
    expect(pooled.mean).toBe(3);
    expect(pooled.variance).toBeNaN();
    expect(pooledMoments([]).n).toBe(0);
  });

  it('rejects NaN values and malformed site reports', () => {
    expect(() => momentsOf([1, Number.NaN])).toThrow(/values\[1\] is NaN/);
    expect(() => pooledMoments([{ n: 2.5, mean: 1, m2: 0 }])).toThrow(/whole number/);
    expect(() => pooledMoments([{ n: 3, mean: Number.NaN, m2: 1 }])).toThrow(/finite mean/);
    expect(() => pooledMoments([{ n: 3, mean: 1, m2: -1 }])).toThrow(StatsInputError);
    expect(() => pooledMoments([{ n: 1, mean: 1, m2: 2 }])).toThrow(/m2 must be 0/);
  });
});

describe('welchFromMoments', () => {
  it('equals welchTTest on the pooled values for every alternative', () => {
    const x = sample(3, 40, 5, 2);
    const y = sample(4, 25, 4, 4);
    const a = pooledMoments([momentsOf(x.slice(0, 13)), momentsOf(x.slice(13))]);
    const b = pooledMoments([momentsOf(y.slice(0, 20)), momentsOf(y.slice(20))]);
    for (const alternative of ['two.sided', 'less', 'greater'] as const) {
      const options = { alternative, confLevel: 0.9, mu: 0.5 };
      const ours = welchFromMoments(a, b, options);
      const direct = welchTTest(x, y, options);
      expect(relative(ours.statistic, direct.statistic)).toBeLessThan(1e-12);
      expect(relative(ours.df, direct.df)).toBeLessThan(1e-12);
      expect(relative(ours.p, direct.p)).toBeLessThan(1e-10);
      ours.ci.forEach((c, i) => {
        const d = direct.ci[i] as number;
        if (Number.isFinite(d)) expect(relative(c, d)).toBeLessThan(1e-10);
        else expect(c).toBe(d);
      });
      expect(ours.method).toBe(direct.method);
    }
  });

  it('needs two observations per sample and some spread', () => {
    expect(() => welchFromMoments({ n: 1, mean: 0, m2: 0 }, { n: 5, mean: 1, m2: 2 })).toThrow(
      /'a' observations/,
    );
    expect(() => welchFromMoments({ n: 3, mean: 1, m2: 0 }, { n: 3, mean: 1, m2: 0 })).toThrow(/constant/);
    expect(() =>
      welchFromMoments({ n: 3, mean: 1, m2: 1 }, { n: 3, mean: 1, m2: 1 }, { confLevel: 2 }),
    ).toThrow(/confLevel/);
  });
});
