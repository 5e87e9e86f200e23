import { describe, expect, it } from 'vitest';
import { resolveDisclosurePolicy } from './DisclosurePolicy.ts';
import { guardCount } from './guardCount.ts';
import { obfuscateCount } from './obfuscateCount.ts';
import { createSeededRng, querySeed } from './SeededRng.ts';

const noisy = resolveDisclosurePolicy({ minCellCount: 3, obfuscation: { noise: { sigma: 1.33 } } });
const seedFor = (query: unknown) =>
  querySeed({ productId: 'p', dataVersion: 'v1', query, nodeSecret: 'secret', purpose: 'count' });

describe('obfuscateCount', () => {
  it('returns the count unchanged without obfuscation', () => {
    expect(obfuscateCount(17, resolveDisclosurePolicy({}), createSeededRng('x'))).toBe(17);
  });

  it('gives the same noisy answer to the same question, so repeats cannot average the noise away', () => {
    const query = { cohort: { attribute: 'sex', op: 'eq', value: 'female' } };
    const answers = Array.from({ length: 50 }, () =>
      obfuscateCount(40, noisy, createSeededRng(seedFor(query))),
    );
    expect(new Set(answers).size).toBe(1);
  });

  it('adds noise of the stated spread across different questions', () => {
    const errors = Array.from(
      { length: 4000 },
      (_, k) => obfuscateCount(1000, noisy, createSeededRng(seedFor({ k }))) - 1000,
    );
    const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
    const sd = Math.sqrt(errors.reduce((a, b) => a + (b - mean) ** 2, 0) / (errors.length - 1));
    expect(Math.abs(mean)).toBeLessThan(0.1);
    // Rounding to integers adds variance 1/12.
    expect(sd).toBeGreaterThan(1.25);
    expect(sd).toBeLessThan(1.48);
    expect(errors.every(Number.isInteger)).toBe(true);
  });

  it('rounds to the nearest multiple and never goes below zero', () => {
    const rounded = resolveDisclosurePolicy({ obfuscation: { round: 10 } });
    expect(obfuscateCount(44, rounded, createSeededRng('x'))).toBe(40);
    expect(obfuscateCount(45, rounded, createSeededRng('x'))).toBe(50);
    const wild = resolveDisclosurePolicy({ obfuscation: { noise: { sigma: 50 }, round: 5 } });
    for (let k = 0; k < 200; k++) {
      const value = obfuscateCount(1, wild, createSeededRng(`${k}`));
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value % 5).toBe(0);
    }
  });

  it('rejects what is not a count', () => {
    expect(() => obfuscateCount(-1, noisy, createSeededRng('x'))).toThrow(RangeError);
    expect(() => obfuscateCount(2.5, noisy, createSeededRng('x'))).toThrow(RangeError);
  });
});

describe('guardCount', () => {
  const plain = resolveDisclosurePolicy({});

  it('suppresses small non-zero counts and publishes zero', () => {
    expect(guardCount(4, plain)).toEqual({ suppressed: true, reason: 'primary', label: '<5' });
    expect(guardCount(0, plain)).toBe(0);
    expect(guardCount(5, plain)).toBe(5);
  });

  it('applies noise first, then the threshold, as i2b2 does', () => {
    const rng = () => createSeededRng(seedFor({ q: 1 }));
    const value = obfuscateCount(3, noisy, rng());
    const guarded = guardCount(3, noisy, rng());
    if (value > 0 && value < 3) expect(guarded).toMatchObject({ suppressed: true });
    else expect(guarded).toBe(value);
  });

  it('needs an rng when the policy obfuscates', () => {
    expect(() => guardCount(10, noisy)).toThrow(/rng/);
  });
});
