import { canonicalJson } from '@plexus/engine';
import type { Cell, CellChange, TableBlock, TableChange, TableColumn } from '@plexus/spec';
import { numberChange } from './numberChange.ts';
import { keyLength, rowKeys } from './tableRowKey.ts';
import { textChangeIfDifferent } from './textChange.ts';

/** Rows added or removed listed, and changed cells listed; the counts say how many there are in all. */
export const MAX_ROWS_LISTED = 20;
export const MAX_CELLS_LISTED = 50;

type Row = readonly Cell[];

function asRecord(columns: readonly TableColumn[], row: Row): Record<string, Cell> {
  return Object.fromEntries(columns.map((column, index) => [column.id, row[index] ?? null]));
}

/** Pairs of matched row indices (first table, second table), in the order of the first table. */
function matchRows(keysA: readonly string[], keysB: readonly string[]): Array<[number, number]> {
  // A key may repeat only when whole rows are matched: equal rows pair up in order.
  const waiting = new Map<string, number[]>();
  keysB.forEach((key, index) => {
    const queue = waiting.get(key);
    if (queue) queue.push(index);
    else waiting.set(key, [index]);
  });
  const pairs: Array<[number, number]> = [];
  keysA.forEach((key, index) => {
    const match = waiting.get(key)?.shift();
    if (match !== undefined) pairs.push([index, match]);
  });
  return pairs;
}

/**
 * Two table blocks with one id: columns added, removed and relabelled; rows matched by a key (the
 * leading common columns whose values are unique in both, else whole rows) into rows added, rows
 * removed and changed cells with numeric deltas.
 */
export function compareTables(a: TableBlock, b: TableBlock): TableChange {
  const idsB = b.columns.map((column) => column.id);
  const idsA = a.columns.map((column) => column.id);
  const common = idsA.filter((id) => idsB.includes(id));
  const positionsA = common.map((id) => idsA.indexOf(id));
  const positionsB = common.map((id) => idsB.indexOf(id));
  const changedColumns = common.flatMap((id, k) => {
    const from = a.columns[positionsA[k] ?? 0] as TableColumn;
    const to = b.columns[positionsB[k] ?? 0] as TableColumn;
    return canonicalJson(from) === canonicalJson(to) ? [] : [{ id, from, to }];
  });

  const length = keyLength(a.rows, b.rows, positionsA, positionsB);
  const matchLength = length > 0 ? length : common.length;
  const keysA = rowKeys(a.rows, positionsA.slice(0, matchLength));
  const keysB = rowKeys(b.rows, positionsB.slice(0, matchLength));
  const pairs = common.length > 0 ? matchRows(keysA, keysB) : [];
  const matchedA = new Set(pairs.map(([index]) => index));
  const matchedB = new Set(pairs.map(([, index]) => index));
  const removed = a.rows.flatMap((row, index) => (matchedA.has(index) ? [] : [row]));
  const added = b.rows.flatMap((row, index) => (matchedB.has(index) ? [] : [row]));

  const keyColumns = common.slice(0, length);
  const cells: CellChange[] = [];
  for (const [indexA, indexB] of pairs) {
    const rowA = a.rows[indexA] ?? [];
    const rowB = b.rows[indexB] ?? [];
    const key = Object.fromEntries(keyColumns.map((id, k) => [id, rowA[positionsA[k] ?? 0] ?? null]));
    common.forEach((column, k) => {
      if (k < length) return;
      const from = rowA[positionsA[k] ?? 0] ?? null;
      const to = rowB[positionsB[k] ?? 0] ?? null;
      if (from === to) return;
      const { delta, relativeDelta } =
        typeof from === 'number' && typeof to === 'number'
          ? numberChange(from, to)
          : { delta: null, relativeDelta: null };
      cells.push({ key, row: { from: indexA, to: indexB }, column, from, to, delta, relativeDelta });
    });
  }

  const title = textChangeIfDifferent(a.title, b.title);
  return {
    id: a.id,
    type: 'table',
    ...(title ? { title } : {}),
    columns: {
      added: idsB.filter((id) => !idsA.includes(id)),
      removed: idsA.filter((id) => !idsB.includes(id)),
      changed: changedColumns,
      reordered: positionsB.some((position, k) => k > 0 && position < (positionsB[k - 1] ?? 0)),
    },
    key: length > 0 ? keyColumns : null,
    rowCount: { from: a.rows.length, to: b.rows.length },
    rowsAdded: {
      count: added.length,
      rows: added.slice(0, MAX_ROWS_LISTED).map((row) => asRecord(b.columns, row)),
    },
    rowsRemoved: {
      count: removed.length,
      rows: removed.slice(0, MAX_ROWS_LISTED).map((row) => asRecord(a.columns, row)),
    },
    rowsReordered: pairs.some(([, indexB], k) => k > 0 && indexB < (pairs[k - 1]?.[1] ?? 0)),
    cellsChanged: { count: cells.length, cells: cells.slice(0, MAX_CELLS_LISTED) },
  };
}
