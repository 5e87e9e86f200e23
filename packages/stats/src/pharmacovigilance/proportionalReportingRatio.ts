import {
  checkConfLevel,
  type RatioIntervalOptions,
  type RatioWithInterval,
  ratioInterval,
} from './ratioInterval.ts';
import { checkReportTable, type ReportTable } from './reportTable.ts';

/**
 * Proportional reporting ratio, PRR = [a / (a + b)] / [c / (c + d)]: how much more often the reaction
 * is reported with the drug than with all other drugs, with the Wald interval on the log scale,
 * SE = sqrt(1/a − 1/(a + b) + 1/c − 1/(c + d)) (Evans, Waller & Davis 2001).
 *
 * a = 0 gives PRR 0 and c = 0 gives PRR Infinity, both without an interval (null bounds, null SE);
 * b = 0 and d = 0 leave the interval defined.
 */
export function proportionalReportingRatio(
  table: ReportTable,
  options: RatioIntervalOptions = {},
): RatioWithInterval {
  checkReportTable(table);
  const level = checkConfLevel(options);
  const { a, b, c, d } = table;
  const variance = a === 0 || c === 0 ? Number.POSITIVE_INFINITY : 1 / a - 1 / (a + b) + 1 / c - 1 / (c + d);
  // a (c + d) / [c (a + b)] rather than the ratio of two proportions: one rounding fewer.
  return ratioInterval(a * (c + d), c * (a + b), variance, level);
}
