import type { DisclosurePolicy } from './DisclosurePolicy.ts';
import { type PublishedCount, type Suppressed, suppressed } from './Suppressed.ts';

/** A two-way table of counts, e.g. sex × age band. */
export interface CountTable {
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  /** `counts[row][column]`: non-negative integers, one array per row. */
  readonly counts: readonly (readonly number[])[];
  /** Publish row totals, column totals and the grand total (computed from the counts). Default false. */
  readonly margins?: boolean;
}

export interface SuppressCountsOptions {
  /**
   * Whether to assume that the querier knows the row and column totals even when they are not
   * published — usually true, since they are one cohort count away. Default true. Totals that are
   * themselves small are never assumed known.
   */
  readonly marginsKnown?: boolean;
}

/** A cell of the table; `'total'` addresses a margin. */
export interface CellRef {
  readonly row: number | 'total';
  readonly column: number | 'total';
}

export interface SuppressedCountTable {
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly cells: PublishedCount[][];
  readonly rowTotals?: PublishedCount[];
  readonly columnTotals?: PublishedCount[];
  readonly grandTotal?: PublishedCount;
  /** How many cells (margins included) were suppressed, and why. */
  readonly primary: number;
  readonly secondary: number;
  /**
   * Suppressed cells whose value still follows from the published cells and the totals assumed
   * known, because no cell was left to suppress beside them. Only possible when margins are known but
   * not published (e.g. a one-column table); empty otherwise.
   */
  readonly unprotected: CellRef[];
}

type Status = 'public' | 'primary' | 'secondary' | 'hidden';

/**
 * Primary and secondary (complementary) suppression of a two-way count table.
 *
 * The table is extended by its margins to an (R+1) × (C+1) grid: every row and every column of the
 * grid — the total row and total column included — is a line whose cells obey one linear equation
 * (the parts sum to the total). Then:
 *
 * 1. Primary: every non-zero count below `minCellCount`, margins included, is suppressed.
 * 2. Lines: a line with exactly one suppressed cell would give it away by subtraction, so the
 *    smallest other non-zero cell of that line is suppressed too — preferring one whose other line
 *    also holds a lone suppressed cell, which closes both at once; a total only when no inner cell is
 *    left, a zero only when nothing else is. Repeated to a fixed point.
 * 3. Chains: suppressed cells and lines form a bipartite graph (a cell joins its row and its column).
 *    A suppressed cell is determined by the published values exactly when it lies on no cycle of that
 *    graph (a bridge) — e.g. adding two rows and subtracting two columns can isolate it even when
 *    every line holds two suppressed cells. Each bridge gets the smallest cell that closes a cycle
 *    through it; then back to 2, until nothing changes.
 *
 * Guarantee: no suppressed cell's exact value can be computed from the published cells and totals of
 * this table by any combination of additions and subtractions. Limits: bounds remain (a `<5` is in
 * 1..4; non-negativity narrows secondary cells to intervals), and differencing across different
 * queries is not addressed here — that is what the repeated-query limit and noise are for.
 */
export function suppressCounts(
  table: CountTable,
  policy: DisclosurePolicy,
  options: SuppressCountsOptions = {},
): SuppressedCountTable {
  const R = table.rows.length;
  const C = table.columns.length;
  const threshold = policy.minCellCount;
  if (table.counts.length !== R)
    throw new RangeError(`Expected ${R} rows of counts, found ${table.counts.length}`);
  const publishMargins = table.margins ?? false;
  const marginsKnown = options.marginsKnown ?? true;

  // The extended grid: value and status, margins at index R (row) and C (column).
  const value: number[][] = [];
  for (let i = 0; i < R; i++) {
    const row = table.counts[i]!;
    if (row.length !== C) throw new RangeError(`Row ${i} has ${row.length} counts, expected ${C}`);
    for (const count of row) {
      if (!Number.isInteger(count) || count < 0) {
        throw new RangeError(`A count must be a non-negative integer, found ${count}`);
      }
    }
    value.push([...row, row.reduce((a, b) => a + b, 0)]);
  }
  const totalsRow: number[] = [];
  for (let j = 0; j <= C; j++) totalsRow.push(value.reduce((sum, row) => sum + row[j]!, 0));
  value.push(totalsRow);

  const isMargin = (i: number, j: number): boolean => i === R || j === C;
  const status: Status[][] = value.map((row, i) =>
    row.map((v, j): Status => {
      const small = v > 0 && v < threshold;
      if (isMargin(i, j) && !publishMargins) return small || !marginsKnown ? 'hidden' : 'public';
      return small ? 'primary' : 'public';
    }),
  );
  // Unpublished margins that the querier is assumed to know can be neither suppressed nor chosen.
  const selectable = (i: number, j: number): boolean =>
    status[i]![j] === 'public' && (publishMargins || !isMargin(i, j));
  const isHidden = (i: number, j: number): boolean => status[i]![j] !== 'public';
  // What must not be derivable: suppressed cells, and unpublished totals that are themselves small.
  // (An unpublished total the querier does not know is hidden too, but harmless when derived.)
  const isSensitive = (i: number, j: number): boolean =>
    status[i]![j] === 'primary' ||
    status[i]![j] === 'secondary' ||
    (status[i]![j] === 'hidden' && value[i]![j]! > 0 && value[i]![j]! < threshold);

  // Candidates in preference order: non-zero inner cells, non-zero totals, zero inner cells, zero totals;
  // then (in the line rule) those that close another line too; then the smallest value; then position.
  const rank = (i: number, j: number): [number, number, number, number] => [
    (value[i]![j] === 0 ? 2 : 0) + (isMargin(i, j) ? 1 : 0),
    value[i]![j]!,
    i,
    j,
  ];
  const best = (
    cells: [number, number][],
    preference: (cell: [number, number]) => number = () => 0,
  ): [number, number] | undefined => {
    let chosen: [number, number] | undefined;
    let chosenRank: number[] | undefined;
    for (const [i, j] of cells) {
      const [tier, ...rest] = rank(i, j);
      const r = [tier, preference([i, j]), ...rest];
      if (!chosenRank || compare(r, chosenRank) < 0) {
        chosen = [i, j];
        chosenRank = r;
      }
    }
    return chosen;
  };

  const lines: [number, number][][] = [];
  for (let i = 0; i <= R; i++) lines.push(Array.from({ length: C + 1 }, (_, j): [number, number] => [i, j]));
  for (let j = 0; j <= C; j++) lines.push(Array.from({ length: R + 1 }, (_, i): [number, number] => [i, j]));

  const unprotected = new Set<string>();
  // A candidate whose other line also holds a lone suppressed cell closes two lines at once.
  const lonelyLines = (cells: [number, number][]): number =>
    cells.filter(([i, j]) => isHidden(i, j)).length === 1 ? 1 : 0;
  const rowCells = (i: number): [number, number][] =>
    Array.from({ length: C + 1 }, (_, j): [number, number] => [i, j]);
  const columnCells = (j: number): [number, number][] =>
    Array.from({ length: R + 1 }, (_, i): [number, number] => [i, j]);

  const lineRule = (): boolean => {
    for (const [index, line] of lines.entries()) {
      const hidden = line.filter(([i, j]) => isHidden(i, j));
      if (hidden.length !== 1) continue;
      const [hi, hj] = hidden[0]!;
      if (!isSensitive(hi, hj) || unprotected.has(`${hi},${hj}`)) continue;
      const isRow = index <= R;
      const pick = best(
        line.filter(([i, j]) => selectable(i, j)),
        ([i, j]) => 1 - lonelyLines(isRow ? columnCells(j) : rowCells(i)),
      );
      if (!pick) {
        unprotected.add(`${hi},${hj}`);
        continue;
      }
      status[pick[0]]![pick[1]] = 'secondary';
      return true;
    }
    return false;
  };

  const bridgeRule = (): boolean => {
    const edges: [number, number][] = [];
    for (let i = 0; i <= R; i++) for (let j = 0; j <= C; j++) if (isHidden(i, j)) edges.push([i, j]);
    for (const [bi, bj] of findBridges(R + 1, C + 1, edges)) {
      if (!isSensitive(bi, bj) || unprotected.has(`${bi},${bj}`)) continue;
      // Split the bridge's component: rows and columns reachable from either end without the bridge.
      const rowSide = reachableWithout(bi, edges, [bi, bj], R);
      const colSide = reachableWithout(R + 1 + bj, edges, [bi, bj], R);
      // A new suppressed cell joining the two sides closes a cycle through the bridge.
      const candidates: [number, number][] = [];
      for (let i = 0; i <= R; i++) {
        for (let j = 0; j <= C; j++) {
          if (i === bi && j === bj) continue;
          const col = R + 1 + j;
          const joins = (rowSide.has(i) && colSide.has(col)) || (colSide.has(i) && rowSide.has(col));
          if (joins && selectable(i, j)) candidates.push([i, j]);
        }
      }
      const pick = best(candidates);
      if (!pick) {
        unprotected.add(`${bi},${bj}`);
        continue;
      }
      status[pick[0]]![pick[1]] = 'secondary';
      return true;
    }
    return false;
  };

  while (lineRule() || bridgeRule()) {
    // each pass suppresses one more cell; the grid is finite
  }

  let primary = 0;
  let secondary = 0;
  const publish = (i: number, j: number): PublishedCount => {
    const s = status[i]![j]!;
    if (s === 'public' || s === 'hidden') return value[i]![j]!;
    if (s === 'primary') primary++;
    else secondary++;
    return suppressed(s, threshold);
  };
  const cells = Array.from({ length: R }, (_, i) => Array.from({ length: C }, (_, j) => publish(i, j)));
  const result: {
    -readonly [K in keyof SuppressedCountTable]: SuppressedCountTable[K];
  } = { rows: table.rows, columns: table.columns, cells, primary: 0, secondary: 0, unprotected: [] };
  if (publishMargins) {
    result.rowTotals = Array.from({ length: R }, (_, i) => publish(i, C));
    result.columnTotals = Array.from({ length: C }, (_, j) => publish(R, j));
    result.grandTotal = publish(R, C);
  }
  result.primary = primary;
  result.secondary = secondary;
  result.unprotected = [...unprotected].map((key) => {
    const [i, j] = key.split(',').map(Number) as [number, number];
    return { row: i === R ? 'total' : i, column: j === C ? 'total' : j };
  });
  return result;
}

/** The suppression marker of a cell, or undefined when it is published. */
export function suppressionOf(cell: PublishedCount): Suppressed | undefined {
  return typeof cell === 'number' ? undefined : cell;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
  return 0;
}

/**
 * Bridges of the bipartite multigraph with `rows` + `columns` nodes whose edges are cells; in a
 * deterministic order. Tarjan's low-link, recursive (tables are small).
 */
function findBridges(rows: number, columns: number, edges: readonly [number, number][]): [number, number][] {
  const n = rows + columns;
  const adjacency: { to: number; edge: number }[][] = Array.from({ length: n }, () => []);
  edges.forEach(([i, j], edge) => {
    adjacency[i]!.push({ to: rows + j, edge });
    adjacency[rows + j]!.push({ to: i, edge });
  });
  const order = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const bridges: number[] = [];
  let counter = 0;
  const visit = (node: number, viaEdge: number): void => {
    order[node] = counter;
    low[node] = counter;
    counter++;
    for (const { to, edge } of adjacency[node]!) {
      if (edge === viaEdge) continue;
      if (order[to] === -1) {
        visit(to, edge);
        low[node] = Math.min(low[node]!, low[to]!);
        if (low[to]! > order[node]!) bridges.push(edge);
      } else {
        low[node] = Math.min(low[node]!, order[to]!);
      }
    }
  };
  for (let node = 0; node < n; node++) if (order[node] === -1 && adjacency[node]!.length > 0) visit(node, -1);
  return bridges.sort((a, b) => a - b).map((edge) => edges[edge]!);
}

/**
 * The nodes of the bipartite graph of hidden cells (row i as i, column j as R + 1 + j) reachable from
 * `start` along the edges (cells) other than `without`.
 */
function reachableWithout(
  start: number,
  edges: ReadonlyArray<readonly [number, number]>,
  without: readonly [number, number],
  R: number,
): Set<number> {
  const seen = new Set<number>([start]);
  const stack = [start];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const [i, j] of edges) {
      if (i === without[0] && j === without[1]) continue;
      const [a, b] = [i, R + 1 + j];
      const other = a === node ? b : b === node ? a : undefined;
      if (other !== undefined && !seen.has(other)) {
        seen.add(other);
        stack.push(other);
      }
    }
  }
  return seen;
}
