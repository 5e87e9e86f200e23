/** Who asks what: the same user asking the same canonical query of the same product. */
export interface RepeatedQueryKey {
  readonly user: string;
  readonly product: string;
  /** {@link queryHash} of the normalised query. */
  readonly queryHash: string;
}

export interface LimiterDecision {
  readonly allowed: boolean;
  /** Further identical queries allowed in the window after this one. */
  readonly remaining: number;
  /** When the oldest counted query leaves the window (and a refused one would be allowed again). */
  readonly resetsAt: Date;
}

/**
 * Per-user limit on identical queries (`repeatedQueries: {max, windowHours}`), in a sliding window.
 * Asynchronous so that a persistent one (the control store) can implement it too.
 */
export interface RepeatedQueryLimiter {
  /** Counts the query when allowed; a refused query is not counted. */
  consume(key: RepeatedQueryKey, at?: Date): Promise<LimiterDecision>;
}
