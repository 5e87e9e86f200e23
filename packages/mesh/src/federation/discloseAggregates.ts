import type {
  CountAggregates,
  EstimateAggregates,
  MomentAggregates,
  RiskTableAggregates,
  SiteAggregates,
} from '@plexus/spec';
import type { DisclosurePolicy } from '../disclosure/DisclosurePolicy.ts';
import { guardEstimate } from '../disclosure/guardEstimate.ts';
import { guardMoments } from '../disclosure/guardMoments.ts';
import { guardRiskTable } from '../disclosure/guardRiskTable.ts';
import { obfuscateCount } from '../disclosure/obfuscateCount.ts';
import { createSeededRng, type QuerySeedParts, querySeed } from '../disclosure/SeededRng.ts';
import { isSuppressed } from '../disclosure/Suppressed.ts';
import { suppressCounts } from '../disclosure/suppressCounts.ts';

/** A site's aggregates as they may leave it, with what disclosure control withheld. */
export interface DisclosedAggregates {
  aggregates: SiteAggregates;
  /** How many values (cells, groups, estimates, strata) were withheld. */
  withheld: number;
  /** Everything was withheld: the site's answer says nothing. */
  empty: boolean;
  /** Why, for estimates refused outright (no counts named). */
  reasons: string[];
}

function discloseCounts(aggregates: CountAggregates, policy: DisclosurePolicy, seed: QuerySeedParts) {
  const rng = createSeededRng(querySeed({ ...seed, purpose: 'counts' }));
  const exact = aggregates.counts.map((row) => row.map((count) => count ?? 0));
  // Noise first (i2b2 adds it before the threshold), seeded by the question: asking again gives the
  // same answer, so repeating a query cannot average the noise away.
  const noisy =
    policy.obfuscation?.noise || policy.obfuscation?.round
      ? exact.map((row) => row.map((count) => obfuscateCount(count, policy, rng)))
      : exact;
  const table = suppressCounts(
    {
      rows: aggregates.rows.levels,
      columns: aggregates.columns?.levels ?? ['n'],
      counts: noisy,
    },
    policy,
  );
  const counts = table.cells.map((row) => row.map((cell) => (isSuppressed(cell) ? null : cell)));
  const suppression = table.cells.map((row) => row.map((cell) => (isSuppressed(cell) ? cell.reason : null)));
  const published = counts.flat();
  return {
    aggregates: { ...aggregates, counts, suppression },
    withheld: table.primary + table.secondary,
    empty: published.length > 0 && published.every((count) => count === null),
    reasons: [],
  };
}

function discloseMoments(aggregates: MomentAggregates, policy: DisclosurePolicy) {
  const guarded = guardMoments(
    aggregates.groups.map((group) => ({ ...group, n: group.n ?? 0 })),
    policy,
  );
  const groups = guarded.map((entry) =>
    'moments' in entry ? entry.moments : { group: entry.group, n: null, mean: null, m2: null },
  );
  const withheld = guarded.filter((entry) => !('moments' in entry)).length;
  return {
    aggregates: { ...aggregates, groups },
    withheld,
    empty: groups.length > 0 && withheld === groups.length,
    reasons: [],
  };
}

function discloseEstimates(aggregates: EstimateAggregates, policy: DisclosurePolicy) {
  const reasons: string[] = [];
  const estimates = aggregates.estimates.map((estimate) => {
    const verdict = guardEstimate(
      { n: estimate.n ?? 0, ...(estimate.events !== undefined ? { events: estimate.events ?? 0 } : {}) },
      policy,
    );
    if (verdict.ok) return estimate;
    reasons.push(...verdict.reasons.map((reason) => `${estimate.label}: ${reason}`));
    return {
      ...estimate,
      estimate: null,
      se: null,
      n: null,
      ...(estimate.events !== undefined ? { events: null } : {}),
    };
  });
  const withheld = estimates.filter((estimate) => estimate.estimate === null).length;
  return {
    aggregates: { ...aggregates, estimates },
    withheld,
    empty: estimates.length > 0 && withheld === estimates.length,
    reasons,
  };
}

function discloseRiskTables(aggregates: RiskTableAggregates, policy: DisclosurePolicy) {
  const guarded = guardRiskTable(
    {
      times: aggregates.grid,
      strata: aggregates.strata.map((stratum) => ({
        stratum: stratum.group,
        n: stratum.nRisk?.[0] ?? 0,
        atRisk: stratum.nRisk ?? [],
        ...(stratum.nEvent ? { events: stratum.nEvent } : {}),
        ...(stratum.nCensor ? { censored: stratum.nCensor } : {}),
      })),
    },
    policy,
  );
  const strata = aggregates.strata.map((stratum, index) =>
    'table' in (guarded.strata[index] ?? {})
      ? stratum
      : { group: stratum.group, nRisk: null, nEvent: null, nCensor: null },
  );
  const withheld = strata.filter((stratum) => stratum.nRisk === null).length;
  return {
    aggregates: { ...aggregates, strata },
    withheld,
    empty: strata.length > 0 && withheld === strata.length,
    reasons: [],
  };
}

/**
 * Applies a product's disclosure control to the aggregates one of its protocols computed, before they
 * leave the node: counts get noise (if configured) and primary and secondary suppression, groups of
 * moments and risk-table strata below the threshold are withheld with a complement, estimates resting
 * on small counts are refused. The seed ties any noise to the question and the node's secret.
 */
export function discloseAggregates(
  aggregates: SiteAggregates,
  policy: DisclosurePolicy,
  seed: QuerySeedParts,
): DisclosedAggregates {
  switch (aggregates.kind) {
    case 'counts':
      return discloseCounts(aggregates, policy, seed);
    case 'moments':
      return discloseMoments(aggregates, policy);
    case 'estimates':
      return discloseEstimates(aggregates, policy);
    case 'risk-tables':
      return discloseRiskTables(aggregates, policy);
  }
}
