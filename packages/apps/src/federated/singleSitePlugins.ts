import type { PluginContext } from '@plexus/runtime';
import type { PluginOutput } from '@plexus/spec';
import type { ConfType } from '@plexus/stats';
import { combineCounts } from './combineCounts.ts';
import { combineKaplanMeier } from './combineKaplanMeier.ts';
import { combineMetaAnalysis } from './combineMetaAnalysis.ts';
import { combinePooledMoments } from './combinePooledMoments.ts';
import { countsByAttributes } from './countsByAttributes.ts';
import { coxEstimate } from './coxEstimate.ts';
import { optionalNumber, optionalParam } from './modelParams.ts';
import { momentsByGroup } from './momentsByGroup.ts';
import { riskTables } from './riskTables.ts';

/*
 * The protocol plugins of the federated apps on one node: each computes this product's aggregates,
 * as a site of a federated run would, and renders them through the same combiner with one site, so
 * that a local run and a federated run of a protocol look alike. The site is labelled by product id.
 * Optional parameters besides those of the aggregate: `confLevel` (default 0.95) and, for
 * Kaplan–Meier, `confType`.
 */

const levelOf = (context: PluginContext): number => optionalNumber(context.params, 'confLevel') ?? 0.95;

/** countsByAttributes, summed over this one site (combineCounts). */
export async function federatedCounts(context: PluginContext): Promise<PluginOutput> {
  return combineCounts([{ site: context.product.id, aggregates: await countsByAttributes(context) }]);
}

/** momentsByGroup, pooled over this one site (combinePooledMoments). */
export async function federatedMoments(context: PluginContext): Promise<PluginOutput> {
  return combinePooledMoments([{ site: context.product.id, aggregates: await momentsByGroup(context) }], {
    level: levelOf(context),
  });
}

/** coxEstimate, meta-analysed over this one site (combineMetaAnalysis). */
export async function federatedCox(context: PluginContext): Promise<PluginOutput> {
  return combineMetaAnalysis([{ site: context.product.id, aggregates: await coxEstimate(context) }], {
    level: levelOf(context),
  });
}

/** riskTables, pooled over this one site (combineKaplanMeier). */
export async function federatedKaplanMeier(context: PluginContext): Promise<PluginOutput> {
  const confType = (optionalParam(context.params, 'confType') ?? 'log') as ConfType;
  return combineKaplanMeier([{ site: context.product.id, aggregates: await riskTables(context) }], {
    level: levelOf(context),
    confType,
  });
}
