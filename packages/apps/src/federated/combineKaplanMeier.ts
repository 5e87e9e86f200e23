import type { Block, Cell, PluginOutput, RiskTableAggregates } from '@plexus/spec';
import {
  type ConfType,
  type KaplanMeierStratum,
  type LogRankResult,
  logRankFromRiskTables,
  type PooledKaplanMeierResult,
  pooledKaplanMeier,
  type RiskTableInput,
} from '@plexus/stats';
import { kaplanMeierChart } from '../survival/kaplanMeierChart.ts';
import { formatNumber, formatP, numberCell } from './numberFormat.ts';
import { sameList } from './sameList.ts';
import { orderedSites, type SiteContribution, siteError } from './siteContributions.ts';

export interface KaplanMeierCombineOptions {
  /** Confidence level of the pointwise limits and the median CI (default 0.95). */
  level?: number;
  /** Transformation of the limits, as survfit's conf.type (default 'log'). */
  confType?: ConfType;
}

type Stratum = RiskTableAggregates['strata'][number];

/**
 * The grid every table is read on: the longest of the sites' grids, each of which must be the same
 * or a prefix of it (sites that derived their grid from their own largest time, see federatedGrid).
 */
function sharedGrid(sites: SiteContribution<RiskTableAggregates>[]): number[] {
  const first = sites[0] as SiteContribution<RiskTableAggregates>;
  const { endpoint, groupBy, strata } = first.aggregates;
  const groups = strata.map((stratum) => stratum.group);
  let longest = first;
  for (const entry of sites)
    if (entry.aggregates.grid.length > longest.aggregates.grid.length) longest = entry;
  const grid = longest.aggregates.grid;
  for (const { site, aggregates } of sites) {
    if (aggregates.endpoint.id !== endpoint.id || aggregates.endpoint.unit !== endpoint.unit) {
      throw siteError(
        site,
        `sent risk tables of '${aggregates.endpoint.id}' in ${aggregates.endpoint.unit} but site '${first.site}' of '${endpoint.id}' in ${endpoint.unit}; every site tabulates the same endpoint`,
        aggregates.endpoint.id,
      );
    }
    if (aggregates.groupBy?.id !== groupBy?.id) {
      throw siteError(
        site,
        `groups by '${aggregates.groupBy?.id ?? '(nothing)'}' but site '${first.site}' by '${groupBy?.id ?? '(nothing)'}'; every site groups by the same attribute`,
      );
    }
    const names = aggregates.strata.map((stratum) => stratum.group);
    if (new Set(names).size !== names.length)
      throw siteError(site, `lists a group twice (${names.join(', ')})`);
    if (!sameList(names, groups)) {
      throw siteError(
        site,
        `sent the groups ${names.join(', ')} but site '${first.site}' sent ${groups.join(', ')}; every site uses the model's levels, in its order`,
        names,
      );
    }
    const own = aggregates.grid;
    if (own.some((time, j) => !Number.isFinite(time) || (j > 0 && !(time > (own[j - 1] as number))))) {
      throw siteError(site, 'sent a grid that is not strictly increasing');
    }
    if (own.length === 0 || own.some((time, j) => time !== grid[j])) {
      throw siteError(
        site,
        `tabulates on the grid ${own.slice(0, 4).join(', ')}${own.length > 4 ? ', …' : ''} (${own.length} times), which is not the grid of site '${longest.site}' (${grid.slice(0, 4).join(', ')}${grid.length > 4 ? ', …' : ''}) nor a beginning of it; every site uses the same gridStep (and gridEnd)`,
      );
    }
    for (const stratum of aggregates.strata) checkStratum(site, stratum, own);
  }
  return grid;
}

function checkStratum(site: string, stratum: Stratum, grid: number[]): void {
  const series = [stratum.nRisk, stratum.nEvent, stratum.nCensor];
  if (series.every((values) => values === null)) return;
  if (series.some((values) => values === null || values.length !== grid.length)) {
    throw siteError(
      site,
      `sent a table for group '${stratum.group}' without one count of at risk, events and censored per grid time (${grid.length})`,
    );
  }
  stratum.nEvent?.forEach((events, j) => {
    if (events > (stratum.nRisk?.[j] ?? 0)) {
      throw siteError(
        site,
        `reports ${events} events but ${stratum.nRisk?.[j]} at risk at time ${grid[j]} in group '${stratum.group}'`,
      );
    }
  });
}

/** A published stratum on the shared grid (zeros after the site's own last grid time), or null. */
function onGrid(stratum: Stratum | undefined, grid: number[]): RiskTableInput | null {
  if (!stratum?.nRisk || !stratum.nEvent || !stratum.nCensor) return null;
  const pad = (values: number[]) => [...values, ...new Array<number>(grid.length - values.length).fill(0)];
  return {
    time: grid,
    nRisk: pad(stratum.nRisk),
    nEvent: pad(stratum.nEvent),
    nCensor: pad(stratum.nCensor),
  };
}

const sum = (values: ArrayLike<number>): number =>
  Array.from(values).reduce((total, value) => total + value, 0);

/** The curve up to the last grid time with anyone at risk (the rest is flat and says nothing). */
function chartStratum(
  group: string,
  curve: PooledKaplanMeierResult,
  n: number,
  events: number,
): KaplanMeierStratum {
  let last = 0;
  curve.nRisk.forEach((atRisk, j) => {
    if (atRisk > 0) last = j;
  });
  const cut = (values: Float64Array) => values.slice(0, last + 1);
  return {
    stratum: group,
    n,
    events,
    median: curve.median,
    time: cut(curve.time),
    nRisk: cut(curve.nRisk),
    nEvent: cut(curve.nEvent),
    nCensor: cut(curve.nCensor),
    surv: cut(curve.surv),
    stdErr: cut(curve.stdErr),
    lower: cut(curve.lower),
    upper: cut(curve.upper),
  };
}

/**
 * Combines sites' risk tables (`km-pooled`): per group, the Kaplan–Meier curve of the pooled data
 * with Greenwood limits and the median (pooledKaplanMeier), and with two or more groups the log-rank
 * test with risk sets pooled over sites (logRankFromRiskTables, as survdiff on the pooled data) and
 * stratified by site. Exact at the grid times when the grid holds every event time; on a coarser
 * grid, the Kaplan–Meier of the data with events rounded up and censorings down to the grid. A group
 * a site withheld is left out of that group's curve, and that site out of the log-rank — never
 * filled in.
 */
export function combineKaplanMeier(
  sites: readonly SiteContribution[],
  options: KaplanMeierCombineOptions = {},
): PluginOutput {
  const level = options.level ?? 0.95;
  const confType = options.confType ?? 'log';
  const percent = Math.round(level * 100);
  const ordered = orderedSites(sites, 'risk-tables', 'km-pooled');
  const grid = sharedGrid(ordered);
  const { endpoint, groupBy, strata } = (ordered[0] as SiteContribution<RiskTableAggregates>).aggregates;
  const groupLabel = groupBy?.label ?? 'Group';
  const groups = strata.map((stratum) => stratum.group);

  // tables[g][s]: site s's table of group g on the shared grid, null when withheld.
  const tables = groups.map((group) =>
    ordered.map(({ aggregates }) =>
      onGrid(
        aggregates.strata.find((stratum) => stratum.group === group),
        grid,
      ),
    ),
  );
  const pooled = groups.map((group, g) => {
    const published = (tables[g] ?? []).filter((table): table is RiskTableInput => table !== null);
    const withheld = ordered.filter((_, s) => tables[g]?.[s] === null).map((entry) => entry.site);
    const curve = published.length > 0 ? pooledKaplanMeier(published, { level, confType }) : null;
    const n = curve ? (curve.nRisk[0] ?? 0) : 0;
    const events = curve ? sum(curve.nEvent) : 0;
    return { group, curve, withheld, published: published.length, n, events };
  });
  const curves = pooled.filter((entry) => entry.curve !== null && entry.n > 0);

  const kmRows: Cell[][] = curves.flatMap(({ group, curve }) =>
    Array.from(curve?.time ?? [], (time, j) => [
      group,
      time,
      curve?.nRisk[j] ?? null,
      curve?.nEvent[j] ?? null,
      curve?.nCensor[j] ?? null,
      numberCell(curve?.surv[j]),
      numberCell(curve?.stdErr[j]),
      numberCell(curve?.lower[j]),
      numberCell(curve?.upper[j]),
    ]),
  );
  const siteRows: Cell[][] = ordered.flatMap(({ site }, s) =>
    groups.map((group, g) => {
      const table = tables[g]?.[s];
      return [
        site,
        group,
        table ? (table.nRisk[0] ?? 0) : null,
        table ? sum(table.nEvent) : null,
        table ? null : 'withheld by disclosure control',
      ];
    }),
  );

  const step = grid.length >= 2 ? (grid[1] as number) - (grid[0] as number) : null;
  const regular =
    step !== null &&
    grid.every((time, j) => Math.abs(time - (grid[0] as number) - j * step) < 1e-9 * (1 + Math.abs(time)));
  const gridText = regular
    ? `a grid of ${grid.length} times every ${formatNumber(step, 6)} ${endpoint.unit} from ${grid[0]} to ${grid.at(-1)}`
    : `a grid of ${grid.length} time${grid.length === 1 ? '' : 's'} from ${grid[0]} to ${grid.at(-1)} ${endpoint.unit}`;
  const notes = pooled
    .filter((entry) => entry.withheld.length > 0)
    .map((entry) => `${entry.group}: withheld by ${entry.withheld.join(', ')}`);
  const blocks: Block[] = [
    {
      id: 'summary',
      type: 'markdown',
      text: [
        `Kaplan–Meier estimates of **${endpoint.label}**${groupBy ? ` by **${groupBy.label}**` : ''} pooled over ${ordered.length} site${ordered.length === 1 ? '' : 's'} (${ordered.map((entry) => entry.site).join(', ')}) from their risk tables on ${gridText}: at each grid time the sites' numbers at risk and events are summed. No row left a site.`,
        'Each site counts an event at the first grid time at or after it and a censoring at the last grid time at or before it. When the grid holds every event time the curves equal the Kaplan–Meier of the pooled data; on a coarser grid they are the Kaplan–Meier of the data rounded to the grid (a grouped, slightly conservative estimate), and medians are grid times.',
        `Confidence intervals: ${percent}%, ${confType} transformation (Greenwood). Time in ${endpoint.unit}.`,
        notes.length > 0
          ? `Groups withheld by a site's disclosure control are pooled over the other sites only (${notes.join('; ')}); the log-rank test uses the sites that published every group.`
          : '',
      ]
        .filter((line) => line !== '')
        .join('\n\n'),
    },
  ];
  if (curves.length > 0) {
    blocks.push({
      id: 'km-curve',
      type: 'chart',
      title: `${endpoint.label}${groupBy ? ` by ${groupBy.label}` : ''}`,
      spec: kaplanMeierChart(
        curves.map((entry) =>
          chartStratum(entry.group, entry.curve as PooledKaplanMeierResult, entry.n, entry.events),
        ),
        endpoint,
        groupLabel,
        percent,
      ),
    });
  }
  blocks.push({
    id: 'medians',
    type: 'table',
    title: `Median survival with ${percent}% CI`,
    columns: [
      { id: 'group', label: groupLabel, type: 'string' },
      { id: 'n', label: 'N', type: 'integer' },
      { id: 'events', label: 'Events', type: 'integer' },
      { id: 'median', label: 'Median', type: 'number', unit: endpoint.unit },
      { id: 'lower', label: `${percent}% CI lower`, type: 'number', unit: endpoint.unit },
      { id: 'upper', label: `${percent}% CI upper`, type: 'number', unit: endpoint.unit },
      { id: 'sites', label: 'Sites', type: 'integer' },
      { id: 'note', label: 'Note', type: 'string' },
    ],
    rows: pooled.map((entry) => [
      entry.group,
      entry.curve ? entry.n : null,
      entry.curve ? entry.events : null,
      entry.curve?.median.median ?? null,
      entry.curve?.median.lower ?? null,
      entry.curve?.median.upper ?? null,
      entry.published,
      entry.withheld.length > 0
        ? `withheld by ${entry.withheld.join(', ')}${entry.curve ? ': pooled over the other sites only' : ''}`
        : null,
    ]),
  });

  const tested = pooled.flatMap((entry, g) => (entry.curve ? [g] : []));
  const complete = ordered.flatMap((_, s) => (tested.every((g) => tables[g]?.[s] !== null) ? [s] : []));
  let summary = pooled
    .filter((entry) => entry.curve)
    .map(
      (entry) =>
        `${entry.group}: median ${entry.curve?.median.median === null ? 'not reached' : `${entry.curve?.median.median} ${endpoint.unit}`}`,
    )
    .join('; ');
  if (tested.length >= 2 && complete.length > 0) {
    const input = complete.map((s) => tested.map((g) => tables[g]?.[s] as RiskTableInput));
    const names = tested.map((g) => groups[g] as string);
    const pooledTest = logRankFromRiskTables(input, { groups: names });
    const sitesUsed = complete.map((s) => ordered[s]?.site).join(', ');
    blocks.push(
      logRankBlock(
        'log-rank',
        'Log-rank test',
        pooledTest,
        `Log-rank test of ${endpoint.label} across ${names.length} groups of ${groupLabel}, risk sets pooled over the sites (${sitesUsed}), on the grid`,
      ),
      {
        id: 'log-rank-groups',
        type: 'table',
        title: 'Observed and expected events',
        columns: [
          { id: 'group', label: groupLabel, type: 'string' },
          { id: 'observed', label: 'Observed', type: 'number' },
          { id: 'expected', label: 'Expected', type: 'number' },
        ],
        rows: pooledTest.groups.map((name, index) => [
          name,
          numberCell(pooledTest.observed[index]),
          numberCell(pooledTest.expected[index]),
        ]),
      },
    );
    if (complete.length >= 2) {
      const stratified = logRankFromRiskTables(input, { groups: names, stratifyBySite: true });
      blocks.push(
        logRankBlock(
          'log-rank-stratified',
          'Log-rank test stratified by site',
          stratified,
          `Log-rank test of ${endpoint.label} across ${names.length} groups of ${groupLabel}, stratified by site (${sitesUsed}), on the grid`,
        ),
      );
    }
    summary += `; log-rank χ² = ${formatNumber(pooledTest.chisq)}, p ${formatP(pooledTest.p)}`;
  } else if (groups.length >= 2) {
    blocks.push({
      id: 'log-rank-note',
      type: 'markdown',
      text: 'No log-rank test: it needs two groups with data, published together by at least one site.',
    });
  }
  blocks.push(
    {
      id: 'km',
      type: 'table',
      title: 'Pooled survival estimates at each grid time',
      columns: [
        { id: 'group', label: groupLabel, type: 'string' },
        { id: 'time', label: 'Time', type: 'number', unit: endpoint.unit },
        { id: 'n_risk', label: 'At risk', type: 'integer' },
        { id: 'n_event', label: 'Events', type: 'integer' },
        { id: 'n_censor', label: 'Censored', type: 'integer' },
        { id: 'surv', label: 'Survival', type: 'number' },
        { id: 'std_err', label: 'Std. error', type: 'number' },
        { id: 'lower', label: `${percent}% CI lower`, type: 'number' },
        { id: 'upper', label: `${percent}% CI upper`, type: 'number' },
      ],
      rows: kmRows,
    },
    {
      id: 'sites',
      type: 'table',
      title: 'Risk tables by site',
      columns: [
        { id: 'site', label: 'Site', type: 'string' },
        { id: 'group', label: groupLabel, type: 'string' },
        { id: 'n', label: 'N', type: 'integer' },
        { id: 'events', label: 'Events', type: 'integer' },
        { id: 'note', label: 'Note', type: 'string' },
      ],
      rows: siteRows,
    },
  );
  return {
    title: `Kaplan–Meier: ${endpoint.label}${groupBy ? ` by ${groupBy.label}` : ''}, pooled over sites`,
    summary,
    blocks,
  };
}

function logRankBlock(id: string, title: string, test: LogRankResult, method: string): Block {
  return {
    id,
    type: 'statistic',
    title,
    name: 'log-rank chi-square',
    value: numberCell(test.chisq),
    df: test.df,
    p: numberCell(test.p),
    method,
  };
}
