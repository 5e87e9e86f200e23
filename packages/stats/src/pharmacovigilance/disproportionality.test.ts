import { describe, expect, it } from 'vitest';
import { StatsInputError } from '../StatsInputError.ts';
import { disproportionality } from './disproportionality.ts';
import { evansSignal } from './evansSignal.ts';
import { proportionalReportingRatio } from './proportionalReportingRatio.ts';
import { reportingOddsRatio } from './reportingOddsRatio.ts';
import { yatesChiSquare } from './yatesChiSquare.ts';

describe('disproportionality of a report table', () => {
  it('gives PRR 0 without an interval when the drug has no report of the reaction (a = 0)', () => {
    const prr = proportionalReportingRatio({ a: 0, b: 958, c: 120, d: 18922 });
    expect(prr).toEqual({ estimate: 0, lower: null, upper: null, seLog: null, level: 0.95 });
    expect(reportingOddsRatio({ a: 0, b: 958, c: 120, d: 18922 }).estimate).toBe(0);
  });

  it('gives an infinite PRR without an interval when no other drug has the reaction (c = 0)', () => {
    const result = disproportionality({ a: 12, b: 946, c: 0, d: 19042 });
    expect(result.prr.estimate).toBe(Number.POSITIVE_INFINITY);
    expect(result.prr.lower).toBeNull();
    expect(result.ror.upper).toBeNull();
    // An infinite PRR passes PRR >= 2: twelve reports with no background are a signal.
    expect(result.signal).toBe(true);
  });

  it('has no chi-square when the reaction is in no report at all, and no ROR for 0/0', () => {
    const result = disproportionality({ a: 0, b: 958, c: 0, d: 19042 });
    expect(result.chiSquare).toEqual({ statistic: null, p: null, df: 1 });
    expect(result.prr.estimate).toBeNull();
    expect(result.ror.estimate).toBeNull();
    expect(result.signal).toBe(false);
  });

  it('keeps the PRR interval when only b or d is zero', () => {
    const prr = proportionalReportingRatio({ a: 5, b: 0, c: 40, d: 900 });
    expect(prr.estimate).toBeCloseTo(23.5, 12);
    expect(prr.lower).not.toBeNull();
    expect(reportingOddsRatio({ a: 5, b: 0, c: 40, d: 900 }).lower).toBeNull();
  });

  it('corrects by min(0.5, |O - E|), as R, so a table at independence gives 0', () => {
    expect(yatesChiSquare({ a: 10, b: 20, c: 20, d: 40 }).statistic).toBe(0);
  });

  it('applies the thresholds of Evans et al. (2001) inclusively', () => {
    expect(evansSignal(3, 2, 4)).toBe(true);
    expect(evansSignal(2, 100, 100)).toBe(false);
    expect(evansSignal(3, 1.99, 100)).toBe(false);
    expect(evansSignal(3, 100, 3.99)).toBe(false);
    expect(evansSignal(3, null, 100)).toBe(false);
    expect(evansSignal(5, 3, 5, { minReports: 6 })).toBe(false);
  });

  it('refuses tables that are not counts or have an empty row', () => {
    expect(() => disproportionality({ a: 1.5, b: 2, c: 3, d: 4 })).toThrow(StatsInputError);
    expect(() => disproportionality({ a: -1, b: 2, c: 3, d: 4 })).toThrow(/non-negative integer/);
    expect(() => disproportionality({ a: 0, b: 0, c: 3, d: 4 })).toThrow(/the drug has no reports/);
    expect(() => disproportionality({ a: 1, b: 2, c: 0, d: 0 })).toThrow(/no other drug/);
    expect(() => proportionalReportingRatio({ a: 1, b: 2, c: 3, d: 4 }, { confLevel: 1 })).toThrow(
      /confLevel/,
    );
  });
});
