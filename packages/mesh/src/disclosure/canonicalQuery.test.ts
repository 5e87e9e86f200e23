import { describe, expect, it } from 'vitest';
import { canonicalQuery, queryHash } from './canonicalQuery.ts';

describe('canonicalQuery', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalQuery({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[{"y":2,"z":1}]},"b":1}',
    );
  });

  it('keeps array order: that is meaning, not notation', () => {
    expect(canonicalQuery([2, 1])).not.toBe(canonicalQuery([1, 2]));
  });

  it('hashes equal queries equally', () => {
    expect(queryHash({ x: 1, y: [1] })).toBe(queryHash({ y: [1], x: 1 }));
    expect(queryHash({ x: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects non-finite numbers', () => {
    expect(() => canonicalQuery({ x: Number.NaN })).toThrow(TypeError);
  });
});
