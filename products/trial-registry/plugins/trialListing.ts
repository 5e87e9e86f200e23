import type { FrameColumn } from '@plexus/engine';
import type { PluginContext } from '@plexus/runtime';
import type { Block, Cell, Cohort, PluginOutput } from '@plexus/spec';

const DAY_MS = 86_400_000;
const COLUMNS = ['title', 'phase', 'status', 'start_date', 'enrolment', 'condition'] as const;

function categoryOf(column: FrameColumn | undefined, at: number): string | null {
  if (column?.type !== 'category') return null;
  const code = column.codes[at] ?? -1;
  return code < 0 ? null : (column.levels[code] ?? null);
}

function textOf(column: FrameColumn | undefined, at: number): string | null {
  return column?.type === 'text' ? (column.values[at] ?? null) : null;
}

function numberOf(column: FrameColumn | undefined, at: number): number | null {
  if (column?.type !== 'integer' && column?.type !== 'number' && column?.type !== 'date') return null;
  const value = column.values[at] ?? Number.NaN;
  return Number.isFinite(value) ? value : null;
}

const isoDate = (days: number | null): string | null =>
  days === null ? null : new Date(days * DAY_MS).toISOString().slice(0, 10);

/** Column ids of the by-phase table: the status levels as kebab-case ids ("active, not recruiting" → active-not-recruiting). */
const statusId = (status: string): string =>
  status
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

// Code-unit order, never the locale's, so that every node sorts alike.
const compareText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/**
 * The trials of a cohort, for people and for other products' apps (drug-safety-profile of
 * adverse-event-reports calls it through the mesh): how many, their total enrolment, a phase × status
 * count table, and one row per trial ordered by start date, then NCT id.
 */
export async function trialListing(context: PluginContext): Promise<PluginOutput> {
  const cohort = (context.params.cohort ?? {}) as Cohort;
  const frame = await context.frame({ cohort, columns: COLUMNS });
  const column = (id: (typeof COLUMNS)[number]) => frame.columns[id];
  const phaseColumn = column('phase');
  const statusColumn = column('status');
  const phases = phaseColumn?.type === 'category' ? phaseColumn.levels : [];
  const statuses = statusColumn?.type === 'category' ? statusColumn.levels : [];

  const trials = frame.ids.map((id, at) => ({
    id,
    title: textOf(column('title'), at),
    phase: categoryOf(phaseColumn, at),
    status: categoryOf(statusColumn, at),
    start: numberOf(column('start_date'), at),
    enrolment: numberOf(column('enrolment'), at),
    condition: categoryOf(column('condition'), at) ?? textOf(column('condition'), at),
  }));
  trials.sort(
    (x, y) =>
      (x.start ?? Number.POSITIVE_INFINITY) - (y.start ?? Number.POSITIVE_INFINITY) ||
      compareText(x.id, y.id),
  );
  const enrolment = trials.reduce((sum, trial) => sum + (trial.enrolment ?? 0), 0);

  const counts = new Map<string, Map<string, number>>();
  for (const trial of trials) {
    const phase = trial.phase ?? '(missing)';
    const row = counts.get(phase) ?? new Map<string, number>();
    row.set(trial.status ?? '(missing)', (row.get(trial.status ?? '(missing)') ?? 0) + 1);
    counts.set(phase, row);
  }
  const phaseRows = [...phases, '(missing)'].filter((phase) => counts.has(phase));
  const byPhase: Cell[][] = phaseRows.map((phase) => {
    const row = counts.get(phase) ?? new Map<string, number>();
    const cells = statuses.map((status) => row.get(status) ?? 0);
    return [phase, ...cells, cells.reduce((sum, n) => sum + n, 0)];
  });

  const first = trials[0];
  const last = trials.at(-1);
  const recruiting = trials.filter((t) => t.status === 'recruiting' || t.status === 'not yet recruiting');
  const summary =
    trials.length === 0
      ? 'No trial of the registry matches the cohort.'
      : [
          `**${trials.length} trial${trials.length === 1 ? '' : 's'}** with a total enrolment of ${enrolment.toLocaleString('en-US')} participants (actual or anticipated), started ${isoDate(first?.start ?? null)} to ${isoDate(last?.start ?? null)}.`,
          `${recruiting.length} ${recruiting.length === 1 ? 'is' : 'are'} recruiting or not yet recruiting. Trials are listed by start date, then NCT id.`,
        ].join(' ');

  const blocks: Block[] = [
    { id: 'summary', type: 'markdown', text: summary },
    { id: 'count', type: 'statistic', name: 'trials', value: trials.length },
    { id: 'enrolment', type: 'statistic', name: 'total enrolment', value: enrolment, unit: 'participants' },
    {
      id: 'by-phase',
      type: 'table',
      title: 'Trials by phase and overall status',
      columns: [
        { id: 'phase', label: 'Phase', type: 'string' },
        ...statuses.map((status) => ({ id: statusId(status), label: status, type: 'integer' as const })),
        { id: 'total', label: 'Total', type: 'integer' },
      ],
      rows: byPhase,
    },
    {
      id: 'trials',
      type: 'table',
      title: 'Trials, by start date',
      columns: [
        { id: 'nct_id', label: 'NCT id', type: 'string' },
        { id: 'title', label: 'Title', type: 'string' },
        { id: 'phase', label: 'Phase', type: 'string' },
        { id: 'status', label: 'Status', type: 'string' },
        { id: 'start_date', label: 'Start date', type: 'date' },
        { id: 'enrolment', label: 'Enrolment', type: 'integer', unit: 'participants' },
        { id: 'condition', label: 'Condition', type: 'string' },
      ],
      rows: trials.map((t) => [t.id, t.title, t.phase, t.status, isoDate(t.start), t.enrolment, t.condition]),
    },
  ];
  return {
    title: 'Trial listing',
    summary: `${trials.length} trials, total enrolment ${enrolment}`,
    blocks,
  };
}
