import { describe, expect, it } from 'vitest';
import { ReplayCache } from './ReplayCache.ts';

describe('ReplayCache', () => {
  it('remembers an id until it expires', () => {
    const cache = new ReplayCache();
    expect(cache.remember('a', 2_000, 1_000)).toBe('fresh');
    expect(cache.remember('a', 2_000, 1_500)).toBe('replayed');
    expect(cache.remember('a', 4_000, 2_001)).toBe('fresh');
  });

  it('is bounded: expired ids make room, live ones are never forgotten early', () => {
    const cache = new ReplayCache(3);
    expect(cache.remember('a', 2_000, 0)).toBe('fresh');
    expect(cache.remember('b', 9_000, 0)).toBe('fresh');
    expect(cache.remember('c', 3_000, 0)).toBe('fresh');
    expect(cache.remember('d', 9_000, 0)).toBe('full');
    expect(cache.remember('a', 9_000, 100)).toBe('replayed');
    // a and c have expired at 3,500 although b, inserted between them, has not.
    expect(cache.remember('d', 9_000, 3_500)).toBe('fresh');
    expect(cache.remember('e', 9_000, 3_500)).toBe('fresh');
    expect(cache.size).toBe(3);
    expect(cache.remember('b', 9_000, 3_600)).toBe('replayed');
  });
});
