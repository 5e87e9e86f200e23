import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kaplanMeier } from './kaplanMeier.ts';

const subjects = fc.array(fc.record({ time: fc.integer({ min: 0, max: 30 }), event: fc.boolean() }), {
  minLength: 1,
  maxLength: 60,
});

describe('kaplanMeier properties', () => {
  it('surv is non-increasing within [0, 1], limits bracket it, and the counts add up', () => {
    fc.assert(
      fc.property(
        subjects,
        fc.constantFrom('log' as const, 'log-log' as const, 'plain' as const),
        (rows, confType) => {
          const [s] = kaplanMeier({
            time: rows.map((r) => r.time),
            event: rows.map((r) => r.event),
            confType,
          }).strata;
          if (!s) throw new Error('one stratum expected');
          let previous = 1;
          let atRisk = rows.length;
          s.surv.forEach((value, i) => {
            expect(value).toBeLessThanOrEqual(previous);
            expect(value).toBeGreaterThanOrEqual(0);
            previous = value;
            expect(s.nRisk[i]).toBe(atRisk);
            atRisk -= (s.nEvent[i] ?? 0) + (s.nCensor[i] ?? 0);
            const lower = s.lower[i] ?? 0;
            const upper = s.upper[i] ?? 0;
            if (!Number.isNaN(lower)) expect(lower).toBeLessThanOrEqual(value + 1e-15);
            if (!Number.isNaN(upper)) expect(upper).toBeGreaterThanOrEqual(value - 1e-15);
          });
          expect(atRisk).toBe(0);
          expect(s.events).toBe(rows.filter((r) => r.event).length);
        },
      ),
    );
  });

  it('without censoring equals the empirical survival function', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 50 }), (times) => {
        const [s] = kaplanMeier({ time: times, event: times.map(() => 1) }).strata;
        if (!s) throw new Error('one stratum expected');
        s.time.forEach((t, i) => {
          expect(s.surv[i]).toBeCloseTo(times.filter((x) => x > t).length / times.length, 12);
        });
      }),
    );
  });
});
