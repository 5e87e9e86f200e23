import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/helpers/expectClose.ts';
import { logGamma, stirlingError } from './logGamma.ts';

// References: log|Gamma(x)| from mpmath at 50 digits (R's lgamma agrees to ~1e-15).
describe('logGamma', () => {
  it.each([
    [0.5, 0.5723649429247001],
    [1e-8, 18.42068073818021],
    [3.7, 1.4280723266653879],
    [10.5, 13.940625219403763],
    [100, 359.1342053695754],
    [1e4, 82099.71749644238],
    [1e8, 1742068066.1038346],
    [-0.5, 1.2655121234846454],
  ])('lgamma(%d) = %d', (x, expected) => {
    expectClose(logGamma(x), expected, 1e-14);
  });

  it('is accurate in absolute terms where lgamma crosses zero', () => {
    expect(Math.abs(logGamma(1.5) - -0.12078223763524522)).toBeLessThan(5e-15);
    expect(Math.abs(logGamma(-2.5) - -0.056243716497674054)).toBeLessThan(5e-15);
  });

  it('is exact at small integers and infinite at the poles', () => {
    expect(logGamma(1)).toBe(0);
    expect(logGamma(2)).toBe(0);
    expect(logGamma(5)).toBe(Math.log(24));
    expect(logGamma(0)).toBe(Number.POSITIVE_INFINITY);
    expect(logGamma(-3)).toBe(Number.POSITIVE_INFINITY);
    expect(logGamma(Number.NaN)).toBeNaN();
  });

  it('satisfies the recurrence log Gamma(x+1) = log Gamma(x) + log x', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e6, noNaN: true }), (x) => {
        const lhs = logGamma(x + 1);
        expect(Math.abs(lhs - logGamma(x) - Math.log(x))).toBeLessThan(1e-13 * Math.max(1, Math.abs(lhs)));
      }),
    );
  });

  it('rejects stirlingError below its range', () => {
    expect(() => stirlingError(5)).toThrow(RangeError);
    expectClose(
      stirlingError(10),
      logGamma(11) - (10.5 * Math.log(10) - 10 + 0.5 * Math.log(2 * Math.PI)),
      1e-10,
    );
  });
});
