import { complementarySuppression } from './complementarySuppression.ts';
import type { DisclosurePolicy } from './DisclosurePolicy.ts';
import { type Suppressed, suppressed } from './Suppressed.ts';

/** One group's summary leaving a site: at least its size; typically n, sum and sum of squares. */
export interface MomentGroup {
  readonly group: string;
  readonly n: number;
}

/** A group as published: its moments, or the marker that replaces them (the group's name stays). */
export type GuardedMoments<T extends MomentGroup> =
  | { readonly group: string; readonly moments: T }
  | { readonly group: string; readonly suppressed: Suppressed };

export interface GuardMomentsOptions {
  /**
   * The groups partition a cohort whose totals the querier knows or can ask for (the default), so a
   * single withheld group would be recoverable as total minus the rest — the smallest other group is
   * withheld with it. Set false only for groups that overlap or do not cover the cohort.
   */
  readonly partition?: boolean;
}

/**
 * Withholds every non-empty group with n below `minCellCount` (primary), and — because sums, sums of
 * squares and counts are additive — one more group when exactly one was withheld (secondary). Moments
 * themselves are not inspected: never send minima, maxima or medians of small groups through this,
 * they are individual values.
 */
export function guardMoments<T extends MomentGroup>(
  groups: readonly T[],
  policy: DisclosurePolicy,
  options: GuardMomentsOptions = {},
): GuardedMoments<T>[] {
  for (const { group, n } of groups) {
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`Group ${group}: n must be a non-negative integer`);
  }
  const reasons = complementarySuppression(
    groups.map((g) => g.n),
    policy.minCellCount,
    options.partition ?? true,
  );
  return groups.map((moments, k) => {
    const reason = reasons[k];
    return reason
      ? { group: moments.group, suppressed: suppressed(reason, policy.minCellCount) }
      : { group: moments.group, moments };
  });
}
