import {
  checkConfLevel,
  type RatioIntervalOptions,
  type RatioWithInterval,
  ratioInterval,
} from './ratioInterval.ts';
import { checkReportTable, type ReportTable } from './reportTable.ts';

/**
 * Reporting odds ratio, ROR = (a × d) / (b × c), with the Wald interval on the log scale,
 * SE = sqrt(1/a + 1/b + 1/c + 1/d) (van Puijenbroek et al. 2002).
 *
 * Any zero cell leaves no interval (null bounds, null SE); the estimate is then 0 (a or d is 0),
 * Infinity (b or c is 0) or null when both products are 0.
 */
export function reportingOddsRatio(
  table: ReportTable,
  options: RatioIntervalOptions = {},
): RatioWithInterval {
  checkReportTable(table);
  const level = checkConfLevel(options);
  const { a, b, c, d } = table;
  const variance =
    a === 0 || b === 0 || c === 0 || d === 0 ? Number.POSITIVE_INFINITY : 1 / a + 1 / b + 1 / c + 1 / d;
  return ratioInterval(a * d, b * c, variance, level);
}
