import { type Block, type Cell, type EstimateAggregates, InputError, type PluginOutput } from '@plexus/spec';
import {
  type FixedEffectMetaResult,
  fixedEffectMeta,
  normalQuantile,
  type RandomEffectsMetaResult,
  randomEffectsMeta,
} from '@plexus/stats';
import { type ForestRow, metaForestChart } from './metaForestChart.ts';
import { formatNumber, formatP, numberCell } from './numberFormat.ts';
import { orderedSites, type SiteContribution, siteError } from './siteContributions.ts';

export interface MetaAnalysisCombineOptions {
  /** Confidence level of every interval (default 0.95). */
  level?: number;
}

type Estimate = EstimateAggregates['estimates'][number];

const MEASURES = {
  'log-hazard-ratio': { ratio: true, name: 'hazard ratio', short: 'HR' },
  'mean-difference': { ratio: false, name: 'mean difference', short: 'difference' },
} as const;

function siteEstimates(sites: SiteContribution<EstimateAggregates>[]): Estimate[] {
  const first = sites[0] as SiteContribution<EstimateAggregates>;
  return sites.map(({ site, aggregates }) => {
    if (aggregates.measure !== first.aggregates.measure) {
      throw siteError(
        site,
        `sent a ${aggregates.measure} but site '${first.site}' a ${first.aggregates.measure}; every site estimates the same measure`,
        aggregates.measure,
      );
    }
    const [estimate, ...rest] = aggregates.estimates;
    if (!estimate || rest.length > 0) {
      throw siteError(
        site,
        `sent ${aggregates.estimates.length} estimates; a meta-analysis combines one estimate per site`,
      );
    }
    const reference = first.aggregates.estimates[0] as Estimate;
    if (estimate.id !== reference.id) {
      throw siteError(
        site,
        `estimates '${estimate.id}' but site '${first.site}' estimates '${reference.id}'; every site estimates the same effect`,
        estimate.id,
      );
    }
    return estimate;
  });
}

/**
 * Combines sites' effect estimates (`meta-analysis`): inverse-variance fixed effect and
 * DerSimonian–Laird random effects (fixedEffectMeta, randomEffectsMeta, as meta/metafor), Cochran's
 * Q, I² and τ², a forest plot and a table of sites. Log hazard ratios are reported as hazard ratios.
 * A site whose estimate was withheld by its disclosure control is listed but not pooled. The random
 * effects need two sites; with one, its block has no value.
 */
export function combineMetaAnalysis(
  sites: readonly SiteContribution[],
  options: MetaAnalysisCombineOptions = {},
): PluginOutput {
  const level = options.level ?? 0.95;
  const percent = Math.round(level * 100);
  const ordered = orderedSites(sites, 'estimates', 'meta-analysis');
  const estimates = siteEstimates(ordered);
  const first = ordered[0] as SiteContribution<EstimateAggregates>;
  const measure = MEASURES[first.aggregates.measure];
  const effect = estimates[0] as Estimate;
  const scale = (value: number): number => (measure.ratio ? Math.exp(value) : value);

  const usable = ordered.flatMap((entry, index) => {
    const estimate = estimates[index] as Estimate;
    return estimate.estimate !== null && estimate.se !== null && Number.isFinite(estimate.estimate)
      ? [{ site: entry.site, estimate: estimate.estimate, se: estimate.se, index }]
      : [];
  });
  const withheld = ordered.filter((_, index) => !usable.some((entry) => entry.index === index));
  if (usable.length === 0) {
    throw new InputError(
      `no site released an estimate of ${effect.label} (withheld by ${withheld.map((entry) => entry.site).join(', ')}); nothing to pool`,
    );
  }
  const y = usable.map((entry) => entry.estimate);
  const se = usable.map((entry) => entry.se);
  const fixed = fixedEffectMeta(y, se, { level });
  const random: RandomEffectsMetaResult | null =
    usable.length >= 2 ? randomEffectsMeta(y, se, { level }) : null;

  const pooledBlock = (
    id: string,
    title: string,
    result: FixedEffectMetaResult | RandomEffectsMetaResult | null,
    method: string,
  ): Block => ({
    id,
    type: 'statistic',
    title,
    name: `pooled ${measure.name}`,
    value: result ? numberCell(scale(result.estimate)) : null,
    ci: {
      lower: result ? numberCell(scale(result.lower)) : null,
      upper: result ? numberCell(scale(result.upper)) : null,
      level,
    },
    p: result ? numberCell(result.p) : null,
    method: result ? method : `${method}: needs at least two sites with an estimate`,
  });

  // A site's Wald limits, as the pooled ones: estimate ∓ z se on the analysis scale.
  const zCrit = normalQuantile(1 - (1 - level) / 2);
  const limit = (value: number | null, sd: number | null, sign: number): number | null =>
    value === null || sd === null ? null : numberCell(scale(value + sign * zCrit * sd));
  const siteRows: Cell[][] = ordered.map((entry, index) => {
    const estimate = estimates[index] as Estimate;
    const at = usable.findIndex((candidate) => candidate.index === index);
    return [
      entry.site,
      estimate.n,
      estimate.events ?? null,
      estimate.estimate,
      estimate.se,
      estimate.estimate === null ? null : numberCell(scale(estimate.estimate)),
      limit(estimate.estimate, estimate.se, -1),
      limit(estimate.estimate, estimate.se, 1),
      at < 0 ? null : numberCell(fixed.weightPercent[at]),
      at < 0 || !random ? null : numberCell(random.weightPercent[at]),
      at < 0 ? 'withheld by disclosure control: not pooled' : null,
    ];
  });

  const forestRows: ForestRow[] = usable.map((entry, at) => ({
    label: entry.site,
    kind: 'site',
    value: scale(entry.estimate),
    lower: limit(entry.estimate, entry.se, -1) as number,
    upper: limit(entry.estimate, entry.se, 1) as number,
    weight: numberCell(fixed.weightPercent[at]),
  }));
  for (const [label, result] of [
    ['Fixed effect', fixed],
    ['Random effects', random],
  ] as const) {
    if (result)
      forestRows.push({
        label,
        kind: 'pooled',
        value: scale(result.estimate),
        lower: scale(result.lower),
        upper: scale(result.upper),
        weight: null,
      });
  }

  const tau2 = random ? random.tau2 : null;
  const heterogeneityMethod =
    usable.length >= 2
      ? `I² = ${formatNumber(fixed.iSquared)}%, τ² = ${formatNumber(tau2)} (DerSimonian–Laird), over ${usable.length} sites`
      : 'one site: no heterogeneity to measure';
  const scaleName = measure.ratio ? 'log hazard ratio' : measure.name;
  const blocks: Block[] = [
    {
      id: 'summary',
      type: 'markdown',
      text: [
        `Meta-analysis of **${effect.label}** over ${usable.length} site${usable.length === 1 ? '' : 's'} (${usable.map((entry) => entry.site).join(', ')}): each site estimated the ${scaleName} on its own data and sent the estimate with its standard error; no row left a site.`,
        `Fixed effect: inverse-variance weights. Random effects: DerSimonian–Laird, without Hartung–Knapp adjustment. ${percent}% Wald intervals${measure.ratio ? ', exponentiated to hazard ratios' : ''}.`,
        withheld.length > 0
          ? `Not pooled: ${withheld.map((entry) => entry.site).join(', ')} (estimate withheld by the site's disclosure control: too few entities or events).`
          : '',
        'A meta-analysis of per-site fits is not the fit of the pooled data: it estimates a within-site effect, closer to a model stratified by site.',
      ]
        .filter((line) => line !== '')
        .join('\n\n'),
    },
    pooledBlock('fixed-effect', 'Fixed effect', fixed, 'inverse-variance fixed-effect meta-analysis'),
    pooledBlock('random-effects', 'Random effects', random, 'DerSimonian–Laird random-effects meta-analysis'),
    {
      id: 'heterogeneity',
      type: 'statistic',
      title: 'Heterogeneity',
      name: "Cochran's Q",
      value: numberCell(fixed.q),
      df: fixed.df,
      p: numberCell(fixed.pQ),
      method: heterogeneityMethod,
    },
    {
      id: 'heterogeneity-measures',
      type: 'table',
      title: 'Heterogeneity between sites',
      columns: [
        { id: 'q', label: 'Q', type: 'number' },
        { id: 'df', label: 'df', type: 'integer' },
        { id: 'p', label: 'p', type: 'number' },
        { id: 'i2', label: 'I² (%)', type: 'number' },
        { id: 'tau2', label: 'τ²', type: 'number' },
        { id: 'h', label: 'H', type: 'number' },
      ],
      rows: [
        [
          numberCell(fixed.q),
          fixed.df,
          numberCell(fixed.pQ),
          usable.length >= 2 ? numberCell(fixed.iSquared) : null,
          tau2,
          random ? numberCell(random.h) : null,
        ],
      ],
    },
    {
      id: 'forest',
      type: 'chart',
      title: `${effect.label}: ${measure.name} by site`,
      spec: metaForestChart(forestRows, { ratio: measure.ratio, measure: measure.name, percent }),
    },
    {
      id: 'sites',
      type: 'table',
      title: 'Estimates by site',
      columns: [
        { id: 'site', label: 'Site', type: 'string' },
        { id: 'n', label: 'N', type: 'integer' },
        { id: 'events', label: 'Events', type: 'integer' },
        { id: 'estimate', label: measure.ratio ? 'log HR' : 'Estimate', type: 'number' },
        { id: 'se', label: 'SE', type: 'number' },
        { id: 'value', label: measure.ratio ? 'HR' : 'Estimate', type: 'number' },
        { id: 'lower', label: `${percent}% CI lower`, type: 'number' },
        { id: 'upper', label: `${percent}% CI upper`, type: 'number' },
        { id: 'weight-fixed', label: 'Weight, fixed (%)', type: 'number' },
        { id: 'weight-random', label: 'Weight, random (%)', type: 'number' },
        { id: 'note', label: 'Note', type: 'string' },
      ],
      rows: siteRows,
    },
  ];
  const summary = [
    `${measure.short} ${formatNumber(scale(fixed.estimate))} (${formatNumber(scale(fixed.lower))}–${formatNumber(scale(fixed.upper))}), p ${formatP(fixed.p)}, fixed effect`,
    random
      ? `${formatNumber(scale(random.estimate))} (${formatNumber(scale(random.lower))}–${formatNumber(scale(random.upper))}) random effects; I² ${formatNumber(fixed.iSquared)}%`
      : '',
  ]
    .filter((part) => part !== '')
    .join('; ');
  return { title: `Meta-analysis: ${effect.label}`, summary, blocks };
}
