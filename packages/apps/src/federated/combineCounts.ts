import type { Block, Cell, CountAggregates, PluginOutput } from '@plexus/spec';
import { countsBarChart } from './countsBarChart.ts';
import { MISSING_LEVEL } from './modelParams.ts';
import { sameList } from './sameList.ts';
import { orderedSites, type SiteContribution, siteError } from './siteContributions.ts';

type Dimension = CountAggregates['rows'];

/** A dimension's levels other than `(missing)`: what every site must agree on. */
const modelLevels = (dimension: Dimension): string[] =>
  dimension.levels.filter((level) => level !== MISSING_LEVEL);

/** The dimension shared by every site; `(missing)` is kept when any site has it. */
function sharedDimension(
  sites: SiteContribution<CountAggregates>[],
  pick: (aggregates: CountAggregates) => Dimension | undefined,
  name: string,
): Dimension | undefined {
  const first = sites[0] as SiteContribution<CountAggregates>;
  const reference = pick(first.aggregates);
  for (const { site, aggregates } of sites) {
    const dimension = pick(aggregates);
    if ((dimension === undefined) !== (reference === undefined)) {
      throw siteError(
        site,
        `${dimension ? 'has' : 'lacks'} a ${name} dimension, unlike site '${first.site}'; every site counts by the same attributes`,
      );
    }
    if (!dimension || !reference) continue;
    if (dimension.id !== reference.id) {
      throw siteError(
        site,
        `counts ${name} by '${dimension.id}' but site '${first.site}' by '${reference.id}'; every site counts by the same attributes`,
        dimension.id,
      );
    }
    if (!sameList(modelLevels(dimension), modelLevels(reference))) {
      throw siteError(
        site,
        `sent the ${name} levels ${modelLevels(dimension).join(', ')} but site '${first.site}' sent ${modelLevels(reference).join(', ')}; every site uses the model's levels, in its order`,
        dimension.levels,
      );
    }
  }
  if (!reference) return undefined;
  const missing = sites.some((entry) => pick(entry.aggregates)?.levels.includes(MISSING_LEVEL));
  return {
    ...reference,
    levels: missing ? [...modelLevels(reference), MISSING_LEVEL] : modelLevels(reference),
  };
}

function checkShape({ site, aggregates }: SiteContribution<CountAggregates>): void {
  const width = aggregates.columns ? aggregates.columns.levels.length : 1;
  const shaped = (table: unknown[][]) =>
    table.length === aggregates.rows.levels.length && table.every((line) => line.length === width);
  if (!shaped(aggregates.counts)) {
    throw siteError(
      site,
      `sent counts that are not ${aggregates.rows.levels.length} × ${width} (row levels × column levels)`,
    );
  }
  if (aggregates.suppression && !shaped(aggregates.suppression)) {
    throw siteError(site, 'sent a suppression table whose shape differs from its counts');
  }
}

/** One site's count in a cell of the shared levels: a number, null when suppressed. */
function siteCount(aggregates: CountAggregates, row: string, column: string | null): number | null {
  const r = aggregates.rows.levels.indexOf(row);
  const c = column === null ? 0 : (aggregates.columns?.levels.indexOf(column) ?? -1);
  // A site without a (missing) level had nobody with a missing value: a published zero.
  if (r < 0 || c < 0) return 0;
  return aggregates.counts[r]?.[c] ?? null;
}

function siteReason(aggregates: CountAggregates, row: string, column: string | null): string | null {
  const r = aggregates.rows.levels.indexOf(row);
  const c = column === null ? 0 : (aggregates.columns?.levels.indexOf(column) ?? -1);
  if (r < 0 || c < 0) return null;
  if (aggregates.counts[r]?.[c] !== null) return null;
  return aggregates.suppression?.[r]?.[c] ?? 'suppressed';
}

const sumKnown = (values: Array<number | null>): number | null =>
  values.some((value) => value === null)
    ? null
    : values.reduce<number>((sum, value) => sum + (value ?? 0), 0);

/**
 * Combines sites' contingency counts by summing them cell by cell (`sum`). A cell that any site
 * suppressed is reported as null — unknown, never zero and never the threshold — with a note naming
 * the sites, and so is every total that includes it. Sites must count by the same attributes and
 * levels; a `(missing)` level that only some sites have is a zero at the others.
 */
export function combineCounts(sites: readonly SiteContribution[]): PluginOutput {
  const ordered = orderedSites(sites, 'counts', 'sum');
  ordered.forEach(checkShape);
  const rows = sharedDimension(ordered, (aggregates) => aggregates.rows, 'row') as Dimension;
  const columns = sharedDimension(ordered, (aggregates) => aggregates.columns, 'column');
  const columnLevels: Array<string | null> = columns ? columns.levels : [null];
  const cellName = (row: string, column: string | null) => (column === null ? row : `${row} × ${column}`);

  let suppressedCells = 0;
  const summed = rows.levels.map((row) =>
    columnLevels.map((column) => {
      const values = ordered.map(({ aggregates }) => siteCount(aggregates, row, column));
      const by = ordered.filter((_, index) => values[index] === null).map((entry) => entry.site);
      if (by.length > 0) suppressedCells++;
      return { value: sumKnown(values), by };
    }),
  );
  const total = sumKnown(summed.flat().map((cell) => cell.value));

  const countColumns = columns
    ? columns.levels.map((level, index) => ({
        id: `column-${index + 1}`,
        label: level,
        type: 'integer' as const,
      }))
    : [{ id: 'count', label: 'Count', type: 'integer' as const }];
  const tableRows: Cell[][] = rows.levels.map((row, r) => {
    const line = summed[r] ?? [];
    const notes = line.flatMap((cell, c) =>
      cell.by.length > 0
        ? [`${cellName(row, columnLevels[c] ?? null)} suppressed at ${cell.by.join(', ')}`]
        : [],
    );
    return [
      row,
      ...line.map((cell) => cell.value),
      ...(columns ? [sumKnown(line.map((cell) => cell.value))] : []),
      notes.length > 0 ? notes.join('; ') : null,
    ];
  });
  if (columns) {
    tableRows.push([
      'Total',
      ...columnLevels.map((_, c) => sumKnown(summed.map((line) => line[c]?.value ?? null))),
      total,
      null,
    ]);
  }

  const bySiteRows: Cell[][] = ordered.flatMap(({ site, aggregates }) =>
    aggregates.rows.levels.flatMap((row) =>
      (columns ? (aggregates.columns?.levels ?? []) : [null]).map((column) => [
        site,
        row,
        ...(columns ? [column] : []),
        siteCount(aggregates, row, column),
        siteReason(aggregates, row, column),
      ]),
    ),
  );

  const cellCount = rows.levels.length * columnLevels.length;
  const siteNames = ordered.map((entry) => entry.site).join(', ');
  const suppressionText =
    suppressedCells === 0
      ? 'No cell was suppressed: every count is the exact sum over the sites (as each site published it; a site may add noise to its counts).'
      : `**${suppressedCells}** of the ${cellCount} cells were suppressed by at least one site's disclosure control (a small count, or a cell withheld to protect one). Such a cell is reported empty (null): its sum is unknown — not zero, and not the threshold — and so is every total that includes it. The note of each row names the sites; \`counts-by-site\` shows what each site published.`;
  const title = `Counts of ${rows.label}${columns ? ` by ${columns.label}` : ''}`;
  const chartCells = rows.levels.flatMap((row, r) =>
    columnLevels.flatMap((column, c) => {
      const value = summed[r]?.[c]?.value ?? null;
      return value === null ? [] : [{ row, column, count: value }];
    }),
  );
  const blocks: Block[] = [
    {
      id: 'suppression',
      type: 'markdown',
      text: [
        `Counts of **${rows.label}**${columns ? ` by **${columns.label}**` : ''} summed over ${ordered.length} site${ordered.length === 1 ? '' : 's'} (${siteNames}).`,
        suppressionText,
      ].join('\n\n'),
    },
    { id: 'total', type: 'statistic', name: 'total count', value: total },
    {
      id: 'counts',
      type: 'table',
      title: 'Counts summed over sites',
      columns: [
        { id: 'level', label: rows.label, type: 'string' },
        ...countColumns,
        ...(columns ? [{ id: 'total', label: 'Total', type: 'integer' as const }] : []),
        { id: 'note', label: 'Note', type: 'string' },
      ],
      rows: tableRows,
    },
    {
      id: 'counts-chart',
      type: 'chart',
      title,
      spec: countsBarChart(chartCells, rows, columns, suppressedCells),
    },
    {
      id: 'counts-by-site',
      type: 'table',
      title: 'Counts by site',
      columns: [
        { id: 'site', label: 'Site', type: 'string' },
        { id: 'row', label: rows.label, type: 'string' },
        ...(columns ? [{ id: 'column', label: columns.label, type: 'string' as const }] : []),
        { id: 'count', label: 'Count', type: 'integer' },
        { id: 'suppressed', label: 'Suppressed', type: 'string' },
      ],
      rows: bySiteRows,
    },
  ];
  const summary =
    total === null
      ? `${ordered.length} site${ordered.length === 1 ? '' : 's'}; ${suppressedCells} of ${cellCount} cells suppressed`
      : `${ordered.length} site${ordered.length === 1 ? '' : 's'}; total ${total}`;
  return { title, summary, blocks };
}
