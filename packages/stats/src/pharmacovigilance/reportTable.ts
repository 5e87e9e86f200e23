import { StatsInputError } from '../StatsInputError.ts';

/**
 * The 2 × 2 table of a disproportionality analysis of spontaneous reports, for one drug and one
 * reaction: a = reports of the drug with the reaction, b = of the drug without it, c = of all other
 * drugs with the reaction, d = of all other drugs without it.
 */
export interface ReportTable {
  a: number;
  b: number;
  c: number;
  d: number;
}

/**
 * Checks that the four cells are report counts and that both rows hold reports: without reports of
 * the drug (a + b = 0) or of other drugs (c + d = 0) there is nothing to compare, whatever the
 * statistic.
 */
export function checkReportTable(table: ReportTable): void {
  for (const cell of ['a', 'b', 'c', 'd'] as const) {
    const value = table[cell];
    if (!(Number.isInteger(value) && value >= 0)) {
      throw new StatsInputError(
        `${cell} = ${value}; each cell must be a count (a non-negative integer)`,
        cell,
      );
    }
  }
  if (table.a + table.b === 0) {
    throw new StatsInputError('the drug has no reports (a + b = 0): there is nothing to compare', 'a');
  }
  if (table.c + table.d === 0) {
    throw new StatsInputError('no other drug has reports (c + d = 0): there is nothing to compare with', 'c');
  }
}
