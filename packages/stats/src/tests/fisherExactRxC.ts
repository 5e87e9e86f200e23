import { logGamma } from '../distributions/logGamma.ts';
import { StatsInputError } from '../StatsInputError.ts';
import { checkTable } from './chiSquareTest.ts';

/** Most tables fisherExactRxC will enumerate before giving up. */
export const MAX_ENUMERATED_TABLES = 2_000_000;

/**
 * Two-sided Fisher exact test for an r x c table by full enumeration of the tables with the observed
 * margins (R's `fisher.test(table)` uses the FEXACT network algorithm for the same p-value). A table
 * counts as at least as extreme when its probability is <= the observed one times 1 + 1e-7, the
 * relative tolerance R applies in the 2 x 2 case. Throws a StatsInputError when more than
 * MAX_ENUMERATED_TABLES tables would be needed; use chiSquareTest (or simulation) for such tables.
 */
export function fisherExactRxC(table: readonly (readonly number[])[]): { p: number; tables: number } {
  const { rows, cols } = checkTable(table);
  table.forEach((row) => {
    for (const value of row) {
      if (!Number.isInteger(value))
        throw new StatsInputError(`table counts must be integers, got ${value}`, 'table');
    }
  });
  const rowSums = table.map((row) => row.reduce((s, v) => s + v, 0));
  const colSums = Array.from({ length: cols }, (_, j) => table.reduce((s, row) => s + (row[j] as number), 0));
  const total = rowSums.reduce((s, v) => s + v, 0);
  const logFactorial = Array.from({ length: total + 1 }, (_, i) => logGamma(i + 1));
  const lf = (i: number) => logFactorial[i] as number;
  let logConstant = -lf(total);
  for (const r of rowSums) logConstant += lf(r);
  for (const c of colSums) logConstant += lf(c);
  let observedLog = logConstant;
  for (const row of table) for (const v of row) observedLog -= lf(v);
  const threshold = observedLog + Math.log1p(1e-7);

  // Fill column by column; `remaining[i]` is what row i still needs. The last column is forced.
  const remaining = [...rowSums];
  let count = 0;
  let p = 0;
  const fillColumn = (j: number, logSoFar: number): void => {
    if (j === cols - 1) {
      let logProbability = logSoFar;
      for (let i = 0; i < rows; i++) logProbability -= lf(remaining[i] as number);
      count++;
      if (count > MAX_ENUMERATED_TABLES) {
        throw new StatsInputError(
          `the table has more than ${MAX_ENUMERATED_TABLES} tables with its margins, too many to enumerate; use chiSquareTest`,
          'table',
        );
      }
      if (logProbability <= threshold) p += Math.exp(logProbability);
      return;
    }
    const fillCell = (i: number, left: number, logCell: number): void => {
      if (i === rows - 1) {
        if (left > (remaining[i] as number)) return;
        remaining[i] = (remaining[i] as number) - left;
        fillColumn(j + 1, logCell - lf(left));
        remaining[i] = (remaining[i] as number) + left;
        return;
      }
      // What the rows below can still absorb bounds this cell from below.
      let capacityBelow = 0;
      for (let r = i + 1; r < rows; r++) capacityBelow += remaining[r] as number;
      const min = Math.max(0, left - capacityBelow);
      const max = Math.min(left, remaining[i] as number);
      for (let v = min; v <= max; v++) {
        remaining[i] = (remaining[i] as number) - v;
        fillCell(i + 1, left - v, logCell - lf(v));
        remaining[i] = (remaining[i] as number) + v;
      }
    };
    fillCell(0, colSums[j] as number, logSoFar);
  };
  fillColumn(0, logConstant);
  return { p: Math.min(1, p), tables: count };
}
