import type { LimiterDecision, RepeatedQueryKey, RepeatedQueryLimiter } from './RepeatedQueryLimiter.ts';

/**
 * A {@link RepeatedQueryLimiter} in memory: per key, the times of the queries counted within the
 * window. Forgets everything on restart and is per process — fine for one node, not for a cluster.
 */
export class InMemoryRepeatedQueryLimiter implements RepeatedQueryLimiter {
  readonly #max: number;
  readonly #windowMs: number;
  readonly #hits = new Map<string, number[]>();
  #lastSweep = 0;

  constructor(limit: { readonly max: number; readonly windowHours: number }) {
    if (!Number.isInteger(limit.max) || limit.max < 1) throw new RangeError('max must be an integer ≥ 1');
    if (!(limit.windowHours > 0)) throw new RangeError('windowHours must be positive');
    this.#max = limit.max;
    this.#windowMs = limit.windowHours * 3_600_000;
  }

  async consume(key: RepeatedQueryKey, at: Date = new Date()): Promise<LimiterDecision> {
    const now = at.getTime();
    this.#sweep(now);
    const id = JSON.stringify([key.user, key.product, key.queryHash]);
    const hits = (this.#hits.get(id) ?? []).filter((t) => t > now - this.#windowMs);
    const allowed = hits.length < this.#max;
    if (allowed) hits.push(now);
    if (hits.length > 0) this.#hits.set(id, hits);
    else this.#hits.delete(id);
    return {
      allowed,
      remaining: Math.max(0, this.#max - hits.length),
      resetsAt: new Date((hits[0] ?? now) + this.#windowMs),
    };
  }

  /** Drops keys whose queries have all left the window, at most once per window. */
  #sweep(now: number): void {
    if (now - this.#lastSweep < this.#windowMs) return;
    this.#lastSweep = now;
    for (const [id, hits] of this.#hits) {
      if (hits.every((t) => t <= now - this.#windowMs)) this.#hits.delete(id);
    }
  }
}
