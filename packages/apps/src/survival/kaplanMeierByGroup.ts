import type { PluginContext } from '@plexus/runtime';
import { type Block, InputError, type PluginOutput } from '@plexus/spec';
import { type ConfType, type KaplanMeierStratum, kaplanMeier, logRank } from '@plexus/stats';
import { kaplanMeierChart } from './kaplanMeierChart.ts';
import { atRiskTable, groupLabels, survivalTable } from './kaplanMeierTables.ts';

/**
 * Kaplan–Meier curves of an endpoint by a categorical attribute, with medians, numbers at risk and the
 * log-rank test — the figures a survival section of a paper reports, computed as R's survival does.
 */
export async function kaplanMeierByGroup(context: PluginContext): Promise<PluginOutput> {
  const { params, model } = context;
  const endpointId = String(params.endpoint);
  const groupBy = String(params.groupBy);
  const confLevel = Number(params.confLevel);
  const confType = String(params.confType) as ConfType;
  const endpoint = model.endpoints.find((candidate) => candidate.id === endpointId);
  const attribute = model.attributes.find((candidate) => candidate.id === groupBy);
  if (!endpoint || !attribute) throw new Error('endpoint or attribute missing from the model');

  const frame = await context.frame({
    cohort: params.cohort as never,
    columns: [groupBy, `endpoint:${endpointId}`],
  });
  const outcome = frame.columns[`endpoint:${endpointId}`];
  const groups = frame.columns[groupBy];
  if (outcome?.type !== 'endpoint' || !groups) throw new Error('frame lacks the requested columns');
  const labels = groupLabels(groups);
  const keep: number[] = [];
  for (let row = 0; row < frame.length; row++) {
    if (
      labels[row] !== null &&
      !Number.isNaN(outcome.time[row] ?? Number.NaN) &&
      (outcome.event[row] ?? -1) >= 0
    )
      keep.push(row);
  }
  const time = Float64Array.from(keep, (row) => outcome.time[row] ?? Number.NaN);
  const event = Uint8Array.from(keep, (row) => outcome.event[row] ?? 0);
  const group = keep.map((row) => labels[row] ?? null);
  const levels = (groups.type === 'category' ? groups.levels : ['true', 'false']).filter((level) =>
    group.includes(level),
  );
  // An InputError fails the run as the caller's mistake (INPUT_INVALID), not as a fault of the plugin.
  if (keep.length === 0) {
    throw new InputError(
      `the cohort has no ${context.product.entity.plural} with a known ${endpoint.label.toLowerCase()} and ${attribute.label.toLowerCase()}`,
    );
  }

  const km = kaplanMeier({ time, event, group, levels, confLevel, confType });
  const events = event.reduce((sum, value) => sum + value, 0);
  const percent = Math.round(confLevel * 100);
  const blocks: Block[] = [
    {
      id: 'summary',
      type: 'markdown',
      text: [
        `Kaplan–Meier estimates of **${endpoint.label}** by **${attribute.label}** for ${keep.length} ${context.product.entity.plural} (${events} events).`,
        frame.length > keep.length
          ? `${frame.length - keep.length} of the ${frame.length} in the cohort were left out for a missing ${attribute.label.toLowerCase()} or ${endpoint.label.toLowerCase()}.`
          : '',
        `Confidence intervals: ${percent}%, ${confType} transformation. Time in ${endpoint.unit}.`,
      ]
        .filter((line) => line !== '')
        .join('\n\n'),
    },
    {
      id: 'km-curve',
      type: 'chart',
      title: `${endpoint.label} by ${attribute.label}`,
      spec: kaplanMeierChart(km.strata, endpoint, attribute.label, percent),
    },
    mediansTable(km.strata, endpoint.unit, percent),
    atRiskTable(km.strata, time, group),
  ];
  if (km.strata.length >= 2) {
    const test = logRank({ time, event, group, levels });
    blocks.push({
      id: 'log-rank',
      type: 'statistic',
      title: 'Log-rank test',
      name: 'log-rank chi-square',
      value: test.chisq,
      df: test.df,
      p: test.p,
      method: `Mantel–Haenszel log-rank test of ${endpoint.label} across ${test.groups.length} groups of ${attribute.label}`,
    });
    blocks.push({
      id: 'log-rank-groups',
      type: 'table',
      title: 'Observed and expected events',
      columns: [
        { id: 'group', label: attribute.label, type: 'string' },
        { id: 'observed', label: 'Observed', type: 'number' },
        { id: 'expected', label: 'Expected', type: 'number' },
      ],
      rows: test.groups.map((name, index) => [
        name,
        test.observed[index] ?? null,
        test.expected[index] ?? null,
      ]),
    });
  }
  blocks.push(survivalTable(km.strata, percent));
  return {
    title: `Kaplan–Meier: ${endpoint.label} by ${attribute.label}`,
    summary: summaryLine(km.strata, endpoint.unit),
    blocks,
  };
}

function mediansTable(strata: KaplanMeierStratum[], unit: string, percent: number): Block {
  return {
    id: 'medians',
    type: 'table',
    title: `Median survival with ${percent}% CI`,
    columns: [
      { id: 'group', label: 'Group', type: 'string' },
      { id: 'n', label: 'N', type: 'integer' },
      { id: 'events', label: 'Events', type: 'integer' },
      { id: 'median', label: 'Median', type: 'number', unit },
      { id: 'lower', label: `${percent}% CI lower`, type: 'number', unit },
      { id: 'upper', label: `${percent}% CI upper`, type: 'number', unit },
    ],
    rows: strata.map((stratum) => [
      stratum.stratum,
      stratum.n,
      stratum.events,
      stratum.median.median,
      stratum.median.lower,
      stratum.median.upper,
    ]),
  };
}

function summaryLine(strata: KaplanMeierStratum[], unit: string): string {
  return strata
    .map(
      (stratum) =>
        `${stratum.stratum}: median ${stratum.median.median === null ? 'not reached' : `${stratum.median.median} ${unit}`}`,
    )
    .join('; ');
}
