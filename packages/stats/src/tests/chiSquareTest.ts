import { chiSquareSurvival } from '../distributions/chiSquare.ts';
import { StatsInputError } from '../StatsInputError.ts';

export interface ChiSquareTestOptions {
  /** Yates' continuity correction, applied (as in R) only to 2 x 2 tables; default true. */
  correct?: boolean;
}

export interface ChiSquareTestResult {
  statistic: number;
  df: number;
  p: number;
  /** Expected counts under independence, rowSum * colSum / total. */
  expected: number[][];
}

/** Validates a contingency table of non-negative finite counts with at least 2 rows and 2 columns. */
export function checkTable(table: readonly (readonly number[])[]): { rows: number; cols: number } {
  const rows = table.length;
  const cols = table[0]?.length ?? 0;
  if (rows < 2 || cols < 2) {
    throw new StatsInputError(
      `the table must have at least 2 rows and 2 columns, got ${rows} x ${cols}`,
      'table',
    );
  }
  table.forEach((row, i) => {
    if (row.length !== cols) {
      throw new StatsInputError(
        `row ${i} has ${row.length} entries but row 0 has ${cols}; the table must be rectangular`,
        'table',
      );
    }
    row.forEach((value, j) => {
      if (!(value >= 0 && Number.isFinite(value))) {
        throw new StatsInputError(
          `table[${i}][${j}] = ${value}; all counts must be non-negative and finite`,
          'table',
        );
      }
    });
  });
  return { rows, cols };
}

/** Pearson's chi-squared test of independence on a contingency table, as R's `chisq.test(table)`. */
export function chiSquareTest(
  table: readonly (readonly number[])[],
  options: ChiSquareTestOptions = {},
): ChiSquareTestResult {
  const { rows, cols } = checkTable(table);
  const rowSums = table.map((row) => row.reduce((s, v) => s + v, 0));
  const colSums = Array.from({ length: cols }, (_, j) => table.reduce((s, row) => s + (row[j] as number), 0));
  const total = rowSums.reduce((s, v) => s + v, 0);
  if (!(total > 0)) throw new StatsInputError('at least one entry of the table must be positive', 'table');
  rowSums.forEach((s, i) => {
    if (s === 0)
      throw new StatsInputError(`row ${i} sums to zero, so its expected counts are zero; drop it`, 'table');
  });
  colSums.forEach((s, j) => {
    if (s === 0)
      throw new StatsInputError(
        `column ${j} sums to zero, so its expected counts are zero; drop it`,
        'table',
      );
  });
  // E <- outer(sr, sc) / n (stats::chisq.test)
  const expected = rowSums.map((r) => colSums.map((c) => (r * c) / total));
  const yates = (options.correct ?? true) && rows === 2 && cols === 2;
  let correction = Number.POSITIVE_INFINITY;
  if (yates) {
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        correction = Math.min(correction, Math.abs((table[i]?.[j] as number) - (expected[i]?.[j] as number)));
      }
    }
    correction = Math.min(0.5, correction);
  } else {
    correction = 0;
  }
  let statistic = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const e = expected[i]?.[j] as number;
      const d = Math.abs((table[i]?.[j] as number) - e) - correction;
      statistic += (d * d) / e;
    }
  }
  const df = (rows - 1) * (cols - 1);
  return { statistic, df, p: chiSquareSurvival(statistic, df), expected };
}
