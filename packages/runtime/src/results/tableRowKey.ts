import { canonicalJson } from '@plexus/engine';
import type { Cell } from '@plexus/spec';

/** Rows of a table reduced to given columns, as the strings rows are matched by. */
export function rowKeys(rows: readonly (readonly Cell[])[], positions: readonly number[]): string[] {
  return rows.map((row) => canonicalJson(positions.map((position) => row[position] ?? null)));
}

function unique(keys: readonly string[]): boolean {
  return new Set(keys).size === keys.length;
}

/**
 * The number of leading common columns whose values together are unique in both tables — the key
 * rows are matched by — or 0 when even all of them repeat (then whole rows are matched).
 */
export function keyLength(
  a: readonly (readonly Cell[])[],
  b: readonly (readonly Cell[])[],
  positionsA: readonly number[],
  positionsB: readonly number[],
): number {
  for (let length = 1; length <= positionsA.length; length++) {
    if (unique(rowKeys(a, positionsA.slice(0, length))) && unique(rowKeys(b, positionsB.slice(0, length))))
      return length;
  }
  return 0;
}
