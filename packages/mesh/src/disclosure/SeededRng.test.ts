import { describe, expect, it } from 'vitest';
import { createSeededRng, querySeed } from './SeededRng.ts';

const parts = {
  productId: 'va-lung-trial',
  dataVersion: 'dv-1',
  query: { cohort: { all: [{ attribute: 'karnofsky', op: 'gte', value: 60 }] } },
  nodeSecret: 'node-secret',
};

describe('querySeed', () => {
  it('is the same for the same question, whatever the key order', () => {
    const reordered = {
      ...parts,
      query: { cohort: { all: [{ value: 60, op: 'gte', attribute: 'karnofsky' }] } },
    };
    expect(querySeed(reordered)).toEqual(querySeed(parts));
  });

  it('changes with the product, the data version, the query, the secret and the purpose', () => {
    const base = Buffer.from(querySeed(parts)).toString('hex');
    for (const changed of [
      { ...parts, productId: 'pbc-trial' },
      { ...parts, dataVersion: 'dv-2' },
      { ...parts, query: { cohort: { all: [] } } },
      { ...parts, nodeSecret: 'other' },
      { ...parts, purpose: 'table' },
    ]) {
      expect(Buffer.from(querySeed(changed)).toString('hex')).not.toBe(base);
    }
  });

  it('cannot be forged by moving text between parts', () => {
    const a = querySeed({ ...parts, productId: 'ab', dataVersion: 'c' });
    const b = querySeed({ ...parts, productId: 'a', dataVersion: 'bc' });
    expect(a).not.toEqual(b);
  });
});

describe('createSeededRng', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const draw = (seed: string) => {
      const rng = createSeededRng(seed);
      return Array.from({ length: 5 }, () => rng.next());
    };
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
    expect(createSeededRng(querySeed(parts)).normal()).toBe(createSeededRng(querySeed(parts)).normal());
  });

  it('draws uniforms in [0, 1) and standard normals', () => {
    const rng = createSeededRng('moments');
    const n = 20_000;
    let sum = 0;
    let sumSquares = 0;
    for (let k = 0; k < n; k++) {
      const u = rng.next();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      const z = rng.normal();
      expect(Number.isFinite(z)).toBe(true);
      sum += z;
      sumSquares += z * z;
    }
    const mean = sum / n;
    expect(Math.abs(mean)).toBeLessThan(0.03); // 4 standard errors
    expect(Math.abs(sumSquares / n - mean * mean - 1)).toBeLessThan(0.05);
  });

  it('handles an all-zero seed', () => {
    const rng = createSeededRng(new Uint8Array(32));
    expect(new Set(Array.from({ length: 10 }, () => rng.next())).size).toBe(10);
  });
});
