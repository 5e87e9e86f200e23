type Spec = { $schema: string } & Record<string, unknown>;

/**
 * Horizontal bars of combined counts: one bar per row level, side by side per column level when there
 * is a column dimension. Suppressed cells have no bar (they are unknown, not zero).
 */
export function countsBarChart(
  cells: Array<{ row: string; column: string | null; count: number }>,
  rows: { label: string; levels: string[] },
  columns: { label: string; levels: string[] } | undefined,
  suppressed: number,
): Spec {
  const y = { field: 'row', type: 'nominal', title: rows.label, sort: rows.levels };
  const x = { field: 'count', type: 'quantitative', title: 'Count' };
  const tooltip = [
    { field: 'row', title: rows.label },
    ...(columns ? [{ field: 'column', title: columns.label }] : []),
    { field: 'count', title: 'Count' },
  ];
  const encoding = columns
    ? {
        y,
        x,
        color: { field: 'column', type: 'nominal', title: columns.label, scale: { domain: columns.levels } },
        yOffset: { field: 'column', sort: columns.levels },
        tooltip,
      }
    : { y, x, tooltip };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    description: `Counts by ${rows.label}${columns ? ` and ${columns.label}` : ''}, summed over sites${suppressed > 0 ? `; ${suppressed} suppressed cell${suppressed === 1 ? ' has' : 's have'} no bar` : ''}.`,
    width: 420,
    height: { step: columns ? 14 : 24 },
    data: { values: cells.map((cell) => (columns ? cell : { row: cell.row, count: cell.count })) },
    mark: { type: 'bar', tooltip: true },
    encoding,
  };
}
