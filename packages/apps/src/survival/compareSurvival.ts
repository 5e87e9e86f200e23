import type { ManifestEndpoint } from '@plexus/engine';
import type { Block } from '@plexus/spec';
import { type ConfType, type KaplanMeierStratum, kaplanMeier, logRank } from '@plexus/stats';
import { hazardRatios } from './hazardRatios.ts';
import { kaplanMeierChart } from './kaplanMeierChart.ts';
import { atRiskTable, survivalTable } from './kaplanMeierTables.ts';

export interface SurvivalComparison {
  time: Float64Array;
  event: Uint8Array;
  group: Array<string | null>;
  /** Group order (legend, tables, the reference group first). */
  levels: string[];
  endpoint: Pick<ManifestEndpoint, 'label' | 'unit'>;
  /** What the groups are, e.g. "Treatment arm" or "Serum bilirubin (quartiles)". */
  groupLabel: string;
  confLevel: number;
  confType: ConfType;
  /** Entities of the cohort left out for missing values, and the cohort's size, for the summary text. */
  excluded: number;
  cohortSize: number;
  entities: string;
}

/**
 * The blocks every survival comparison reports — Kaplan–Meier curves with bands and censor marks,
 * medians with CIs, numbers at risk, the log-rank test, the full survival table — computed as R's
 * survival package does. Shared by the apps that differ only in how they form the groups.
 */
export function compareSurvival(input: SurvivalComparison): { blocks: Block[]; summary: string } {
  const { time, event, group, levels, endpoint, groupLabel, confLevel, confType } = input;
  const km = kaplanMeier({ time, event, group, levels, confLevel, confType });
  const events = event.reduce((sum, value) => sum + value, 0);
  const percent = Math.round(confLevel * 100);
  const blocks: Block[] = [
    {
      id: 'summary',
      type: 'markdown',
      text: [
        `Kaplan–Meier estimates of **${endpoint.label}** by **${groupLabel}** for ${time.length} ${input.entities} (${events} events).`,
        input.excluded > 0
          ? `${input.excluded} of the ${input.cohortSize} in the cohort were left out for a missing ${groupLabel.toLowerCase()} or ${endpoint.label.toLowerCase()}.`
          : '',
        `Confidence intervals: ${percent}%, ${confType} transformation. Time in ${endpoint.unit}.`,
      ]
        .filter((line) => line !== '')
        .join('\n\n'),
    },
    {
      id: 'km-curve',
      type: 'chart',
      title: `${endpoint.label} by ${groupLabel}`,
      spec: kaplanMeierChart(km.strata, endpoint, groupLabel, percent),
    },
    mediansTable(km.strata, endpoint.unit, percent),
    atRiskTable(km.strata, time, group),
  ];
  if (km.strata.length >= 2) {
    const ratios = hazardRatios(
      time,
      event,
      group,
      km.strata.map((stratum) => stratum.stratum),
      confLevel,
    );
    if ('block' in ratios) {
      blocks.push(ratios.block);
      const chart = blocks.find((block) => block.id === 'km-curve');
      if (chart?.type === 'chart') {
        (chart.spec as Record<string, unknown>).title = {
          text: `${endpoint.label} by ${groupLabel}`,
          subtitle: ratios.subtitle,
        };
      }
    } else {
      blocks.push({ id: 'hazard-ratios-note', type: 'markdown', text: ratios.note });
    }
    const test = logRank({ time, event, group, levels });
    blocks.push({
      id: 'log-rank',
      type: 'statistic',
      title: 'Log-rank test',
      name: 'log-rank chi-square',
      value: test.chisq,
      df: test.df,
      p: test.p,
      method: `Mantel–Haenszel log-rank test of ${endpoint.label} across ${test.groups.length} groups of ${groupLabel}`,
    });
    blocks.push({
      id: 'log-rank-groups',
      type: 'table',
      title: 'Observed and expected events',
      columns: [
        { id: 'group', label: groupLabel, type: 'string' },
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
  return { blocks, summary: summaryLine(km.strata, endpoint.unit) };
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
