import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CloseChecker } from '../../test/helpers/expectClose.ts';
import { StatsInputError } from '../StatsInputError.ts';
import { fisherExact } from './fisherExact.ts';
import { fisherExactRxC } from './fisherExactRxC.ts';

// References: R 4.2.2 fisher.test (FEXACT) on r x c tables, test/reference/fisher-rxc.json (hypothesis.R).
const cases = (
  JSON.parse(readFileSync(new URL('../../test/reference/fisher-rxc.json', import.meta.url), 'utf8')) as {
    fisher: { table: number[][]; p: number }[];
  }
).fisher;

describe('fisherExactRxC', () => {
  it('matches R fisher.test on r x c tables', () => {
    const checker = new CloseChecker(1e-10);
    cases.forEach((c, i) => {
      checker.check(`case ${i}`, fisherExactRxC(c.table).p, c.p);
    });
    expect(checker.count).toBe(5);
    checker.expectAllClose();
  });
  it('agrees with the 2 x 2 two-sided p-value and is invariant to transposition', () => {
    const cell = fc.integer({ min: 0, max: 12 });
    fc.assert(
      fc.property(cell, cell, cell, cell, cell, cell, (a, b, c, d, e, f) => {
        fc.pre(a + b > 0 && c + d > 0 && a + c > 0 && b + d > 0 && e + f > 0);
        const two = [
          [a, b],
          [c, d],
        ];
        expect(Math.abs(fisherExactRxC(two).p - fisherExact(two).p)).toBeLessThan(1e-12);
        const three = [
          [a, b],
          [c, d],
          [e, f],
        ];
        const transposed = [
          [a, c, e],
          [b, d, f],
        ];
        const p = fisherExactRxC(three).p;
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(Math.abs(fisherExactRxC(transposed).p - p)).toBeLessThan(1e-12);
      }),
      { numRuns: 50 },
    );
  });
  it('throws a clear error when the enumeration would be too large', () => {
    const big = Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => 40));
    expect(() => fisherExactRxC(big)).toThrow(/too many to enumerate/);
    expect(() => fisherExactRxC(big)).toThrow(StatsInputError);
    expect(() =>
      fisherExactRxC([
        [1, 0.5],
        [2, 3],
      ]),
    ).toThrow(/integers/);
  });
});
