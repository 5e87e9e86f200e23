import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logRank } from './logRank.ts';

const subject = fc.record({
  time: fc.integer({ min: 0, max: 20 }),
  event: fc.boolean(),
  group: fc.constantFrom('a', 'b', 'c'),
  stratum: fc.constantFrom('s1', 's2'),
});

/** Data sets where at least two groups are present. */
const dataSets = fc
  .array(subject, { minLength: 4, maxLength: 60 })
  .filter((rows) => new Set(rows.map((r) => r.group)).size >= 2);

function run(rows: { time: number; event: boolean; group: string; stratum: string }[], rho: number) {
  return logRank({
    time: rows.map((r) => r.time),
    event: rows.map((r) => r.event),
    group: rows.map((r) => r.group),
    strata: rows.map((r) => r.stratum),
    levels: ['a', 'b', 'c'],
    rho,
  });
}

describe('logRank properties', () => {
  it('chisq, df and p are invariant to permuting the rows', () => {
    fc.assert(
      fc.property(dataSets, fc.constantFrom(0, 1), fc.integer(), (rows, rho, seed) => {
        const shuffled = [...rows]
          .map((row, i) => ({ row, key: Math.sin(seed + i * 7919) }))
          .sort((x, y) => x.key - y.key)
          .map(({ row }) => row);
        const a = run(rows, rho);
        const b = run(shuffled, rho);
        expect(b.df).toBe(a.df);
        expect(b.chisq).toBeCloseTo(a.chisq, 8);
        expect(b.p).toBeCloseTo(a.p, 8);
      }),
    );
  });

  it('gives a chi-square >= 0 and a p-value in [0, 1]', () => {
    fc.assert(
      fc.property(dataSets, fc.constantFrom(0, 1), (rows, rho) => {
        const result = run(rows, rho);
        expect(result.chisq).toBeGreaterThanOrEqual(0);
        expect(result.p).toBeGreaterThanOrEqual(0);
        expect(result.p).toBeLessThanOrEqual(1);
      }),
    );
  });
});
