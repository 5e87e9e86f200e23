import type { FrameColumn } from '@plexus/engine';
import type { PluginContext } from '@plexus/runtime';
import type { Block, Cohort, PluginOutput } from '@plexus/spec';

const COLUMNS = [
  'name',
  'kind',
  'cost_basis',
  'mean_cost',
  'median_cost',
  'p25_cost',
  'p75_cost',
  'patients',
  'year',
] as const;

function label(column: FrameColumn | undefined, at: number): string | null {
  if (column?.type === 'category') {
    const code = column.codes[at] ?? -1;
    return code < 0 ? null : (column.levels[code] ?? null);
  }
  return column?.type === 'text' ? (column.values[at] ?? null) : null;
}

function numberOf(column: FrameColumn | undefined, at: number): number | null {
  if (column?.type !== 'integer' && column?.type !== 'number') return null;
  const value = column.values[at] ?? Number.NaN;
  return Number.isFinite(value) ? value : null;
}

// Code-unit order, never the locale's, so that every node sorts alike.
const compareText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/**
 * The cost figures of a cohort of codes as one table, sorted by code: what other products' apps ask
 * for when they attach costs to conditions or procedures (drug-safety-profile of
 * adverse-event-reports calls it through the mesh with the ICD-10 codes of its signals).
 */
export async function costTable(context: PluginContext): Promise<PluginOutput> {
  const cohort = (context.params.cohort ?? {}) as Cohort;
  const frame = await context.frame({ cohort, columns: COLUMNS });
  const column = (id: (typeof COLUMNS)[number]) => frame.columns[id];
  const rows = frame.ids
    .map((code, at) => ({
      code,
      cells: [
        code,
        label(column('name'), at),
        label(column('kind'), at),
        label(column('cost_basis'), at),
        numberOf(column('mean_cost'), at),
        numberOf(column('median_cost'), at),
        numberOf(column('p25_cost'), at),
        numberOf(column('p75_cost'), at),
        numberOf(column('patients'), at),
        numberOf(column('year'), at),
      ],
    }))
    .sort((x, y) => compareText(x.code, y.code));
  const kinds = new Map<string, number>();
  for (const row of rows) {
    const basis = String(row.cells[3] ?? '(missing)');
    kinds.set(basis, (kinds.get(basis) ?? 0) + 1);
  }
  const byBasis = [...kinds]
    .sort(([x], [y]) => compareText(x, y))
    .map(([basis, n]) => `${n} ${basis}`)
    .join(', ');
  const summary =
    rows.length === 0
      ? 'No code of the cost table matches the cohort.'
      : `**${rows.length} code${rows.length === 1 ? '' : 's'}** (cost basis: ${byBasis}), sorted by code. Costs are in USD of the year shown: mean, median and quartiles of the cost per patient-year, per episode or per procedure, over the number of patients given. Synthetic figures, not tariffs.`;
  const blocks: Block[] = [
    { id: 'summary', type: 'markdown', text: summary },
    {
      id: 'costs',
      type: 'table',
      title: 'Costs per code',
      columns: [
        { id: 'code', label: 'Code', type: 'string' },
        { id: 'name', label: 'Name', type: 'string' },
        { id: 'kind', label: 'Kind', type: 'string' },
        { id: 'cost_basis', label: 'Cost basis', type: 'string' },
        { id: 'mean', label: 'Mean cost', type: 'number', unit: 'USD' },
        { id: 'median', label: 'Median cost', type: 'number', unit: 'USD' },
        { id: 'p25', label: 'Cost, 25th percentile', type: 'number', unit: 'USD' },
        { id: 'p75', label: 'Cost, 75th percentile', type: 'number', unit: 'USD' },
        { id: 'patients', label: 'Patients', type: 'integer' },
        { id: 'year', label: 'Cost year', type: 'integer' },
      ],
      rows: rows.map((row) => row.cells),
    },
  ];
  return { title: 'Cost table', summary: `${rows.length} codes`, blocks };
}
