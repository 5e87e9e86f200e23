import { chiSquareTest } from '../tests/chiSquareTest.ts';
import { checkReportTable, type ReportTable } from './reportTable.ts';

/** Pearson's chi-square of a report table with Yates's continuity correction, on 1 degree of freedom. */
export interface YatesChiSquare {
  /** null when the reaction is in no report or in every report: an expected count is then 0. */
  statistic: number | null;
  p: number | null;
  df: 1;
}

/**
 * Pearson's chi-square with Yates's continuity correction, as R's `chisq.test(matrix(c(a, c, b, d),
 * 2), correct = TRUE)` — including R's rule of correcting by min(0.5, |O − E|), so that a table with
 * O = E gives 0, not a negative deviation.
 */
export function yatesChiSquare(table: ReportTable): YatesChiSquare {
  checkReportTable(table);
  const { a, b, c, d } = table;
  // The rows hold reports (checked above), so only an empty column makes an expected count zero.
  if (a + c === 0 || b + d === 0) return { statistic: null, p: null, df: 1 };
  const test = chiSquareTest(
    [
      [a, b],
      [c, d],
    ],
    { correct: true },
  );
  return { statistic: test.statistic, p: test.p, df: 1 };
}
