import { FEDERATION_COMBINERS, type FederationCombiner, InputError, type PluginOutput } from '@plexus/spec';
import type { ConfType } from '@plexus/stats';
import { combineCounts } from './combineCounts.ts';
import { combineKaplanMeier } from './combineKaplanMeier.ts';
import { combineMetaAnalysis } from './combineMetaAnalysis.ts';
import { combinePooledMoments } from './combinePooledMoments.ts';
import { type AggregatesKind, orderedSites, type SiteContribution } from './siteContributions.ts';

export interface CombineOptions {
  /** Confidence level of intervals (default 0.95). */
  level?: number;
  /** Kaplan–Meier limits, as survfit's conf.type (default 'log'; km-pooled only). */
  confType?: ConfType;
}

/** The kind of aggregates each combining rule takes. */
export const COMBINER_KINDS: Readonly<Record<FederationCombiner, AggregatesKind>> = {
  sum: 'counts',
  'pooled-moments': 'moments',
  'meta-analysis': 'estimates',
  'km-pooled': 'risk-tables',
};

/**
 * Combines the sites' aggregates of a federated run by the protocol's rule (`federation.combine`)
 * into a result document. Checks first that every site sent the kind of aggregates the rule takes,
 * valid against its schema, under a unique label; each combiner then checks that the sites agree
 * (same attributes and levels, variable, measure, endpoint and grid). Errors name the site.
 */
export function combineSites(
  combine: FederationCombiner,
  sites: readonly SiteContribution[],
  options: CombineOptions = {},
): PluginOutput {
  const kind = COMBINER_KINDS[combine];
  if (kind === undefined) {
    throw new InputError(
      `combine '${String(combine)}' is not a rule; use one of ${FEDERATION_COMBINERS.join(', ')}`,
      [{ at: 'combine', message: 'unknown rule', found: combine, allowed: FEDERATION_COMBINERS }],
    );
  }
  orderedSites(sites, kind, combine);
  switch (combine) {
    case 'sum':
      return combineCounts(sites);
    case 'pooled-moments':
      return combinePooledMoments(sites, options);
    case 'meta-analysis':
      return combineMetaAnalysis(sites, options);
    case 'km-pooled':
      return combineKaplanMeier(sites, options);
  }
}
