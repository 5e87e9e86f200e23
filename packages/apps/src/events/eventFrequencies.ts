import type { PluginContext } from '@plexus/runtime';
import { type Block, InputError, type PluginOutput } from '@plexus/spec';
import { cohortGroups, describeDenominators, eventsModality } from './cohortGroups.ts';
import { countCells, countColumns, frequencyChart } from './frequencyBlocks.ts';
import { byFrequency, frequency, percent, tally } from './subjectFrequencies.ts';

/** Rows drawn in the chart: more would not be readable. */
const CHART_ROWS = 20;

/**
 * How many entities of a cohort have at least one event of each name (a condition, a drug, an adverse
 * event's preferred term) or of each group (a body system, a drug class), by group of a categorical
 * attribute: n and % of each group's entities in the cohort — those without any event included —
 * with Fisher's exact test of equal proportions across the groups.
 */
export async function eventFrequencies(context: PluginContext): Promise<PluginOutput> {
  const { params, product } = context;
  const modality = eventsModality(context, String(params.modality));
  const level = params.level === 'group' ? 'group' : 'name';
  if (level === 'group' && !modality.fields.includes('group')) {
    throw new InputError(
      `the events of ${modality.label} have no group in this product's mapping; count them by name (level: name)`,
    );
  }
  const minPercent = Number(params.minPercent ?? 0);
  const groupBy =
    params.groupBy === undefined || params.groupBy === null ? undefined : String(params.groupBy);
  const grouped = await cohortGroups(context, params.cohort, groupBy);
  const table = await context.events({ modality: modality.id, cohort: params.cohort as never });
  const keys = level === 'group' ? table.group : table.name;
  const tallies = tally(table, grouped, (event) => keys[event] ?? null);
  const all = [...tallies].map(([key, entry]) => frequency(key, entry, grouped)).sort(byFrequency);
  const rows = all.filter((row) => (percent(row.total, grouped.total) ?? 0) >= minPercent);
  const unnamed = table.length - [...tallies.values()].reduce((sum, entry) => sum + entry.events, 0);
  const withTestColumn = rows.some((row) => row.test === 'chi-square');
  const entities = product.entity.plural;
  const rowLabel = level === 'group' ? `${modality.label}: group` : `${modality.label}: name`;

  const notes = [
    `${describeDenominators(grouped, entities)} Each row counts the ${entities} with at least one event of that ${level} (${modality.label}); percentages are of all ${entities} ${grouped.attribute ? 'of the group ' : ''}in the cohort, with or without events.`,
    grouped.groups.length >= 2
      ? `p: two-sided Fisher's exact test of equal proportions across the ${grouped.groups.length} groups (a 2 × ${grouped.groups.length} table)${withTestColumn ? '; where that table is too large to enumerate, Pearson\u2019s chi-square test, as the Test column says' : ''}. The p-values are not adjusted for the number of rows.`
      : '',
    minPercent > 0
      ? `${all.length - rows.length} of ${all.length} rows are hidden because fewer than ${minPercent}% of the ${entities} have the event.`
      : '',
    unnamed > 0 ? `${unnamed} events without a ${level} are not counted.` : '',
  ].filter((note) => note !== '');
  const blocks: Block[] = [
    { id: 'summary', type: 'markdown', text: notes.join('\n\n') },
    {
      id: 'frequencies',
      type: 'table',
      title: `${entities[0]?.toUpperCase() ?? ''}${entities.slice(1)} with ${modality.label.toLowerCase()} by ${level}`,
      columns: [
        { id: 'event', label: level === 'group' ? 'Group' : 'Name', type: 'string' },
        ...countColumns(grouped, withTestColumn),
      ],
      rows: rows.map((row) => [row.key, ...countCells(row, grouped, withTestColumn)]),
    },
  ];
  if (rows.length > 0)
    blocks.push(
      frequencyChart({
        id: 'top-events',
        title: `The ${Math.min(CHART_ROWS, rows.length)} most frequent: ${modality.label}`,
        rows: rows.slice(0, CHART_ROWS),
        grouped,
        rowLabel,
        entities,
      }),
    );
  const top = rows[0];
  return {
    title: `${modality.label} by ${level}${grouped.attribute ? ` and ${grouped.attribute.label}` : ''}`,
    summary: top
      ? `${all.length} ${level === 'group' ? 'groups' : 'names'}; most frequent: ${top.key} (${top.total} of ${grouped.total} ${entities})`
      : `no ${modality.label.toLowerCase()} in this cohort`,
    blocks,
  };
}
