import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveDisclosurePolicy } from './DisclosurePolicy.ts';
import { isSuppressed, type PublishedCount } from './Suppressed.ts';
import { type CountTable, type SuppressedCountTable, suppressCounts } from './suppressCounts.ts';

const policy = resolveDisclosurePolicy({ minCellCount: 5 });

function table(counts: number[][], margins = false): CountTable {
  return {
    rows: counts.map((_, i) => `r${i}`),
    columns: (counts[0] ?? []).map((_, j) => `c${j}`),
    counts,
    margins,
  };
}

/** The published grid with margins as rows/columns R and C; suppressed cells as 'P' / 'S'. */
function render(result: SuppressedCountTable): (number | string)[][] {
  const show = (cell: PublishedCount): number | string =>
    isSuppressed(cell) ? (cell.reason === 'primary' ? 'P' : 'S') : cell;
  const grid = result.cells.map((row, i) => [
    ...row.map(show),
    ...(result.rowTotals ? [show(result.rowTotals[i]!)] : []),
  ]);
  if (result.columnTotals) grid.push([...result.columnTotals.map(show), show(result.grandTotal!)]);
  return grid;
}

describe('suppressCounts: primary suppression', () => {
  it('reports small non-zero counts as <n and keeps zeros and large counts', () => {
    const result = suppressCounts(
      table([
        [0, 3, 20, 30],
        [12, 0, 15, 8],
        [0, 0, 0, 0],
      ]),
      policy,
      {
        marginsKnown: false,
      },
    );
    expect(result.cells[0]![1]).toEqual({ suppressed: true, reason: 'primary', label: '<5' });
    expect(result.cells[0]![0]).toBe(0);
    expect(result.cells[2]).toEqual([0, 0, 0, 0]);
    expect(result.primary).toBe(1);
    expect(result.secondary).toBe(0); // nothing to subtract from: totals unknown
  });

  it('publishes a table without small counts unchanged', () => {
    const result = suppressCounts(
      table(
        [
          [10, 20],
          [30, 40],
        ],
        true,
      ),
      policy,
    );
    expect(render(result)).toEqual([
      [10, 20, 30],
      [30, 40, 70],
      [40, 60, 100],
    ]);
    expect(result.primary + result.secondary).toBe(0);
  });

  it('uses the policy threshold in the label', () => {
    const result = suppressCounts(
      table([
        [2, 40],
        [40, 40],
      ]),
      resolveDisclosurePolicy({ minCellCount: 3 }),
    );
    expect(result.cells[0]![0]).toMatchObject({ label: '<3' });
  });

  it('rejects negative or fractional counts and ragged rows', () => {
    expect(() => suppressCounts(table([[1.5]]), policy)).toThrow(RangeError);
    expect(() => suppressCounts(table([[-1]]), policy)).toThrow(RangeError);
    expect(() =>
      suppressCounts({ rows: ['a', 'b'], columns: ['x'], counts: [[1], [1, 2]] }, policy),
    ).toThrow();
  });
});

describe('suppressCounts: secondary suppression', () => {
  it('a single small cell in a row takes the smallest other non-zero cell of its row and column', () => {
    const result = suppressCounts(
      table(
        [
          [3, 40, 12, 0],
          [25, 30, 35, 20],
          [18, 22, 27, 31],
        ],
        true,
      ),
      policy,
    );
    // Row 0 takes 12; column 0 takes 18; row 2 then prefers 27, which also closes column 2.
    expect(render(result)).toEqual([
      ['P', 40, 'S', 0, 55],
      [25, 30, 35, 20, 110],
      ['S', 22, 'S', 31, 98],
      [46, 92, 74, 51, 263],
    ]);
  });

  it('two small cells in one row protect each other in the row but not in their columns', () => {
    const result = suppressCounts(
      table(
        [
          [2, 3, 50],
          [20, 30, 40],
          [25, 35, 45],
        ],
        true,
      ),
      policy,
    );
    const grid = render(result);
    expect(grid[0]!.slice(0, 2)).toEqual(['P', 'P']);
    // Each of columns 0 and 1 needed a partner; row 1 then holds two secondaries and is closed.
    expect(grid[1]!.slice(0, 2)).toEqual(['S', 'S']);
    expect(result.secondary).toBe(2);
  });

  it('suppresses the total when no other non-zero cell is left in the line', () => {
    const result = suppressCounts(
      table(
        [
          [3, 0, 0],
          [10, 20, 30],
          [15, 25, 35],
        ],
        true,
      ),
      policy,
    );
    const grid = render(result);
    expect(grid[0]).toEqual(['P', 0, 0, 'P']); // the row total is 3: itself primary
    // Column 0 and the total column each need a partner.
    expect(grid[1]![0]).toBe('S');
    expect(grid[1]![3]).toBe('S');
  });

  it('suppresses a margin that would otherwise close its line', () => {
    // The column total of c0 is 3 + 1 = 4 (primary); the total row must not give it away.
    const result = suppressCounts(
      table(
        [
          [3, 50, 60],
          [1, 70, 80],
        ],
        true,
      ),
      policy,
    );
    const grid = render(result);
    expect(grid[2]![0]).toBe('P');
    expect(grid[2]!.filter((cell) => typeof cell === 'string').length).toBeGreaterThanOrEqual(2);
    expect(
      undeterminedSuppressed(
        result,
        table(
          [
            [3, 50, 60],
            [1, 70, 80],
          ],
          true,
        ),
      ),
    ).toBe(true);
  });

  it('puts a bridge between two closed blocks on a cycle', () => {
    // Rows 0–1 × columns 0–1 and rows 2–3 × columns 2–3 are small; each block is closed by its lines.
    const counts = [
      [2, 3, 40, 50],
      [4, 1, 60, 70],
      [80, 90, 2, 3],
      [45, 55, 4, 1],
    ];
    const result = suppressCounts(table(counts, true), policy);
    expect(result.secondary).toBe(0); // no line holds exactly one suppressed cell, no bridge either
    expect(undeterminedSuppressed(result, table(counts, true))).toBe(true);
  });

  it('adds a cell to close a cycle through a bridge that subtraction across lines would expose', () => {
    // Two closed blocks of small cells joined by the small cell (1, 2): every line holds two or more
    // suppressed cells, yet rows 0–1 minus columns 0–1 isolates (1, 2).
    const counts = [
      [2, 3, 40, 50],
      [4, 1, 2, 70],
      [80, 90, 2, 3],
      [45, 55, 4, 1],
    ];
    const result = suppressCounts(table(counts, true), policy);
    expect(result.primary).toBe(9);
    expect(result.secondary).toBe(1);
    expect(result.cells[0]![2]).toMatchObject({ reason: 'secondary' }); // the smallest joining cell
    expect(undeterminedSuppressed(result, table(counts, true))).toBe(true);
  });

  it('assumes unpublished totals known: a 2 × 2 table with one small cell loses all four', () => {
    const result = suppressCounts(
      table([
        [1, 10],
        [10, 10],
      ]),
      policy,
    );
    expect(render(result)).toEqual([
      ['P', 'S'],
      ['S', 'S'],
    ]);
  });

  it('reports what cannot be protected when the totals are known but not published', () => {
    // One column: each row total is the cell itself, so 3 = 93 − 40 − 50 from totals alone.
    const result = suppressCounts(table([[3], [40], [50]]), policy);
    expect(result.cells[0]![0]).toMatchObject({ reason: 'primary' });
    expect(result.unprotected).toContainEqual({ row: 0, column: 0 });
    // Published margins leave nothing unprotected: the totals are suppressed instead.
    const withMargins = suppressCounts(table([[3], [40], [50]], true), policy);
    expect(withMargins.unprotected).toEqual([]);
    expect(undeterminedSuppressed(withMargins, table([[3], [40], [50]], true))).toBe(true);
  });
});

describe('suppressCounts: properties', () => {
  const counts = fc
    .record({ rows: fc.integer({ min: 1, max: 5 }), columns: fc.integer({ min: 1, max: 5 }) })
    .chain(({ rows, columns }) =>
      fc.array(
        fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 60 })), {
          minLength: columns,
          maxLength: columns,
        }),
        { minLength: rows, maxLength: rows },
      ),
    );
  const cases = fc.record({ counts, margins: fc.boolean(), min: fc.integer({ min: 1, max: 8 }) });

  it('publishes true values, suppresses every small non-zero count, and never a published zero by primary', () => {
    fc.assert(
      fc.property(cases, ({ counts, margins, min }) => {
        const input = table(counts, margins);
        const result = suppressCounts(input, resolveDisclosurePolicy({ minCellCount: min }));
        const truth = extended(counts);
        forEachPublished(result, (cell, i, j) => {
          const v = truth[i]![j]!;
          if (isSuppressed(cell)) {
            expect(cell.reason === 'primary').toBe(v > 0 && v < min);
          } else {
            expect(cell).toBe(v);
            expect(v === 0 || v >= min).toBe(true);
          }
        });
      }),
      { numRuns: 400 },
    );
  });

  it('no suppressed cell equals a published total minus the published cells of its row or column', () => {
    fc.assert(
      fc.property(cases, ({ counts, margins, min }) => {
        const result = suppressCounts(table(counts, margins), resolveDisclosurePolicy({ minCellCount: min }));
        const known = knownGrid(result, counts, min);
        const R = counts.length;
        const C = counts[0]!.length;
        const lines: [number, number][][] = [];
        for (let i = 0; i <= R; i++) lines.push(Array.from({ length: C + 1 }, (_, j) => [i, j]));
        for (let j = 0; j <= C; j++) lines.push(Array.from({ length: R + 1 }, (_, i) => [i, j]));
        for (const line of lines) {
          const unknown = line.filter(([i, j]) => known[i]![j] === undefined);
          if (unknown.length !== 1) continue;
          const [i, j] = unknown[0]!;
          // The only acceptable lone unknown is one the function itself reports as unprotected.
          expect(
            result.unprotected.some(
              (ref) => ref.row === (i === R ? 'total' : i) && ref.column === (j === C ? 'total' : j),
            ),
          ).toBe(true);
        }
        if (margins) expect(result.unprotected).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('no suppressed cell is determined by any combination of the published cells and totals', () => {
    fc.assert(
      fc.property(cases, ({ counts, margins, min }) => {
        const input = table(counts, margins);
        const result = suppressCounts(input, resolveDisclosurePolicy({ minCellCount: min }));
        expect(undeterminedSuppressed(result, input, !margins, min)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

// --- helpers: an independent check by linear algebra ---

function extended(counts: number[][]): number[][] {
  const rows = counts.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const totals = rows[0]!.map((_, j) => rows.reduce((sum, row) => sum + row[j]!, 0));
  return [...rows, totals];
}

function forEachPublished(
  result: SuppressedCountTable,
  visit: (cell: PublishedCount, i: number, j: number) => void,
) {
  const R = result.rows.length;
  const C = result.columns.length;
  for (const [i, row] of result.cells.entries()) for (const [j, cell] of row.entries()) visit(cell, i, j);
  for (const [i, cell] of (result.rowTotals ?? []).entries()) visit(cell, i, C);
  for (const [j, cell] of (result.columnTotals ?? []).entries()) visit(cell, R, j);
  if (result.grandTotal !== undefined) visit(result.grandTotal, R, C);
}

/** What the querier knows: published values, plus unpublished totals that are zero or not small. */
function knownGrid(result: SuppressedCountTable, counts: number[][], min: number): (number | undefined)[][] {
  const truth = extended(counts);
  const known: (number | undefined)[][] = truth.map((row) =>
    row.map((v) => (v > 0 && v < min ? undefined : v)),
  );
  forEachPublished(result, (cell, i, j) => {
    known[i]![j] = isSuppressed(cell) ? undefined : cell;
  });
  return known;
}

/**
 * True when no suppressed cell's value follows from the line equations (parts sum to the total) with
 * every known value substituted: e_k must not lie in the row space of the unknowns' coefficients.
 * With `allowReported`, cells listed in `unprotected` are exempt.
 */
function undeterminedSuppressed(
  result: SuppressedCountTable,
  input: CountTable,
  allowReported = false,
  min = 5,
): boolean {
  const counts = input.counts.map((row) => [...row]);
  const known = knownGrid(result, counts, min);
  const R = counts.length;
  const C = counts[0]!.length;
  const unknowns: [number, number][] = [];
  for (let i = 0; i <= R; i++)
    for (let j = 0; j <= C; j++) if (known[i]![j] === undefined) unknowns.push([i, j]);
  const equations: number[][] = [];
  for (let i = 0; i <= R; i++) {
    equations.push(unknowns.map(([a, b]) => (a === i ? (b === C ? -1 : 1) : 0)));
  }
  for (let j = 0; j <= C; j++) {
    equations.push(unknowns.map(([a, b]) => (b === j ? (a === R ? -1 : 1) : 0)));
  }
  const base = rank(equations);
  return unknowns.every(([i, j], k) => {
    const published = result.cells[i]?.[j];
    const isOutputSuppressed =
      (i < R && j < C && isSuppressed(published)) ||
      (i < R && j === C && isSuppressed(result.rowTotals?.[i])) ||
      (i === R && j < C && isSuppressed(result.columnTotals?.[j])) ||
      (i === R && j === C && isSuppressed(result.grandTotal));
    const unit = unknowns.map((_, m) => (m === k ? 1 : 0));
    const determined = rank([...equations, unit]) === base;
    if (!determined) return true;
    if (
      allowReported &&
      result.unprotected.some(
        (ref) => ref.row === (i === R ? 'total' : i) && ref.column === (j === C ? 'total' : j),
      )
    ) {
      return true;
    }
    // A determined unknown is fine only when it is not sensitive: an unpublished, unknown total of
    // no interest. Suppressed cells must never be determined.
    return !isOutputSuppressed && !(input.margins ?? false);
  });
}

function rank(matrix: number[][]): number {
  const m = matrix.map((row) => [...row]);
  const columns = m[0]?.length ?? 0;
  let r = 0;
  for (let c = 0; c < columns && r < m.length; c++) {
    let pivot = r;
    for (let k = r + 1; k < m.length; k++) if (Math.abs(m[k]![c]!) > Math.abs(m[pivot]![c]!)) pivot = k;
    if (Math.abs(m[pivot]![c]!) < 1e-9) continue;
    [m[r], m[pivot]] = [m[pivot]!, m[r]!];
    for (let k = 0; k < m.length; k++) {
      if (k === r) continue;
      const f = m[k]![c]! / m[r]![c]!;
      if (f !== 0) for (let x = c; x < columns; x++) m[k]![x]! -= f * m[r]![x]!;
    }
    r++;
  }
  return r;
}
