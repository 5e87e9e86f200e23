import { evansSignal, type SignalCriteria } from './evansSignal.ts';
import { proportionalReportingRatio } from './proportionalReportingRatio.ts';
import type { RatioIntervalOptions, RatioWithInterval } from './ratioInterval.ts';
import { reportingOddsRatio } from './reportingOddsRatio.ts';
import type { ReportTable } from './reportTable.ts';
import { type YatesChiSquare, yatesChiSquare } from './yatesChiSquare.ts';

export interface DisproportionalityOptions extends RatioIntervalOptions {
  signal?: SignalCriteria;
}

export interface Disproportionality {
  table: ReportTable;
  prr: RatioWithInterval;
  ror: RatioWithInterval;
  chiSquare: YatesChiSquare;
  /** Whether the pair meets the signal criteria (Evans et al. 2001 by default). */
  signal: boolean;
}

/**
 * The usual disproportionality screen of one drug–reaction pair in spontaneous reports: PRR and ROR
 * with their confidence intervals, Yates-corrected chi-square, and whether it is a signal.
 */
export function disproportionality(
  table: ReportTable,
  options: DisproportionalityOptions = {},
): Disproportionality {
  const prr = proportionalReportingRatio(table, options);
  const ror = reportingOddsRatio(table, options);
  const chiSquare = yatesChiSquare(table);
  return {
    table: { ...table },
    prr,
    ror,
    chiSquare,
    signal: evansSignal(table.a, prr.estimate, chiSquare.statistic, options.signal),
  };
}
