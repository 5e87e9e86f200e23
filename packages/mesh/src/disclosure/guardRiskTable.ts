import { complementarySuppression } from './complementarySuppression.ts';
import type { DisclosurePolicy } from './DisclosurePolicy.ts';
import { type Suppressed, suppressed } from './Suppressed.ts';

/** One stratum of a Kaplan–Meier risk table on a grid of times shared by every site. */
export interface RiskTableStratum {
  readonly stratum: string;
  /** Entities in the stratum at time 0. */
  readonly n: number;
  /** Per grid time: at risk, and (optionally) events and censorings in the interval ending there. */
  readonly atRisk: readonly number[];
  readonly events?: readonly number[];
  readonly censored?: readonly number[];
}

export interface RiskTable {
  /** The shared grid; every stratum's arrays are aligned with it. */
  readonly times: readonly number[];
  readonly strata: readonly RiskTableStratum[];
}

export interface GuardedRiskTable {
  readonly times: readonly number[];
  readonly strata: (
    | { readonly stratum: string; readonly table: RiskTableStratum }
    | { readonly stratum: string; readonly suppressed: Suppressed }
  )[];
}

export interface GuardRiskTableOptions {
  /** The strata partition a cohort whose curve or size is known (default), as in guardMoments. */
  readonly partition?: boolean;
}

/**
 * Withholds every stratum whose n is below `minCellCount` (primary), and the smallest other one when
 * exactly one was withheld from a partition (secondary: counts at risk are additive, so the overall
 * table minus the others would give it back).
 *
 * Residual risk, not addressed here: within a published stratum, a grid interval may hold one or two
 * events, and the drop in the number at risk between grid times then places individuals' event times
 * within that interval — the reason for a coarse shared grid rather than event times. Late grid times
 * may also have few entities at risk. Coarsen the grid (or truncate it where at risk falls below the
 * threshold) when that matters.
 */
export function guardRiskTable(
  table: RiskTable,
  policy: DisclosurePolicy,
  options: GuardRiskTableOptions = {},
): GuardedRiskTable {
  for (const s of table.strata) {
    for (const series of [s.atRisk, s.events, s.censored]) {
      if (series && series.length !== table.times.length) {
        throw new RangeError(
          `Stratum ${s.stratum}: expected ${table.times.length} values, one per grid time`,
        );
      }
    }
  }
  const reasons = complementarySuppression(
    table.strata.map((s) => s.n),
    policy.minCellCount,
    options.partition ?? true,
  );
  return {
    times: table.times,
    strata: table.strata.map((s, k) => {
      const reason = reasons[k];
      return reason
        ? { stratum: s.stratum, suppressed: suppressed(reason, policy.minCellCount) }
        : { stratum: s.stratum, table: s };
    }),
  };
}
