import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/helpers/expectClose.ts';
import { logRegularizedGammaQ, regularizedGammaP, regularizedGammaQ } from './regularizedGamma.ts';

// References: mpmath gammainc(..., regularized=True) at 50 digits.
describe('regularizedGammaP / regularizedGammaQ', () => {
  it.each([
    [0.5, 0.3, 0.5614219739190002, 0.4385780260809999],
    [1, 2, 0.8646647167633873, 0.1353352832366127],
    [2.5, 10, 0.9987502694369687, 0.0012497305630313753],
    [10, 5, 0.03182805730620481, 0.9681719426937951],
    [30, 40, 0.9567713178482644, 0.043228682151735566],
    [200, 180, 0.07485803498415958, 0.9251419650158405],
    [1000, 1100, 0.99894067674607, 0.0010593232539299773],
  ])('a=%d, x=%d', (a, x, p, q) => {
    expectClose(regularizedGammaP(a, x), p, 1e-13);
    expectClose(regularizedGammaQ(a, x), q, 1e-13);
  });

  it('equals the closed form for a = 1 (exponential) far into the tail', () => {
    for (const x of [1e-10, 0.5, 3, 50, 700]) {
      expectClose(regularizedGammaQ(1, x), Math.exp(-x), 1e-13);
    }
    expectClose(logRegularizedGammaQ(1, 5000), -5000, 1e-14);
  });

  it('handles edge cases like R pgamma', () => {
    expect(regularizedGammaP(2, 0)).toBe(0);
    expect(regularizedGammaQ(2, 0)).toBe(1);
    expect(regularizedGammaQ(2, Number.POSITIVE_INFINITY)).toBe(0);
    expect(regularizedGammaQ(0, 1)).toBe(0);
    expect(regularizedGammaP(-1, 1)).toBeNaN();
    expect(regularizedGammaQ(1, Number.NaN)).toBeNaN();
  });
});
