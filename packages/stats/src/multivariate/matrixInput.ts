import { StatsInputError } from '../StatsInputError.ts';

/** Shape of a validated observation matrix (rows = observations, columns = variables). */
export interface MatrixShape {
  rows: number;
  columns: number;
}

/**
 * Checks that `matrix` is a non-empty, rectangular array of rows with finite entries, as R's
 * `as.matrix` + `complete.cases` would require before prcomp / kmeans / dist. Throws StatsInputError
 * naming the first offending row and column so the caller can fix the data.
 */
export function checkMatrix(matrix: readonly ArrayLike<number>[], field = 'matrix'): MatrixShape {
  const rows = matrix.length;
  if (rows === 0) throw new StatsInputError(`${field} has no rows: pass at least one observation`, field);
  const columns = matrix[0]?.length ?? 0;
  if (columns === 0)
    throw new StatsInputError(`${field} has no columns: each row needs at least one variable`, field);
  for (let i = 0; i < rows; i++) {
    const row = matrix[i];
    if (row === undefined || row.length !== columns)
      throw new StatsInputError(
        `${field} is ragged: row ${i} has ${row?.length ?? 0} values but row 0 has ${columns}; every row needs the same number of variables`,
        field,
      );
    for (let j = 0; j < columns; j++) {
      const value = row[j];
      if (value === undefined || !Number.isFinite(value))
        throw new StatsInputError(
          `${field}[${i}][${j}] is ${value}: remove or impute missing and infinite values first`,
          field,
        );
    }
  }
  return { rows, columns };
}

/** Copies validated rows into Float64Arrays (callers never mutate the input). */
export function copyRows(matrix: readonly ArrayLike<number>[]): Float64Array[] {
  return matrix.map((row) => Float64Array.from(row));
}

/** Squared Euclidean distance between two rows of equal length. */
export function squaredDistance(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let j = 0; j < a.length; j++) {
    const d = (a[j] ?? 0) - (b[j] ?? 0);
    sum += d * d;
  }
  return sum;
}
