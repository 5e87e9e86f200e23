/**
 * The token ids a node has accepted, each kept until its token expires (plus the clock tolerance), so
 * that a token seen once is refused ever after. Memory is bounded: when `maxEntries` live ids are
 * held, `remember` answers `'full'` and the caller refuses the call rather than forget an id early
 * (forgetting would reopen the replay window).
 */
export class ReplayCache {
  readonly #entries = new Map<string, number>();
  readonly #maxEntries: number;

  constructor(maxEntries = 100_000) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1)
      throw new RangeError('maxEntries must be at least 1');
    this.#maxEntries = maxEntries;
  }

  get size(): number {
    return this.#entries.size;
  }

  /**
   * Records `id` as used until `keepUntilMs`. Answers `'fresh'` the first time, `'replayed'` while it is
   * remembered, `'full'` when no room is left.
   */
  remember(id: string, keepUntilMs: number, nowMs: number): 'fresh' | 'replayed' | 'full' {
    const until = this.#entries.get(id);
    if (until !== undefined && until >= nowMs) return 'replayed';
    this.#evictExpired(nowMs, false);
    if (this.#entries.size >= this.#maxEntries) {
      this.#evictExpired(nowMs, true);
      if (this.#entries.size >= this.#maxEntries) return 'full';
    }
    this.#entries.delete(id);
    this.#entries.set(id, keepUntilMs);
    return 'fresh';
  }

  /**
   * Drops expired ids. Ids arrive roughly in expiry order, so the cheap pass stops at the first live
   * one; the full pass (only when the cache is full) looks at all of them.
   */
  #evictExpired(nowMs: number, full: boolean): void {
    for (const [id, until] of this.#entries) {
      if (until < nowMs) this.#entries.delete(id);
      else if (!full) return;
    }
  }
}
