import { describe, expect, it } from 'vitest';
import { queryHash } from './canonicalQuery.ts';
import { InMemoryRepeatedQueryLimiter } from './InMemoryRepeatedQueryLimiter.ts';

const HOUR = 3_600_000;
const t0 = new Date('2025-01-01T00:00:00Z').getTime();
const at = (hours: number) => new Date(t0 + hours * HOUR);
const key = { user: 'u1', product: 'va-lung-trial', queryHash: queryHash({ cohort: { all: [] } }) };

describe('InMemoryRepeatedQueryLimiter', () => {
  it('allows max identical queries in the window, then refuses until the oldest leaves it', async () => {
    const limiter = new InMemoryRepeatedQueryLimiter({ max: 3, windowHours: 24 });
    expect(await limiter.consume(key, at(0))).toEqual({ allowed: true, remaining: 2, resetsAt: at(24) });
    expect(await limiter.consume(key, at(1))).toMatchObject({ allowed: true, remaining: 1 });
    expect(await limiter.consume(key, at(2))).toMatchObject({ allowed: true, remaining: 0 });
    expect(await limiter.consume(key, at(3))).toEqual({ allowed: false, remaining: 0, resetsAt: at(24) });
    // Sliding: at 24 h the first query leaves the window, the second (1 h) has not.
    expect(await limiter.consume(key, at(24))).toMatchObject({
      allowed: true,
      remaining: 0,
      resetsAt: at(25),
    });
    expect(await limiter.consume(key, at(24.5))).toMatchObject({ allowed: false, resetsAt: at(25) });
  });

  it('does not count refused queries', async () => {
    const limiter = new InMemoryRepeatedQueryLimiter({ max: 1, windowHours: 1 });
    await limiter.consume(key, at(0));
    for (let k = 1; k < 10; k++) expect((await limiter.consume(key, at(k / 20))).allowed).toBe(false);
    expect((await limiter.consume(key, at(1))).allowed).toBe(true);
  });

  it('counts per user, per product and per query', async () => {
    const limiter = new InMemoryRepeatedQueryLimiter({ max: 1, windowHours: 1 });
    expect((await limiter.consume(key, at(0))).allowed).toBe(true);
    expect((await limiter.consume({ ...key, user: 'u2' }, at(0))).allowed).toBe(true);
    expect((await limiter.consume({ ...key, product: 'pbc-trial' }, at(0))).allowed).toBe(true);
    expect((await limiter.consume({ ...key, queryHash: queryHash({ other: 1 }) }, at(0))).allowed).toBe(true);
    expect((await limiter.consume(key, at(0.5))).allowed).toBe(false);
  });

  it('forgets keys whose queries have left the window', async () => {
    const limiter = new InMemoryRepeatedQueryLimiter({ max: 1, windowHours: 1 });
    await limiter.consume(key, at(0));
    await limiter.consume({ ...key, user: 'u2' }, at(5));
    expect((await limiter.consume(key, at(5))).allowed).toBe(true);
  });

  it('rejects a bad limit', () => {
    expect(() => new InMemoryRepeatedQueryLimiter({ max: 0, windowHours: 1 })).toThrow(RangeError);
    expect(() => new InMemoryRepeatedQueryLimiter({ max: 1, windowHours: 0 })).toThrow(RangeError);
  });
});
