import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/helpers/expectClose.ts';
import { StatsInputError } from '../StatsInputError.ts';
import { logRank } from './logRank.ts';

// A small three-group data set with ties across groups and censoring.
const time = [3, 5, 5, 7, 8, 8, 9, 12, 12, 13, 15, 16, 18, 20, 22, 25];
const event = [1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1];
const group = ['a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c', 'a'];
const strata = time.map((_, i) => (i % 2 === 0 ? 'x' : 'y'));

/**
 * Independent O(n^2) version of the G-rho statistic straight from its definition, used to check
 * the sorted single-pass implementation (including the left-continuous pooled KM weights).
 */
function bruteForce(rho: number): { observed: number[]; expected: number[] } {
  const levels = ['a', 'b', 'c'];
  const observed = [0, 0, 0];
  const expected = [0, 0, 0];
  const eventTimes = [...new Set(time.filter((_, i) => event[i] === 1))].sort((x, y) => x - y);
  let km = 1;
  for (const t of eventTimes) {
    const atRisk = time.map((u) => u >= t);
    const n = atRisk.filter(Boolean).length;
    const d = time.filter((u, i) => u === t && event[i] === 1).length;
    const w = km ** rho;
    levels.forEach((level, g) => {
      const nk = time.filter((u, i) => u >= t && group[i] === level).length;
      const dk = time.filter((u, i) => u === t && event[i] === 1 && group[i] === level).length;
      observed[g] = (observed[g] ?? 0) + w * dk;
      expected[g] = (expected[g] ?? 0) + (w * d * nk) / n;
    });
    km *= 1 - d / n;
  }
  return { observed, expected };
}

describe('logRank', () => {
  it.each([0, 1, 0.5])('agrees with a brute-force G-rho computation for rho = %d', (rho) => {
    const result = logRank({ time, event, group, rho });
    const expected = bruteForce(rho);
    expect(result.groups).toEqual(['a', 'b', 'c']);
    expect(result.df).toBe(2);
    result.observed.forEach((o, g) => {
      expectClose(o, expected.observed[g], 1e-12);
      expectClose(result.expected[g], expected.expected[g], 1e-12);
    });
  });

  it('has variance rows summing to zero and sum(O) = sum(E) for the log-rank test', () => {
    const result = logRank({ time, event, group });
    for (const row of result.variance) expect(Math.abs(row.reduce((s, v) => s + v, 0))).toBeLessThan(1e-12);
    const sum = (xs: number[]) => xs.reduce((s, v) => s + v, 0);
    expectClose(sum(result.observed), sum(result.expected), 1e-12);
  });

  it('does not depend on which group survdiff drops (generalized inverse on the reduced variance)', () => {
    const forward = logRank({ time, event, group, levels: ['a', 'b', 'c'] });
    const backward = logRank({ time, event, group, levels: ['c', 'b', 'a'] });
    expectClose(backward.chisq, forward.chisq, 1e-10);
    expectClose(backward.p, forward.p, 1e-10);
  });

  it('sums observed, expected and variance over strata', () => {
    const stratified = logRank({ time, event, group, strata });
    const parts = ['x', 'y'].map((s) => {
      const keep = strata.map((v) => v === s);
      return logRank({
        time: time.filter((_, i) => keep[i]),
        event: event.filter((_, i) => keep[i]),
        group: group.filter((_, i) => keep[i]),
        levels: ['a', 'b', 'c'],
      });
    });
    stratified.expected.forEach((e, g) => {
      expectClose(e, (parts[0]?.expected[g] ?? 0) + (parts[1]?.expected[g] ?? 0), 1e-12);
      expectClose(
        stratified.variance[g]?.[g],
        (parts[0]?.variance[g]?.[g] ?? 0) + (parts[1]?.variance[g]?.[g] ?? 0),
      );
    });
    expect(stratified.chisq).not.toBeCloseTo(logRank({ time, event, group }).chisq, 6);
  });

  it('drops groups whose expected count is 0 from the degrees of freedom', () => {
    // Group "early" is censored before the first event, so it is never at risk at an event time.
    const result = logRank({
      time: [1, 2, 3, 4, 0.5],
      event: [1, 0, 1, 1, 0],
      group: ['a', 'b', 'a', 'b', 'early'],
    });
    expect(result.expected[2]).toBe(0);
    expect(result.df).toBe(1);
    const none = logRank({ time: [1, 2, 0.5], event: [1, 1, 0], group: ['a', 'a', 'early'] });
    expect([none.chisq, none.df, none.p]).toEqual([0, 0, 1]); // R: chisq 0 on 0 df, pchisq(0, 0, lower = F) = 1
  });

  it('rejects a single group and mismatched input', () => {
    expect(() => logRank({ time: [1, 2], event: [1, 1], group: ['a', 'a'] })).toThrow(/at least two groups/);
    expect(() => logRank({ time: [1, 2], event: [1, 1], group: ['a', null] })).toThrow(StatsInputError);
    expect(() => logRank({ time: [1, 2], event: [1, 1], group: ['a', 'b'], strata: ['x'] })).toThrow(
      /strata has 1/,
    );
    expect(() => logRank({ time: [1, 2], event: [1, 1], group: ['a', 'b'], rho: Number.NaN })).toThrow(/rho/);
  });
});
