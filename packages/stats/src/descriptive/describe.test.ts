import { expect, it, describe as suite } from 'vitest';
import { describe } from './describe.ts';
import { quantile } from './quantile.ts';

suite('quantile (R type 7)', () => {
  it('matches R quantile(c(1, 2, 3, 4, 10), c(0.1, 0.25, 0.5, 0.9))', () => {
    const x = [1, 2, 3, 4, 10];
    // R: 1.4 2.0 3.0 7.6
    expect(quantile(x, 0.1)).toBeCloseTo(1.4, 12);
    expect(quantile(x, 0.25)).toBe(2);
    expect(quantile(x, 0.5)).toBe(3);
    expect(quantile(x, 0.9)).toBeCloseTo(7.6, 12);
  });

  it('ignores NaN and rejects a probability outside [0, 1]', () => {
    expect(quantile([Number.NaN, 5, 1], 0.5)).toBe(3);
    expect(() => quantile([1], 1.5)).toThrow(/probability/);
  });
});

suite('describe', () => {
  it('matches R summary() and sd() on veteran karno subset', () => {
    // R: x <- c(60, 70, 60, 60, 70, 20, 40, 80, 50, 70); sd(x) = 17.5119007154183; quantile: 52.5 60 70
    const d = describe([60, 70, 60, 60, 70, 20, 40, 80, 50, 70]);
    expect(d.n).toBe(10);
    expect(d.mean).toBe(58);
    expect(d.sd).toBeCloseTo(17.5119007154183, 12);
    expect([d.q1, d.median, d.q3]).toEqual([52.5, 60, 70]);
    expect([d.min, d.max]).toEqual([20, 80]);
  });

  it('counts missing values and returns NaN for an empty sample', () => {
    const d = describe([Number.NaN, Number.NaN]);
    expect(d.n).toBe(0);
    expect(d.missing).toBe(2);
    expect(Number.isNaN(d.mean)).toBe(true);
  });
});
