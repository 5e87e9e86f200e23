import type { Block, Cell, MomentAggregates, PluginOutput } from '@plexus/spec';
import {
  type Moments,
  type PooledMoments,
  pooledMoments,
  StatsInputError,
  welchFromMoments,
} from '@plexus/stats';
import { formatNumber, formatP, numberCell } from './numberFormat.ts';
import { sameList } from './sameList.ts';
import { orderedSites, type SiteContribution, siteError } from './siteContributions.ts';

export interface PooledMomentsOptions {
  /** Confidence level of the Welch interval for the difference in means (default 0.95). */
  level?: number;
}

type Group = MomentAggregates['groups'][number];

/** A site's group as published: its moments, or null when its disclosure control withheld them. */
function published(group: Group | undefined): Moments | null {
  if (!group || group.n === null) return null;
  if (group.n === 0) return { n: 0, mean: Number.NaN, m2: 0 };
  if (group.mean === null || group.m2 === null) return null;
  return { n: group.n, mean: group.mean, m2: group.m2 };
}

const sdOf = (moments: Moments): number | null =>
  moments.n > 1 ? numberCell(Math.sqrt(moments.m2 / (moments.n - 1))) : null;

function checkAgreement(sites: SiteContribution<MomentAggregates>[]): void {
  const first = sites[0] as SiteContribution<MomentAggregates>;
  const { variable, groupBy, groups } = first.aggregates;
  for (const { site, aggregates } of sites) {
    if (aggregates.variable.id !== variable.id) {
      throw siteError(
        site,
        `sent moments of '${aggregates.variable.id}' but site '${first.site}' of '${variable.id}'; every site summarises the same variable`,
        aggregates.variable.id,
      );
    }
    if (aggregates.groupBy?.id !== groupBy?.id) {
      throw siteError(
        site,
        `groups by '${aggregates.groupBy?.id ?? '(nothing)'}' but site '${first.site}' by '${groupBy?.id ?? '(nothing)'}'; every site groups by the same attribute`,
      );
    }
    for (const group of aggregates.groups) {
      if (group.n !== null && group.n <= 1 && group.m2 !== null && group.m2 !== 0) {
        throw siteError(
          site,
          `sent m2 = ${group.m2} for group '${group.group}' with n = ${group.n}; with n ≤ 1, m2 is 0`,
        );
      }
    }
    const names = aggregates.groups.map((group) => group.group);
    if (new Set(names).size !== names.length)
      throw siteError(site, `lists a group twice (${names.join(', ')})`);
    if (
      !sameList(
        names,
        groups.map((group) => group.group),
      )
    ) {
      throw siteError(
        site,
        `sent the groups ${names.join(', ')} but site '${first.site}' sent ${groups.map((group) => group.group).join(', ')}; every site uses the model's levels, in its order`,
        names,
      );
    }
  }
}

/** Welch's test of two pooled groups, or null when it is undefined (n < 2, no spread). */
function welchOrNull(a: Moments, b: Moments, level: number): ReturnType<typeof welchFromMoments> | null {
  if (a.n < 2 || b.n < 2) return null;
  try {
    return welchFromMoments(a, b, { confLevel: level });
  } catch (error) {
    if (error instanceof StatsInputError) return null;
    throw error;
  }
}

/**
 * Combines sites' moments (`pooled-moments`): per group, n, mean and SD of the pooled data by the
 * parallel update of Chan, Golub & LeVeque (pooledMoments), equal to those of the pooled values. A
 * group a site withheld is left out of that group's pooled values — they then describe the other
 * sites only, which the table says — never filled in. With exactly two groups, Welch's t-test on
 * the pooled moments (welchFromMoments), as t.test on the pooled values.
 */
export function combinePooledMoments(
  sites: readonly SiteContribution[],
  options: PooledMomentsOptions = {},
): PluginOutput {
  const level = options.level ?? 0.95;
  const ordered = orderedSites(sites, 'moments', 'pooled-moments');
  checkAgreement(ordered);
  const { variable, groupBy } = (ordered[0] as SiteContribution<MomentAggregates>).aggregates;
  const names = (ordered[0] as SiteContribution<MomentAggregates>).aggregates.groups.map(
    (group) => group.group,
  );
  const unit = variable.unit;

  const pooled = names.map((name) => {
    const parts = ordered.map(({ aggregates }) =>
      published(aggregates.groups.find((group) => group.group === name)),
    );
    const withheld = ordered.filter((_, index) => parts[index] === null).map((entry) => entry.site);
    const known = parts.filter((part): part is Moments => part !== null);
    const moments: PooledMoments = pooledMoments(known);
    return { name, moments, withheld, contributing: known.filter((part) => part.n > 0).length };
  });

  const pooledRows: Cell[][] = pooled.map(({ name, moments, withheld, contributing }) => [
    name,
    moments.n,
    moments.n > 0 ? numberCell(moments.mean) : null,
    numberCell(moments.sd),
    contributing,
    withheld.length > 0 ? `withheld by ${withheld.join(', ')}: pooled over the other sites only` : null,
  ]);
  const siteRows: Cell[][] = ordered.flatMap(({ site, aggregates }) =>
    aggregates.groups.map((group) => {
      const part = published(group);
      return [
        site,
        group.group,
        part ? part.n : null,
        part && part.n > 0 ? numberCell(part.mean) : null,
        part ? sdOf(part) : null,
        part ? null : 'withheld by disclosure control',
      ];
    }),
  );

  const label = variable.label;
  const groupLabel = groupBy?.label ?? 'Group';
  const withUnit = (text: string) => (unit ? `${text} (${unit})` : text);
  const anyWithheld = pooled.some((group) => group.withheld.length > 0);
  const blocks: Block[] = [
    {
      id: 'summary',
      type: 'markdown',
      text: [
        `Mean and standard deviation of **${label}**${groupBy ? ` by **${groupBy.label}**` : ''} pooled over ${ordered.length} site${ordered.length === 1 ? '' : 's'} (${ordered.map((entry) => entry.site).join(', ')}) from each site's n, mean and sum of squared deviations: the same numbers as on the pooled values, without the values.`,
        anyWithheld
          ? 'Some sites withheld a group (too few entities for their disclosure control): that group is pooled over the other sites only, as its note says. Nothing is filled in for a withheld group.'
          : '',
      ]
        .filter((line) => line !== '')
        .join('\n\n'),
    },
    {
      id: 'moments',
      type: 'table',
      title: `${label}: pooled over sites`,
      columns: [
        { id: 'group', label: groupLabel, type: 'string' },
        { id: 'n', label: 'N', type: 'integer' },
        { id: 'mean', label: withUnit('Mean'), type: 'number', ...(unit ? { unit } : {}) },
        { id: 'sd', label: withUnit('SD'), type: 'number', ...(unit ? { unit } : {}) },
        { id: 'sites', label: 'Sites', type: 'integer' },
        { id: 'note', label: 'Note', type: 'string' },
      ],
      rows: pooledRows,
    },
    {
      id: 'moments-by-site',
      type: 'table',
      title: `${label} by site`,
      columns: [
        { id: 'site', label: 'Site', type: 'string' },
        { id: 'group', label: groupLabel, type: 'string' },
        { id: 'n', label: 'N', type: 'integer' },
        { id: 'mean', label: withUnit('Mean'), type: 'number', ...(unit ? { unit } : {}) },
        { id: 'sd', label: withUnit('SD'), type: 'number', ...(unit ? { unit } : {}) },
        { id: 'note', label: 'Note', type: 'string' },
      ],
      rows: siteRows,
    },
  ];

  let summary = pooled
    .map(({ name, moments }) => `${name}: n = ${moments.n}, mean ${formatNumber(moments.mean)}`)
    .join('; ');
  const [a, b] = pooled;
  if (groupBy && pooled.length === 2 && a && b) {
    const percent = Math.round(level * 100);
    const test = welchOrNull(a.moments, b.moments, level);
    if (test) {
      const partial = a.withheld.length + b.withheld.length > 0;
      blocks.push(
        {
          id: 'welch',
          type: 'statistic',
          title: "Welch's t-test",
          name: 't',
          value: numberCell(test.statistic),
          df: test.df,
          p: numberCell(test.p),
          method: `Welch two-sample t-test of ${label}, ${a.name} vs ${b.name}, from pooled moments${partial ? '; a group withheld by a site is pooled over the other sites' : ''}`,
        },
        {
          id: 'mean-difference',
          type: 'statistic',
          title: 'Difference in means',
          name: `mean ${a.name} − mean ${b.name}`,
          value: numberCell(a.moments.mean - b.moments.mean),
          ...(unit ? { unit } : {}),
          ci: { lower: numberCell(test.ci[0]), upper: numberCell(test.ci[1]), level },
          method: `Welch ${percent}% confidence interval`,
        },
      );
      summary += `; Welch t = ${formatNumber(test.statistic)}, p ${formatP(test.p)}`;
    } else {
      blocks.push({
        id: 'welch-note',
        type: 'markdown',
        text: `Welch's t-test needs at least two values in each group and some spread; ${a.name} has n = ${a.moments.n}, ${b.name} n = ${b.moments.n}.`,
      });
    }
  }
  return { title: `${label}${groupBy ? ` by ${groupBy.label}` : ''}: pooled moments`, summary, blocks };
}
