import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/helpers/expectClose.ts';
import { StatsInputError } from '../StatsInputError.ts';
import { kaplanMeier } from './kaplanMeier.ts';

// Hand-checked example: 6 subjects, deaths at 1, 2, 3, 5; censored at 2 and 4.
const time = [1, 2, 2, 3, 4, 5];
const event = [1, 1, 0, 1, 0, 1];

function only<T>(items: readonly T[]): T {
  expect(items).toHaveLength(1);
  const [first] = items;
  if (first === undefined) throw new Error('no item');
  return first;
}

describe('kaplanMeier', () => {
  it('computes the product-limit estimate, Greenwood std err and risk sets by hand', () => {
    const s = only(kaplanMeier({ time, event }).strata);
    expect(s.stratum).toBe('all');
    expect([s.n, s.events]).toEqual([6, 4]);
    expect(Array.from(s.time)).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(s.nRisk)).toEqual([6, 5, 3, 2, 1]);
    expect(Array.from(s.nEvent)).toEqual([1, 1, 1, 0, 1]);
    expect(Array.from(s.nCensor)).toEqual([0, 1, 0, 1, 0]);
    [5 / 6, 2 / 3, 4 / 9, 4 / 9, 0].forEach((v, i) => {
      expectClose(s.surv[i], v, 1e-15);
    });
    // Greenwood at t = 3: 1/(6*5) + 1/(5*4) + 1/(3*2) = 1/4, so se = S * 1/2.
    expectClose(s.stdErr[2], 2 / 9, 1e-15);
    const z = 1.959963984540054;
    expectClose(s.lower[2], (4 / 9) * Math.exp(-z * 0.5), 1e-14);
    expectClose(s.upper[2], Math.min((4 / 9) * Math.exp(z * 0.5), 1), 1e-14);
    // S = 0 at the last death: R reports NA for std.err and both limits.
    expect([s.stdErr[4], s.lower[4], s.upper[4]].every(Number.isNaN)).toBe(true);
    expect(s.median).toEqual({ median: 3, lower: 2, upper: null });
  });

  it('uses the midpoint rule when S is exactly 0.5 over a flat (R: survfit(Surv(1:4)) median 2.5)', () => {
    const s = only(kaplanMeier({ time: [1, 2, 3, 4], event: [1, 1, 1, 1] }).strata);
    expect(s.median.median).toBe(2.5);
  });

  it("takes the first time when a flat at 0.5 never drops again, as print.survfit's minmin", () => {
    const s = only(kaplanMeier({ time: [1, 2, 3, 4], event: [1, 1, 0, 0] }).strata);
    expect(s.median.median).toBe(2);
  });

  it('reports null medians when the curve never reaches 0.5', () => {
    const s = only(kaplanMeier({ time: [1, 2, 3, 4], event: [1, 0, 0, 0] }).strata);
    // S stays at 0.75, but its lower confidence limit (0.43) is below 0.5 from t = 1.
    expect(s.median).toEqual({ median: null, lower: 1, upper: null });
  });

  it('applies log-log and plain limits as survfit_confint, with the requested confLevel', () => {
    const z = 1.6448536269514722; // qnorm(0.95)
    const loglog = only(kaplanMeier({ time, event, confType: 'log-log', confLevel: 0.9 }).strata);
    const plain = only(kaplanMeier({ time, event, confType: 'plain', confLevel: 0.9 }).strata);
    const s = 4 / 9;
    const se = 0.5; // std err of log S at t = 3
    const width = (z * se) / Math.log(s);
    expectClose(loglog.lower[2], Math.exp(-Math.exp(Math.log(-Math.log(s)) - width)), 1e-14);
    expectClose(loglog.upper[2], Math.exp(-Math.exp(Math.log(-Math.log(s)) + width)), 1e-14);
    expectClose(plain.lower[2], Math.max(s - z * se * s, 0), 1e-14);
    expectClose(plain.upper[2], Math.min(s + z * se * s, 1), 1e-14);
    // log-log is undefined where S = 1 (R gives NA) and every type where S = 0.
    const early = only(kaplanMeier({ time: [1, 2, 3], event: [0, 1, 1], confType: 'log-log' }).strata);
    expect(Number.isNaN(early.lower[0] ?? 0)).toBe(true);
    expect(Number.isNaN(plain.lower[4] ?? 0)).toBe(true);
  });

  it('orders strata by first appearance or by levels, dropping incomplete rows', () => {
    const result = kaplanMeier({
      time: [5, 3, Number.NaN, 4, 2, 1],
      event: [1, true, 1, null, false, 1],
      group: ['b', 'a', 'a', 'a', null, 'b'],
    });
    expect(result.strata.map((s) => [s.stratum, s.n])).toEqual([
      ['b', 2],
      ['a', 1],
    ]);
    const ordered = kaplanMeier({
      time,
      event,
      group: ['x', 'y', 'x', 'y', 'x', 'y'],
      levels: ['y', 'x', 'z'],
    });
    expect(ordered.strata.map((s) => s.stratum)).toEqual(['y', 'x']);
  });

  it('treats times equal up to floating-point noise as tied, as survfit (timefix)', () => {
    const s = only(kaplanMeier({ time: [0.1 + 0.2, 0.3, 1], event: [1, 1, 0] }).strata);
    expect(Array.from(s.nEvent)).toEqual([2, 0]);
  });

  it('rejects bad input with actionable StatsInputErrors', () => {
    expect(() => kaplanMeier({ time: [1, 2], event: [1] })).toThrow(/time has 2 entries but event has 1/);
    expect(() => kaplanMeier({ time: [1, -2], event: [1, 1] })).toThrow(StatsInputError);
    expect(() => kaplanMeier({ time: [1, 2], event: [1, 2] })).toThrow(/1=censored\/2=dead/);
    expect(() => kaplanMeier({ time: [1, 2], event: [1, 1], group: ['a'] })).toThrow(/group has 1/);
    expect(() => kaplanMeier({ time: [1, 2], event: [1, 1], group: ['a', 'b'], levels: ['a'] })).toThrow(
      /"b" is not in levels/,
    );
    expect(() => kaplanMeier({ time: [1], event: [1], confLevel: 95 })).toThrow(/confLevel/);
    expect(() => kaplanMeier({ time: [Number.NaN], event: [1] })).toThrow(/none of the 1 rows/);
  });
});
