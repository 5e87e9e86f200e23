import type { PluginContext } from '@plexus/runtime';
import type { Block, Cell, PluginOutput } from '@plexus/spec';
import { cohortGroups, describeDenominators, eventsModality } from './cohortGroups.ts';
import { countCells, countColumns, frequencyChart } from './frequencyBlocks.ts';
import { byFrequency, type Frequency, frequency, percent, tally } from './subjectFrequencies.ts';

const NO_GROUP = '(no body system)';
const NO_NAME = '(no preferred term)';
/** Separates body system and preferred term in a tally key; never part of a MedDRA name. */
const SEPARATOR = '\u0001';
const CHART_ROWS = 20;

/**
 * The classic adverse event table of a safety review: subjects with at least one event overall, per
 * body system (the events' group) and, beneath each body system, per preferred term (the events'
 * name), as n and % of each arm's subjects in the cohort with Fisher's exact test across arms.
 * Body systems and terms within them are ordered by how many subjects have them, so that what is
 * common comes first; a subject counts once per row however many events of it they had. When the
 * events carry a text value (severity, as AESEV), a second table counts subjects by it.
 */
export async function adverseEventsByArm(context: PluginContext): Promise<PluginOutput> {
  const { params, product } = context;
  const modality = eventsModality(context, String(params.modality));
  const minPercent = Number(params.minPercent ?? 0);
  const grouped = await cohortGroups(context, params.cohort, String(params.groupBy));
  const table = await context.events({ modality: modality.id, cohort: params.cohort as never });
  const bodySystem = (event: number) => table.group[event] ?? NO_GROUP;
  const term = (event: number) => table.name[event] ?? NO_NAME;
  const entities = product.entity.plural;

  const anyEvent = frequency(
    'Any event',
    tally(table, grouped, () => 'any').get('any') ?? emptyTally(),
    grouped,
  );
  const systems = [...tally(table, grouped, bodySystem)]
    .map(([key, entry]) => frequency(key, entry, grouped))
    .sort(byFrequency);
  const terms = new Map<string, Frequency[]>();
  for (const [key, entry] of tally(
    table,
    grouped,
    (event) => `${bodySystem(event)}${SEPARATOR}${term(event)}`,
  )) {
    const [system = NO_GROUP, name = NO_NAME] = key.split(SEPARATOR);
    const list = terms.get(system) ?? [];
    list.push(frequency(name, entry, grouped));
    terms.set(system, list);
  }
  const shown = (row: Frequency) => (percent(row.total, grouped.total) ?? 0) >= minPercent;
  const withTestColumn = [anyEvent, ...systems, ...[...terms.values()].flat()].some(
    (row) => row.test === 'chi-square',
  );
  const rows: Cell[][] = [
    ['any', 'At least one event', null, ...countCells(anyEvent, grouped, withTestColumn)],
  ];
  let hidden = 0;
  let termCount = 0;
  const shownTerms: Frequency[] = [];
  for (const system of systems) {
    const within = (terms.get(system.key) ?? []).sort(byFrequency);
    termCount += within.length;
    const visible = shown(system) ? within.filter(shown) : [];
    hidden += within.length - visible.length;
    if (!shown(system)) continue;
    rows.push(['body system', system.key, null, ...countCells(system, grouped, withTestColumn)]);
    for (const row of visible)
      rows.push(['preferred term', system.key, row.key, ...countCells(row, grouped, withTestColumn)]);
    shownTerms.push(...visible);
  }

  const several = grouped.groups.length >= 2;
  const notes = [
    `${describeDenominators(grouped, entities)} ${anyEvent.total} ${entities} (${percent(anyEvent.total, grouped.total)}%) had at least one of ${table.length} events (${modality.label}).`,
    `Each row counts ${entities} with at least one event, once however many they had; percentages are of all ${entities} of the arm in the cohort. Body systems, and preferred terms within each, are ordered by the number of ${entities} with them.`,
    several
      ? `p: two-sided Fisher's exact test of equal proportions across the ${grouped.groups.length} arms${withTestColumn ? ' (Pearson\u2019s chi-square where the table is too large to enumerate, as the Test column says)' : ''}, unadjusted for the number of rows: a screen for signals, not a confirmatory test.`
      : '',
    minPercent > 0
      ? `${hidden} of ${termCount} preferred terms are hidden: below ${minPercent}% of ${entities}, or in a body system that is.`
      : '',
  ].filter((note) => note !== '');
  const blocks: Block[] = [
    { id: 'summary', type: 'markdown', text: notes.join('\n\n') },
    {
      id: 'adverse-events',
      type: 'table',
      title: `${capitalize(entities)} with ${modality.label.toLowerCase()} by body system and preferred term`,
      columns: [
        { id: 'level', label: 'Level', type: 'string' },
        { id: 'body-system', label: 'Body system', type: 'string' },
        { id: 'term', label: 'Preferred term', type: 'string' },
        ...countColumns(grouped, withTestColumn),
      ],
      rows,
    },
  ];
  if (modality.fields.includes('text')) {
    const bySeverity = [...tally(table, grouped, (event) => table.text[event] ?? null)]
      .map(([key, entry]) => frequency(key, entry, grouped))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    blocks.push({
      id: 'severity',
      type: 'table',
      title: `${capitalize(entities)} with at least one event of each severity`,
      columns: [
        { id: 'severity', label: 'Severity', type: 'string' },
        ...countColumns(grouped, withTestColumn),
      ],
      rows: bySeverity.map((row) => [row.key, ...countCells(row, grouped, withTestColumn)]),
    });
  }
  const top = [...shownTerms].sort(byFrequency).slice(0, CHART_ROWS);
  if (top.length > 0)
    blocks.push(
      frequencyChart({
        id: 'top-terms',
        title: `The ${top.length} most frequent preferred terms`,
        rows: top,
        grouped,
        rowLabel: 'Preferred term',
        entities,
      }),
    );
  return {
    title: `${modality.label} by body system and preferred term${grouped.attribute ? `, by ${grouped.attribute.label}` : ''}`,
    summary: `${anyEvent.total} of ${grouped.total} ${entities} with at least one event; ${systems.length} body systems, ${termCount} preferred terms`,
    blocks,
  };
}

function emptyTally(): { entities: Set<number>; events: number } {
  return { entities: new Set(), events: 0 };
}

function capitalize(text: string): string {
  return `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`;
}
