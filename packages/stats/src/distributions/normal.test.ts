import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/helpers/expectClose.ts';
import { normalCdf, normalQuantile, normalSurvival } from './normal.ts';

// References: 17-digit values from mpmath at 50 digits (what R's pnorm/qnorm return to ~1e-16).
// Quantile references are for the double nearest to p (0.999999 is not exact in binary).
describe('normalCdf', () => {
  it.each([
    [-37.5, 4.605353009581955e-308],
    [-30, 4.906713927148187e-198],
    [-20, 2.7536241186062337e-89],
    [-10, 7.619853024160525e-24],
    [-5, 2.866515718791939e-7],
    [-1, 0.15865525393145705],
    [0, 0.5],
    [0.5, 0.6914624612740131],
    [2, 0.9772498680518208],
    [8, 0.9999999999999993],
  ])('Phi(%d) = %d', (x, expected) => {
    expectClose(normalCdf(x), expected, 1e-14);
  });

  it('has exact symmetry and limits', () => {
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(normalCdf(Number.NaN)).toBeNaN();
    expect(normalSurvival(30)).toBe(normalCdf(-30));
  });

  it('is non-decreasing', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -40, max: 40, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (x, h) => {
          expect(normalCdf(x + h)).toBeGreaterThanOrEqual(normalCdf(x));
        },
      ),
    );
  });
});

describe('normalQuantile (AS241)', () => {
  it.each([
    [1e-300, -37.0470962993612],
    [1e-20, -9.262340089798407],
    [0.001, -3.0902323061678136],
    [0.025, -1.9599639845400543],
    [0.3, -0.5244005127080408],
    [0.975, 1.9599639845400538],
    [0.999999, 4.753424308817088],
  ])('qnorm(%d) = %d', (p, expected) => {
    expectClose(normalQuantile(p), expected, 1e-15);
  });

  it('handles the boundaries like R', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(1.1)).toBeNaN();
  });

  it('inverts normalCdf over the lower tail, where Phi(x) carries full relative precision', () => {
    fc.assert(
      fc.property(fc.double({ min: -37, max: 0, noNaN: true }), (x) => {
        expect(Math.abs(normalQuantile(normalCdf(x)) - x)).toBeLessThan(1e-13 * Math.max(1, Math.abs(x)));
      }),
    );
  });
});
