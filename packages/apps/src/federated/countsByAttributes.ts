import type { PluginContext } from '@plexus/runtime';
import { type CountAggregates, InputError } from '@plexus/spec';
import { type Grouping, groupingParam, levelCodes, MISSING_LEVEL, optionalParam } from './modelParams.ts';

/**
 * A site's contingency counts for a federated `sum`: entities of the cohort by the levels of the
 * category or boolean attribute `rows`, and optionally by those of `columns`. Levels come from the
 * model, in its order, so every site sends the same ones (zeros included); entities without a value
 * are counted under a last level `(missing)`, present only when there are some. Exact counts: the
 * node applies its disclosure control afterwards.
 *
 * Parameters: `cohort` (optional), `rows` (attribute id), `columns` (attribute id, optional).
 */
export async function countsByAttributes(context: PluginContext): Promise<CountAggregates> {
  const { params } = context;
  const rows = groupingParam(context, 'rows');
  const columns =
    optionalParam(params, 'columns') === undefined ? undefined : groupingParam(context, 'columns');
  if (columns && columns.attribute.id === rows.attribute.id) {
    throw new InputError(`rows and columns are both '${rows.attribute.id}'; choose two attributes`, [
      { at: 'columns', message: 'same as rows', found: columns.attribute.id },
    ]);
  }
  const frame = await context.frame({
    cohort: params.cohort as never,
    columns: columns ? [rows.attribute.id, columns.attribute.id] : [rows.attribute.id],
  });
  const rowCodes = levelCodes(frame.columns[rows.attribute.id], rows.levels);
  const columnCodes = columns ? levelCodes(frame.columns[columns.attribute.id], columns.levels) : undefined;
  const rowCount = rows.levels.length;
  const columnCount = columns ? columns.levels.length : 0;
  // One extra row and column for missing values, dropped below when empty.
  const grid = Array.from({ length: rowCount + 1 }, () => new Array<number>(columnCount + 1).fill(0));
  for (let entity = 0; entity < frame.length; entity++) {
    const row = rowCodes[entity] ?? -1;
    const column = columnCodes ? (columnCodes[entity] ?? -1) : 0;
    const line = grid[row < 0 ? rowCount : row] as number[];
    const at = columns && column < 0 ? columnCount : column;
    line[at] = (line[at] ?? 0) + 1;
  }
  const missingRow = (grid[rowCount] as number[]).some((count) => count > 0);
  const missingColumn = columns !== undefined && grid.some((line) => (line[columnCount] ?? 0) > 0);
  const keptRows = missingRow ? grid : grid.slice(0, rowCount);
  const width = columns ? columnCount + (missingColumn ? 1 : 0) : 1;
  const dimension = (grouping: Grouping, missing: boolean) => ({
    id: grouping.attribute.id,
    label: grouping.attribute.label,
    levels: missing ? [...grouping.levels, MISSING_LEVEL] : [...grouping.levels],
  });
  return {
    kind: 'counts',
    rows: dimension(rows, missingRow),
    ...(columns ? { columns: dimension(columns, missingColumn) } : {}),
    counts: keptRows.map((line) => line.slice(0, width)),
  };
}
