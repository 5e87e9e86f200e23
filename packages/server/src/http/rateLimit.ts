import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorBody } from '../errors/errorBody.ts';

export interface RateLimitOptions {
  /** Requests per minute for an identified caller (user or token). Default 600. */
  perMinute?: number;
  /** Requests per minute per address for anonymous callers. Default 120. */
  anonymousPerMinute?: number;
  /** Who is calling, once the gatekeeper knows; undefined for anonymous. */
  identityOf?: (request: FastifyRequest) => string | undefined;
  /** The clock, in milliseconds (tests move it). */
  now?: () => number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Buckets idle this long are full again and can be forgotten: the map stays as small as the active callers. */
const FORGET_AFTER_MS = 5 * 60_000;

/**
 * A token bucket per caller: `perMinute` requests refill evenly over a minute, and a burst of up to a
 * minute's worth is allowed. Over the limit: 429 with Retry-After, in the one error body. Health checks
 * are exempt so that a load balancer never takes a busy node for a dead one.
 */
export function registerRateLimit(app: FastifyInstance, options: RateLimitOptions = {}): void {
  const now = options.now ?? Date.now;
  const buckets = new Map<string, Bucket>();
  let lastSweep = now();
  app.addHook('onRequest', async (request, reply) => {
    if (request.url === '/healthz') return;
    const identity = options.identityOf?.(request);
    const key = identity !== undefined ? `id:${identity}` : `ip:${request.ip}`;
    const capacity =
      identity !== undefined ? (options.perMinute ?? 600) : (options.anonymousPerMinute ?? 120);
    const perMs = capacity / 60_000;
    const at = now();
    if (at - lastSweep > FORGET_AFTER_MS) {
      for (const [name, bucket] of buckets) if (at - bucket.updatedAt > FORGET_AFTER_MS) buckets.delete(name);
      lastSweep = at;
    }
    const bucket = buckets.get(key) ?? { tokens: capacity, updatedAt: at };
    bucket.tokens = Math.min(capacity, bucket.tokens + (at - bucket.updatedAt) * perMs);
    bucket.updatedAt = at;
    buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return;
    }
    const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
    return reply
      .code(429)
      .header('retry-after', String(retryAfter))
      .send(
        errorBody(
          'RATE_LIMITED',
          `too many requests: at most ${capacity} a minute ${identity !== undefined ? 'per caller' : 'per address without a token'}; retry after ${retryAfter} s`,
        ),
      );
  });
}
