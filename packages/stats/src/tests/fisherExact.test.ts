import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CloseChecker } from '../../test/helpers/expectClose.ts';
import { type RNumber, rNumber } from '../../test/helpers/hypothesisReference.ts';
import { StatsInputError } from '../StatsInputError.ts';
import { fisherExact } from './fisherExact.ts';
import { fisherExactRxC } from './fisherExactRxC.ts';
import { uniroot } from './uniroot.ts';

// References: R 4.2.2 fisher.test, test/reference/fisher.json (written by hypothesis.R).
interface FisherCase {
  table: number[][];
  alternative: 'two.sided' | 'less' | 'greater';
  p: number;
  estimate: RNumber;
  ci: RNumber[];
}
const cases = (
  JSON.parse(readFileSync(new URL('../../test/reference/fisher.json', import.meta.url), 'utf8')) as {
    fisher: FisherCase[];
  }
).fisher;

function checkValue(checker: CloseChecker, label: string, actual: number, expected: RNumber | undefined) {
  const e = rNumber(expected);
  if (Number.isFinite(e)) checker.check(label, actual, e);
  else expect(actual, label).toBe(e);
}

describe('fisherExact (golden)', () => {
  it('matches R fisher.test p-value, conditional MLE and interval on 2 x 2 tables', () => {
    const checker = new CloseChecker(1e-12);
    const rootChecker = new CloseChecker(1e-10);
    for (const c of cases) {
      const r = fisherExact(c.table, { alternative: c.alternative });
      const label = `${JSON.stringify(c.table)} ${c.alternative}`;
      checker.check(`${label} p`, r.p, c.p);
      // R's estimate and interval come from uniroot(tol = 1.2e-4); reproducing its iterates we
      // agree to 1e-10 (1e-13 observed), far closer than R's own accuracy.
      checkValue(rootChecker, `${label} estimate`, r.estimate, c.estimate);
      checkValue(rootChecker, `${label} ci[0]`, r.ci[0], c.ci[0]);
      checkValue(rootChecker, `${label} ci[1]`, r.ci[1], c.ci[1]);
    }
    expect(cases).toHaveLength(30);
    checker.expectAllClose();
    rootChecker.expectAllClose();
  });
});

describe('fisherExact properties', () => {
  const cell = fc.integer({ min: 0, max: 30 });
  it('p in [0, 1]; two-sided p invariant to transposition and to swapping rows', () => {
    fc.assert(
      fc.property(cell, cell, cell, cell, (a, b, c, d) => {
        fc.pre(a + b > 0 && c + d > 0 && a + c > 0 && b + d > 0);
        const r = fisherExact([
          [a, b],
          [c, d],
        ]);
        expect(r.p).toBeGreaterThanOrEqual(0);
        expect(r.p).toBeLessThanOrEqual(1);
        const t = fisherExact([
          [a, c],
          [b, d],
        ]);
        expect(Math.abs(t.p - r.p)).toBeLessThan(1e-12);
        const s = fisherExact([
          [c, d],
          [a, b],
        ]);
        expect(Math.abs(s.p - r.p)).toBeLessThan(1e-12);
        expect(r.ci[0]).toBeLessThanOrEqual(r.estimate);
        expect(r.estimate).toBeLessThanOrEqual(r.ci[1]);
      }),
    );
  });
  it('gives an r x c table its p-value only (as R), and rejects non-integer and negative counts', () => {
    const larger = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    const result = fisherExact(larger);
    expect(result.p).toBe(fisherExactRxC(larger).p);
    expect(result.estimate).toBeNaN();
    expect(() => fisherExact(larger, { alternative: 'less' })).toThrow(/needs a 2 x 2 table/);
    expect(() =>
      fisherExact([
        [1.5, 2],
        [3, 4],
      ]),
    ).toThrow(/integers/);
    expect(() =>
      fisherExact([
        [-1, 2],
        [3, 4],
      ]),
    ).toThrow(StatsInputError);
  });
});

describe('uniroot (R zeroin)', () => {
  it('finds roots to R tolerance and rejects brackets without a sign change', () => {
    expect(Math.abs(uniroot((x) => x * x - 2, 0, 2) - Math.SQRT2)).toBeLessThan(1e-4);
    expect(Math.abs(uniroot((x) => Math.cos(x) - x, 0, 1, 1e-14) - 0.7390851332151607)).toBeLessThan(1e-13);
    expect(() => uniroot((x) => x * x + 1, -1, 1)).toThrow(/opposite sign/);
  });
});
