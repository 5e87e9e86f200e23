import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GENERATORS, generateAll } from './generate.ts';

const PRODUCTS = resolve(import.meta.dirname, '../../products');

let out: string | undefined;
afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

describe('synthetic products', () => {
  it('regenerate byte for byte the CSVs committed in products/*/data', async () => {
    out = await mkdtemp(join(tmpdir(), 'plexus-synthetic-'));
    const written = await generateAll(out);
    expect(written.length).toBeGreaterThanOrEqual(Object.keys(GENERATORS).length);
    for (const path of written) {
      const fresh = await readFile(join(out, path));
      const committed = await readFile(join(PRODUCTS, path));
      // Compare lengths first: a mismatch then names the file without printing megabytes.
      expect(fresh.length, path).toBe(committed.length);
      expect(fresh.equals(committed), `${path} differs from a fresh generation`).toBe(true);
    }
  });

  it('give the same output twice in one process (no hidden state)', () => {
    const first = GENERATORS['health-economics']?.();
    const second = GENERATORS['health-economics']?.();
    expect(first).toBeDefined();
    expect(second).toEqual(first);
  });
});
