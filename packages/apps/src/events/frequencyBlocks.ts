import type { Block, Cell, TableColumn } from '@plexus/spec';
import type { CohortGroups } from './cohortGroups.ts';
import { type Frequency, percent } from './subjectFrequencies.ts';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

type Spec = { $schema: string } & Record<string, unknown>;

/**
 * The count columns of a frequency table: n and % for each group, then the total, the number of
 * events and the p-value (with two or more groups). Ids are positional (n-1, percent-1, …) so that
 * they stay valid whatever the group labels are; labels carry the group and its denominator.
 */
export function countColumns(grouped: CohortGroups, withTestColumn: boolean): TableColumn[] {
  const columns: TableColumn[] = [];
  const several = grouped.groups.length >= 2;
  if (several) {
    grouped.groups.forEach((group, at) => {
      const size = grouped.sizes[at] ?? 0;
      columns.push(
        { id: `n-${at + 1}`, label: `${group} (N = ${size}) n`, type: 'integer' },
        { id: `percent-${at + 1}`, label: `${group} %`, type: 'number', unit: '%' },
      );
    });
  }
  columns.push(
    { id: 'n-total', label: `Total (N = ${grouped.total}) n`, type: 'integer' },
    { id: 'percent-total', label: 'Total %', type: 'number', unit: '%' },
    { id: 'events', label: 'Events', type: 'integer' },
  );
  if (several) {
    if (withTestColumn) columns.push({ id: 'test', label: 'Test', type: 'string' });
    columns.push({ id: 'p', label: 'p', type: 'number' });
  }
  return columns;
}

/** The cells matching countColumns for one frequency. */
export function countCells(row: Frequency, grouped: CohortGroups, withTestColumn: boolean): Cell[] {
  const cells: Cell[] = [];
  const several = grouped.groups.length >= 2;
  if (several) {
    row.counts.forEach((count, at) => {
      cells.push(count, percent(count, grouped.sizes[at] ?? 0));
    });
  }
  cells.push(row.total, percent(row.total, grouped.total), row.events);
  if (several) {
    if (withTestColumn) cells.push(row.test);
    cells.push(row.p);
  }
  return cells;
}

/**
 * A dot chart of the most frequent rows: the share of each group's entities with the event, one
 * colour per group, rows in table order. Only counts and shares go into the chart.
 */
export function frequencyChart(options: {
  id: string;
  title: string;
  rows: Frequency[];
  grouped: CohortGroups;
  rowLabel: string;
  entities: string;
}): Block {
  const { rows, grouped } = options;
  const several = grouped.groups.length >= 2;
  const values = rows.flatMap((row) =>
    several
      ? grouped.groups.map((group, at) => ({
          event: row.key,
          group,
          n: row.counts[at] ?? 0,
          percent: percent(row.counts[at] ?? 0, grouped.sizes[at] ?? 0),
        }))
      : [{ event: row.key, group: 'All', n: row.total, percent: percent(row.total, grouped.total) }],
  );
  const spec: Spec = {
    $schema: SCHEMA,
    title: options.title,
    description: `Share of ${options.entities} with at least one event, by ${grouped.attribute?.label ?? 'cohort'}`,
    width: 360,
    height: { step: 18 },
    data: { values },
    mark: { type: 'point', filled: true, size: 70, tooltip: true },
    encoding: {
      y: {
        field: 'event',
        type: 'nominal',
        sort: rows.map((row) => row.key),
        title: options.rowLabel,
        axis: { labelLimit: 320 },
      },
      x: {
        field: 'percent',
        type: 'quantitative',
        title: `${options.entities[0]?.toUpperCase() ?? ''}${options.entities.slice(1)} with the event (%)`,
      },
      ...(several
        ? {
            color: {
              field: 'group',
              type: 'nominal',
              sort: grouped.groups,
              title: grouped.attribute?.label ?? 'Group',
            },
          }
        : {}),
    },
  };
  return { id: options.id, type: 'chart', title: options.title, spec };
}
