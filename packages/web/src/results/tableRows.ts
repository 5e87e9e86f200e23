/** Sorting and paging of table rows (pure: the table component keeps the state). */

/** A cell of a result table (also as sorted and written to CSV); a missing value is null. */
export type Cell = string | number | boolean | null;
export type SortDirection = 'ascending' | 'descending';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Orders two present cells: numbers numerically, booleans false before true, the rest as text. */
export function compareCells(a: Cell, b: Cell): number {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : -1;
    return a - b;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return collator.compare(String(a), String(b));
}

/**
 * The rows sorted by one column (a stable sort; the input is not changed). Missing cells (null) go
 * last in either direction.
 */
export function sortRows<R extends readonly Cell[]>(
  rows: readonly R[],
  column: number,
  direction: SortDirection,
): R[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((x, y) => {
      const a = x.row[column] ?? null;
      const b = y.row[column] ?? null;
      if (a === null || b === null) {
        if (a === b) return x.index - y.index;
        return a === null ? 1 : -1;
      }
      return sign * compareCells(a, b) || x.index - y.index;
    })
    .map(({ row }) => row);
}

export interface Page<R> {
  rows: R[];
  page: number;
  pageCount: number;
  first: number;
  last: number;
}

/** One page (0-based, clamped to the pages there are) of `size` rows; first/last are 1-based row numbers. */
export function pageOf<R>(rows: readonly R[], page: number, size: number): Page<R> {
  const pageCount = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(0, Math.floor(page)), pageCount - 1);
  const start = current * size;
  const slice = rows.slice(start, start + size);
  return {
    rows: slice,
    page: current,
    pageCount,
    first: slice.length === 0 ? 0 : start + 1,
    last: start + slice.length,
  };
}
