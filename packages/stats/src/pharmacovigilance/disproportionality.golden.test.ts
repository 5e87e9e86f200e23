import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CloseChecker, type MaybeNumber } from '../../test/helpers/expectClose.ts';
import { disproportionality } from './disproportionality.ts';

// Golden values: test/reference/disproportionality.json, written by
// test/reference/disproportionality.R (R 4.2.2, base R: the textbook formulas and chisq.test).
// R's Inf is stored as the string "Inf"; NA and NaN as null.
type RNumber = number | 'Inf' | null;

interface DisproportionalityCase {
  name: string;
  a: number;
  b: number;
  c: number;
  d: number;
  level: number;
  prr: RNumber;
  prrLower: RNumber;
  prrUpper: RNumber;
  prrSeLog: RNumber;
  ror: RNumber;
  rorLower: RNumber;
  rorUpper: RNumber;
  rorSeLog: RNumber;
  chiSquare: RNumber;
  p: RNumber;
  signal: boolean;
}

const reference = JSON.parse(
  readFileSync(new URL('../../test/reference/disproportionality.json', import.meta.url), 'utf8'),
) as { r_version: string; cases: DisproportionalityCase[] };

const fromR = (value: RNumber): MaybeNumber => (value === 'Inf' ? Number.POSITIVE_INFINITY : value);

describe('disproportionality against R', () => {
  it('reproduces PRR, ROR, their intervals, Yates chi-square and the Evans signal to 1e-6', () => {
    const checker = new CloseChecker(1e-6);
    for (const c of reference.cases) {
      const result = disproportionality({ a: c.a, b: c.b, c: c.c, d: c.d }, { confLevel: c.level });
      const pairs: Array<[string, MaybeNumber, RNumber]> = [
        ['prr', result.prr.estimate, c.prr],
        ['prr lower', result.prr.lower, c.prrLower],
        ['prr upper', result.prr.upper, c.prrUpper],
        ['prr se', result.prr.seLog, c.prrSeLog],
        ['ror', result.ror.estimate, c.ror],
        ['ror lower', result.ror.lower, c.rorLower],
        ['ror upper', result.ror.upper, c.rorUpper],
        ['ror se', result.ror.seLog, c.rorSeLog],
        ['chi-square', result.chiSquare.statistic, c.chiSquare],
        ['p', result.chiSquare.p, c.p],
      ];
      for (const [label, actual, expected] of pairs)
        checker.check(`${c.name}: ${label}`, actual, fromR(expected));
      expect(result.signal, `${c.name}: signal`).toBe(c.signal);
    }
    expect(reference.cases.length).toBeGreaterThanOrEqual(17);
    expect(checker.count).toBe(reference.cases.length * 10);
    checker.expectAllClose();
  });
});
