import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantile } from './quantile.ts';
import { quantileOfCounts } from './quantileOfCounts.ts';

describe('quantileOfCounts', () => {
  it('equals the type-7 quantile of the expanded sample', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 12, maxLength: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (distinct, weights, probability) => {
          const values = [...distinct].sort((a, b) => a - b);
          const counts = values.map((_, index) => weights[index] ?? 1);
          const expanded = values.flatMap((value, index) =>
            new Array<number>(counts[index] ?? 0).fill(value),
          );
          expect(quantileOfCounts(values, counts, probability)).toBeCloseTo(
            quantile(expanded, probability),
            12,
          );
        },
      ),
    );
  });

  it('is NaN for an empty sample', () => {
    expect(quantileOfCounts([], [], 0.5)).toBeNaN();
  });
});
