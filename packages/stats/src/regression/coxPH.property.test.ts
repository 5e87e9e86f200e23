import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closeMismatch } from '../../test/helpers/expectClose.ts';
import { StatsInputError } from '../StatsInputError.ts';
import { logRank } from '../survival/logRank.ts';
import { type CoxPHResult, coxPH } from './coxPH.ts';

interface Row {
  time: number;
  event: boolean;
  x: number;
  group: 'a' | 'b';
}

const row = fc.record({
  time: fc.integer({ min: 1, max: 30 }),
  event: fc.boolean(),
  x: fc.integer({ min: -5, max: 5 }),
  group: fc.constantFrom('a' as const, 'b' as const),
});

/** Small data sets with events in both groups (most fit; those that separate are rejected). */
const dataSets = fc
  .array(row, { minLength: 8, maxLength: 40 })
  .filter((rows) => rows.filter((r) => r.event).length >= 3 && new Set(rows.map((r) => r.group)).size === 2);

function fit(rows: Row[], ties: 'efron' | 'breslow', scale = 1): CoxPHResult | StatsInputError {
  try {
    return coxPH({
      time: rows.map((r) => r.time * scale),
      event: rows.map((r) => r.event),
      covariates: { x: Float64Array.from(rows, (r) => r.x), group: rows.map((r) => r.group) },
      reference: { group: 'a' },
      ties,
    });
  } catch (error) {
    if (error instanceof StatsInputError) return error;
    throw error;
  }
}

/** Every number of two fits agrees to `rel` (or both fits were rejected). */
function expectSameFit(
  a: CoxPHResult | StatsInputError,
  b: CoxPHResult | StatsInputError,
  rel: number,
): void {
  if (a instanceof StatsInputError || b instanceof StatsInputError) {
    expect(b instanceof StatsInputError).toBe(a instanceof StatsInputError);
    return;
  }
  const numbers = (r: CoxPHResult) => [
    ...r.terms.flatMap((t) => [t.coef, t.hr, t.se, t.z, t.lower, t.upper]),
    r.lrt.test,
    r.wald.test,
    r.score.test,
    r.concordance,
  ];
  const expected = numbers(a);
  numbers(b).forEach((value, i) => {
    // Absolute slack for values that are 0 up to rounding (e.g. a coefficient of exactly 0).
    const mismatch =
      Math.abs(value - (expected[i] ?? 0)) < 1e-9 ? null : closeMismatch(value, expected[i], rel);
    expect(mismatch, `number ${i}`).toBeNull();
  });
}

describe('coxPH properties', () => {
  it('hazard ratios (and every other number) are invariant to rescaling time', () => {
    fc.assert(
      fc.property(
        dataSets,
        fc.constantFrom(0.01, 0.5, 3, 365.25),
        fc.constantFrom('efron' as const, 'breslow' as const),
        (rows, scale, ties) => {
          expectSameFit(fit(rows, ties), fit(rows, ties, scale), 1e-8);
        },
      ),
    );
  });

  it('is invariant to the order of the rows', () => {
    fc.assert(
      fc.property(
        dataSets,
        fc.integer(),
        fc.constantFrom('efron' as const, 'breslow' as const),
        (rows, seed, ties) => {
          const shuffled = [...rows]
            .map((r, i) => ({ r, key: Math.sin(seed + i * 7919) }))
            .sort((x, y) => x.key - y.key)
            .map(({ r }) => r);
          expectSameFit(fit(rows, ties), fit(shuffled, ties), 1e-8);
        },
      ),
    );
  });

  it('with one binary covariate and no tied times, the score test is the log-rank chi-square', () => {
    const untied = fc
      .uniqueArray(
        fc.record({
          time: fc.integer({ min: 1, max: 1000 }),
          event: fc.boolean(),
          group: fc.constantFrom('a', 'b'),
        }),
        {
          minLength: 6,
          maxLength: 40,
          selector: (r) => r.time,
        },
      )
      .filter((rows) => rows.some((r) => r.event) && new Set(rows.map((r) => r.group)).size === 2);
    let compared = 0;
    fc.assert(
      fc.property(untied, fc.constantFrom('efron' as const, 'breslow' as const), (rows, ties) => {
        const time = rows.map((r) => r.time);
        const event = rows.map((r) => r.event);
        const group = rows.map((r) => r.group);
        const lr = logRank({ time, event, group });
        let result: CoxPHResult;
        try {
          result = coxPH({ time, event, covariates: { group }, ties });
        } catch (error) {
          // Separation (all events in one group, say): no fit, but that is not what is tested here.
          if (error instanceof StatsInputError) return;
          throw error;
        }
        compared++;
        expect(result.score.df).toBe(lr.df);
        expect(closeMismatch(result.score.test, lr.chisq, 1e-9)).toBeNull();
        expect(closeMismatch(result.score.p, lr.p, 1e-8)).toBeNull();
      }),
    );
    expect(compared).toBeGreaterThan(20);
  });
});
