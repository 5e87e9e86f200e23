import type { FederationCombiner, RunVersions, SiteAggregates } from '@plexus/spec';

/** What a site answers a federated question with: aggregates after its disclosure control. */
export interface SiteAnswer {
  productId: string;
  /** The node that answered. */
  node: string;
  protocol: { id: string; version: string; combine: FederationCombiner };
  versions: RunVersions;
  aggregates: SiteAggregates;
  /** How many values the site's disclosure control withheld. */
  withheld: number;
  /** Everything was withheld. */
  empty: boolean;
  /** Why estimates were refused (no counts named). */
  reasons: string[];
}

export type SiteStatus = 'ok' | 'denied' | 'suppressed' | 'timeout' | 'error';

/** One site of a federated run as the coordinator reports it. */
export interface SiteOutcome {
  product: string;
  node: string;
  status: SiteStatus;
  message?: string;
  durationMs: number;
  answer?: SiteAnswer;
}
