import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/helpers/expectClose.ts';
import { chiSquareCdf, chiSquareSurvival, logChiSquareSurvival } from './chiSquare.ts';
import { normalSurvival } from './normal.ts';

// References: mpmath (50 digits) upper regularized gamma Q(df/2, x/2), which is what R's
// pchisq(x, df, lower.tail = FALSE) returns to ~1e-14; for df = 1 it is erfc(sqrt(x/2)).
describe('chiSquareSurvival', () => {
  it.each([
    [900, 1, 9.813427854296374e-198], // erfc(sqrt(450))
    [30, 1, 4.3204630578274975e-8],
    [3.84, 1, 0.050043521248705106],
    [1e-8, 1, 0.9999202115440526],
    [0.001, 2, 0.9995001249791693],
    [0.5, 3, 0.9188914116546758],
    [700, 3, 2.0991308534204087e-151],
    [1400, 7, 3.859963181237336e-298],
    [1000, 10, 1.8702907209159498e-208],
    [100, 50, 3.454931382984864e-5],
    [50, 100, 0.9999930466947524],
    [1000, 1000, 0.49405285382923964],
    [1500, 1000, 1.0454640385979657e-22],
    [1e5, 1e5, 0.4994052918952067],
  ])('pchisq(%d, %d, lower.tail = FALSE) = %d', (x, df, expected) => {
    expectClose(chiSquareSurvival(x, df), expected, 1e-12);
  });

  it('reproduces the p-values R printed for the survdiff golden data', () => {
    expectClose(chiSquareSurvival(0.00822734320235077, 1), 0.927727233340074, 1e-12);
    expectClose(chiSquareSurvival(10.3267419548856, 1), 0.00131116452035549, 1e-12);
    expectClose(chiSquareSurvival(0.101705474004902, 1), 0.749792518855271, 1e-12);
  });

  it('stays finite in log space where the p-value underflows', () => {
    expectClose(logChiSquareSurvival(2000, 1), -1004.0267419589519, 1e-13);
    expectClose(logChiSquareSurvival(1e4, 20), -4936.1452874965435, 1e-13);
    expect(chiSquareSurvival(2000, 1)).toBe(0);
  });

  it('matches 2 * (1 - Phi(sqrt(x))) for df = 1 and exp(-x/2) for df = 2', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1400, noNaN: true }), (x) => {
        expectClose(chiSquareSurvival(x, 1), 2 * normalSurvival(Math.sqrt(x)), 1e-12);
        expectClose(chiSquareSurvival(x, 2), Math.exp(-x / 2), 1e-12);
      }),
    );
  });

  it('complements chiSquareCdf', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 200, noNaN: true }), fc.integer({ min: 1, max: 100 }), (x, df) => {
        expect(chiSquareCdf(x, df) + chiSquareSurvival(x, df)).toBeCloseTo(1, 14);
      }),
    );
  });
});
