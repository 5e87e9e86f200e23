import type { MeshCohortCount, PluginContext } from '@plexus/runtime';
import {
  type Block,
  type Cell,
  type ChartBlock,
  type Cohort,
  InputError,
  type PluginOutput,
  type ResultDocument,
  type TableBlock,
} from '@plexus/spec';
import { type Disproportionality, disproportionality } from '@plexus/stats';

const REGISTRY = 'trial-registry';
const ECONOMICS = 'health-economics';
/** The statuses of trial-registry under which a trial may still enrol patients. */
const OPEN_STATUSES = ['recruiting', 'not yet recruiting'];

interface Reaction {
  term: string;
  soc: string | null;
  code: string | null;
  stats: Disproportionality;
}

interface Cost {
  name: string | null;
  basis: string | null;
  mean: number | null;
}

type Spec = { $schema: string } & Record<string, unknown>;

type Settled<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

/**
 * A mesh call that failed with a MESH_ code is an answer the profile can live without; anything
 * else is a fault of this plugin or of the host and must fail the run.
 */
async function settle<T>(call: () => Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
    if (typeof code === 'string' && code.startsWith('MESH_')) {
      return { ok: false, code, message: (error as Error).message };
    }
    throw error;
  }
}

// Code-unit order, never the locale's, so that every node sorts alike.
const compareText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** A number for prose: three significant digits, "∞" or "NA". */
function formatNumber(value: number | null): string {
  if (value === null || Number.isNaN(value)) return 'NA';
  if (!Number.isFinite(value)) return '∞';
  return String(Number(value.toPrecision(3)));
}

const usd = (value: number): string => `USD ${Math.round(value).toLocaleString('en-US')}`;

function findBlock<K extends Block['type']>(
  document: ResultDocument,
  id: string,
  type: K,
): Extract<Block, { type: K }> | undefined {
  return document.blocks.find(
    (block): block is Extract<Block, { type: K }> => block.id === id && block.type === type,
  );
}

/** The mean cost, cost basis and name of each code in health-economics' cost-table result. */
function costsByCode(document: ResultDocument): Map<string, Cost> {
  const table = findBlock(document, 'costs', 'table');
  const costs = new Map<string, Cost>();
  if (!table) return costs;
  const at = (id: string) => table.columns.findIndex((column) => column.id === id);
  const [code, name, basis, mean] = [at('code'), at('name'), at('cost_basis'), at('mean')];
  for (const row of table.rows) {
    const key = row[code];
    if (typeof key !== 'string') continue;
    const text = (index: number) => (typeof row[index] === 'string' ? (row[index] as string) : null);
    const number = (index: number) => (typeof row[index] === 'number' ? (row[index] as number) : null);
    costs.set(key, { name: text(name), basis: text(basis), mean: number(mean) });
  }
  return costs;
}

/** Signals first, then the highest PRR (an infinite one first), the most reports, the term. */
function bySignal(x: Reaction, y: Reaction): number {
  const prr = (r: Reaction) => r.stats.prr.estimate ?? Number.NEGATIVE_INFINITY;
  return (
    Number(y.stats.signal) - Number(x.stats.signal) ||
    (prr(y) > prr(x) ? 1 : prr(y) < prr(x) ? -1 : 0) ||
    y.stats.table.a - x.stats.table.a ||
    compareText(x.term, y.term)
  );
}

function prrChart(drug: string, reactions: Reaction[]): ChartBlock {
  const values = reactions.map((r) => ({
    term: r.term,
    prr: r.stats.prr.estimate,
    lower: r.stats.prr.lower,
    upper: r.stats.prr.upper,
    reports: r.stats.table.a,
    signal: r.stats.signal ? 'signal' : 'no signal',
  }));
  const x = { field: 'prr', type: 'quantitative', title: 'PRR (95% CI, log scale)', scale: { type: 'log' } };
  const y = { field: 'term', type: 'nominal', title: null, sort: values.map((value) => value.term) };
  const spec: Spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    description: `Proportional reporting ratios of ${drug} against all other drugs; rules at PRR 1 (no disproportion) and 2 (the signal threshold).`,
    width: 420,
    data: { values },
    layer: [
      {
        mark: { type: 'rule' },
        encoding: { y, x: { ...x, field: 'lower' }, x2: { field: 'upper' } },
      },
      {
        mark: { type: 'point', filled: true, size: 60 },
        encoding: {
          y,
          x,
          color: {
            field: 'signal',
            type: 'nominal',
            title: null,
            scale: { domain: ['signal', 'no signal'], range: ['#c0392b', '#7f8c8d'] },
          },
          tooltip: [
            { field: 'term', title: 'Reaction' },
            { field: 'reports', title: 'Reports (a)' },
            { field: 'prr', title: 'PRR', format: '.3g' },
            { field: 'lower', title: 'Lower 95%', format: '.3g' },
            { field: 'upper', title: 'Upper 95%', format: '.3g' },
          ],
        },
      },
      {
        data: { values: [{ reference: 1 }, { reference: 2 }] },
        mark: { type: 'rule', strokeDash: [4, 4], color: '#555' },
        encoding: { x: { field: 'reference', type: 'quantitative' } },
      },
    ],
  };
  return {
    id: 'prr-chart',
    type: 'chart',
    title: `PRR with 95% CI of the ${values.length} reactions of ${drug} with the highest PRR`,
    spec,
  };
}

/**
 * The three-product chain: for one drug, the disproportionality of every reaction reported with it in
 * this product (PRR, ROR, Yates chi-square, Evans signal), its trials from trial-registry and the
 * costs of its signalled reactions from health-economics, both asked through the mesh at once. A
 * product that cannot be asked leaves its part out with a sentence in the summary; this product's
 * own data failing fails the run.
 */
export async function drugSafetyProfile(context: PluginContext): Promise<PluginOutput> {
  const drug = String(context.params.drug);
  const minReports = Number(context.params.minReports ?? 3);
  const top = Number(context.params.top ?? 15);

  const frame = await context.frame({ columns: ['suspect_drug'] });
  const drugColumn = frame.columns.suspect_drug;
  if (drugColumn?.type !== 'category') throw new Error('suspect_drug is not a category attribute');
  const drugCode = drugColumn.levels.indexOf(drug);
  const ofDrug = new Set<string>();
  frame.ids.forEach((id, at) => {
    if (drugCode >= 0 && drugColumn.codes[at] === drugCode) ofDrug.add(id);
  });
  const total = frame.length;
  if (ofDrug.size === 0) throw new InputError(`no report names ${drug} as its suspect drug`);
  if (ofDrug.size === total)
    throw new InputError(`every report names ${drug}: there is no other drug to compare with`);

  const events = await context.events({ modality: 'reactions' });
  const terms = new Map<
    string,
    { soc: string | null; code: string | null; drug: Set<string>; other: Set<string> }
  >();
  for (let at = 0; at < events.length; at++) {
    const term = events.name[at];
    const id = events.ids[at];
    if (term === null || term === undefined || id === undefined) continue;
    let entry = terms.get(term);
    if (!entry) {
      entry = {
        soc: events.group[at] ?? null,
        code: events.code[at] ?? null,
        drug: new Set(),
        other: new Set(),
      };
      terms.set(term, entry);
    }
    (ofDrug.has(id) ? entry.drug : entry.other).add(id);
  }
  const others = total - ofDrug.size;
  const reactions: Reaction[] = [...terms]
    .filter(([, entry]) => entry.drug.size > 0)
    .map(([term, entry]) => ({
      term,
      soc: entry.soc,
      code: entry.code,
      stats: disproportionality(
        {
          a: entry.drug.size,
          b: ofDrug.size - entry.drug.size,
          c: entry.other.size,
          d: others - entry.other.size,
        },
        { signal: { minReports } },
      ),
    }))
    .sort(bySignal);
  const signals = reactions.filter((r) => r.stats.signal);
  const signalCodes = [...new Set(signals.flatMap((r) => (r.code ? [r.code] : [])))].sort(compareText);
  context.progress(0.4, 'asking trial-registry and health-economics');

  const drugCohort: Cohort = { attribute: 'intervention', op: 'eq', value: drug };
  const [listing, recruiting, costs] = await Promise.all([
    settle(() => context.mesh.call(REGISTRY, 'trial-listing', { cohort: drugCohort })),
    settle<MeshCohortCount>(() =>
      context.mesh.cohortCount(REGISTRY, {
        all: [drugCohort, { attribute: 'status', op: 'in', values: OPEN_STATUSES }],
      }),
    ),
    signalCodes.length > 0
      ? settle(() =>
          context.mesh.call(ECONOMICS, 'cost-table', {
            cohort: { attribute: 'code', op: 'in', values: signalCodes },
          }),
        )
      : Promise.resolve(null),
  ]);
  context.progress(0.9, 'writing the profile');

  const costOf = costs?.ok ? costsByCode(costs.value) : new Map<string, Cost>();
  const trialCount = listing.ok ? (findBlock(listing.value, 'count', 'statistic')?.value ?? null) : null;
  const trialsBlock = listing.ok ? findBlock(listing.value, 'trials', 'table') : undefined;

  const signalList = signals
    .slice(0, 10)
    .map((r) => `${r.term} (${r.stats.table.a} reports, PRR ${formatNumber(r.stats.prr.estimate)})`)
    .join(', ');
  const lines = [
    `**${drug}**: ${ofDrug.size.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} reports name it as the suspect drug; ${reactions.length} reactions are reported with it.`,
    signals.length > 0
      ? `**${signals.length} signal${signals.length === 1 ? '' : 's'}** (Evans et al. 2001: at least ${minReports} reports, PRR ≥ 2 and Yates-corrected χ² ≥ 4, against all ${others.toLocaleString('en-US')} reports of the other drugs): ${signalList}${signals.length > 10 ? ', …' : ''}.`
      : `No reaction meets the signal criteria (Evans et al. 2001: at least ${minReports} reports, PRR ≥ 2 and Yates-corrected χ² ≥ 4).`,
  ];
  if (listing.ok && trialCount !== null) {
    const open = recruiting.ok ? `; ${recruiting.value.count} recruiting or not yet recruiting` : '';
    lines.push(`**Trials** (${REGISTRY}): ${trialCount} trials study ${drug}${open}.`);
  } else if (!listing.ok) {
    lines.push(`The trial registry could not be asked: ${listing.message} (${listing.code}).`);
  }
  if (listing.ok && !recruiting.ok) {
    lines.push(
      `The trial registry could not count the recruiting trials: ${recruiting.message} (${recruiting.code}).`,
    );
  }
  if (costs === null) {
    lines.push(`No signal has an ICD-10-CM code, so ${ECONOMICS} was not asked for costs.`);
  } else if (costs.ok) {
    lines.push(
      `**Costs** (${ECONOMICS}): mean cost per case of the ${signalCodes.length} ICD-10-CM code${signalCodes.length === 1 ? '' : 's'} of the signals. The cost of the reported cases — reports × mean cost — is **illustrative only**: spontaneous reports are neither all cases nor a population at risk.`,
    );
  } else {
    lines.push(`The health-economics cost table could not be asked: ${costs.message} (${costs.code}).`);
  }
  const asked = [
    listing.ok
      ? `${REGISTRY} ${listing.value.provenance.product.version} (trial-listing, data ${listing.value.provenance.dataVersion})`
      : null,
    recruiting.ok
      ? `${REGISTRY} ${recruiting.value.product.version} (cohort count, data ${recruiting.value.dataVersion})`
      : null,
    costs?.ok
      ? `${ECONOMICS} ${costs.value.provenance.product.version} (cost-table, data ${costs.value.provenance.dataVersion})`
      : null,
  ].filter((entry): entry is string => entry !== null);
  lines.push(`Products asked: ${asked.length > 0 ? asked.join('; ') : 'none answered'}.`);

  const rows: Cell[][] = reactions.map((r) => {
    const { a, c } = r.stats.table;
    const cost = r.code ? costOf.get(r.code) : undefined;
    const mean = cost?.mean ?? null;
    return [
      r.term,
      r.soc,
      r.code,
      a,
      c,
      r.stats.prr.estimate,
      r.stats.prr.lower,
      r.stats.prr.upper,
      r.stats.ror.estimate,
      r.stats.ror.lower,
      r.stats.ror.upper,
      r.stats.chiSquare.statistic,
      r.stats.chiSquare.p,
      r.stats.signal,
      cost?.basis ?? null,
      mean,
      mean === null ? null : Math.round(a * mean * 100) / 100,
    ];
  });
  const signalTable: TableBlock = {
    id: 'signals',
    type: 'table',
    title: `Disproportionality of the ${reactions.length} reactions reported with ${drug} (signals first, then by PRR)`,
    columns: [
      { id: 'term', label: 'Preferred term', type: 'string' },
      { id: 'soc', label: 'System organ class', type: 'string' },
      { id: 'icd10', label: 'ICD-10-CM', type: 'string' },
      { id: 'a', label: `Reports of ${drug} with the reaction (a)`, type: 'integer' },
      { id: 'c', label: 'Reports of other drugs with the reaction (c)', type: 'integer' },
      { id: 'prr', label: 'PRR', type: 'number' },
      { id: 'prr_lower', label: 'PRR 95% CI lower', type: 'number' },
      { id: 'prr_upper', label: 'PRR 95% CI upper', type: 'number' },
      { id: 'ror', label: 'ROR', type: 'number' },
      { id: 'ror_lower', label: 'ROR 95% CI lower', type: 'number' },
      { id: 'ror_upper', label: 'ROR 95% CI upper', type: 'number' },
      { id: 'chi_square', label: 'χ² (Yates)', type: 'number' },
      { id: 'p', label: 'p (χ²)', type: 'number' },
      { id: 'signal', label: 'Signal', type: 'boolean' },
      { id: 'cost_basis', label: 'Cost basis (health-economics)', type: 'string' },
      { id: 'mean_cost', label: 'Mean cost per case (health-economics)', type: 'number', unit: 'USD' },
      {
        id: 'reported_cases_cost',
        label: 'Cost of the reported cases (illustrative: a × mean cost)',
        type: 'number',
        unit: 'USD',
      },
    ],
    rows,
  };

  const charted = reactions
    .filter((r) => r.stats.table.a >= minReports && r.stats.prr.lower !== null && r.stats.prr.upper !== null)
    .sort((x, y) => (y.stats.prr.estimate ?? 0) - (x.stats.prr.estimate ?? 0) || compareText(x.term, y.term))
    .slice(0, top);

  const blocks: Block[] = [
    { id: 'summary', type: 'markdown', text: lines.join('\n\n') },
    { id: 'drug-reports', type: 'statistic', name: `reports of ${drug}`, value: ofDrug.size },
    { id: 'signal-count', type: 'statistic', name: 'signals (Evans et al. 2001)', value: signals.length },
  ];
  if (listing.ok && trialCount !== null)
    blocks.push({
      id: 'trial-count',
      type: 'statistic',
      name: `trials of ${drug} (${REGISTRY})`,
      value: trialCount,
    });
  if (recruiting.ok)
    blocks.push({
      id: 'recruiting-trials',
      type: 'statistic',
      name: `trials of ${drug} recruiting or not yet recruiting (${REGISTRY})`,
      value: recruiting.value.count,
    });
  blocks.push(signalTable);
  if (charted.length > 0) blocks.push(prrChart(drug, charted));
  if (trialsBlock) blocks.push({ ...trialsBlock, id: 'trials', title: `Trials of ${drug} (${REGISTRY})` });

  const first = signals[0];
  const totalCost = signals.reduce((sum, r) => {
    const mean = r.code ? costOf.get(r.code)?.mean : undefined;
    return mean === undefined || mean === null ? sum : sum + r.stats.table.a * mean;
  }, 0);
  return {
    title: `Safety profile of ${drug}`,
    summary: [
      `${signals.length} signal${signals.length === 1 ? '' : 's'} in ${ofDrug.size} reports${first ? `, strongest ${first.term}` : ''}`,
      listing.ok && trialCount !== null ? `${trialCount} trials` : 'trial registry not asked',
      costs?.ok && totalCost > 0 ? `reported cases of the signals ≈ ${usd(totalCost)} (illustrative)` : null,
    ]
      .filter((part): part is string => part !== null)
      .join('; '),
    blocks,
  };
}
