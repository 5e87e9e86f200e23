import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSnapshot } from '@plexus/engine';
import type { Block } from '@plexus/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProducts, type ProductRegistry, type ProductService } from '../src/index.ts';

const FIXTURES = resolve(import.meta.dirname, 'fixtures');
let snapshotRoot: string;
let registry: ProductRegistry;
let calling: ProductService;

const textOf = (blocks: Block[] | undefined, id: string) => {
  const block = blocks?.find((candidate) => candidate.id === id);
  return block?.type === 'markdown' ? block.text : undefined;
};

beforeAll(async () => {
  snapshotRoot = await mkdtemp(join(tmpdir(), 'plexus-mesh-calls-'));
  await buildSnapshot(join(FIXTURES, 'misbehaving'), { dataDir: snapshotRoot });
  await buildSnapshot(join(FIXTURES, 'calling'), { dataDir: snapshotRoot });
  // Only `calling` is opened: `misbehaving` is found as a sibling folder when a plugin asks for it.
  registry = await openProducts([join(FIXTURES, 'calling')], {
    dataDir: snapshotRoot,
    // Two slots, as on a small machine: nested calls must not wait for themselves.
    plugins: { maxWorkers: 2 },
    findProductDir: async (id) => (id === 'misbehaving' ? join(FIXTURES, 'misbehaving') : undefined),
  });
  const found = registry.get('calling');
  if (!found) throw new Error('fixture product did not open');
  calling = found;
}, 60_000);

afterAll(async () => {
  await registry.close();
  await rm(snapshotRoot, { recursive: true, force: true });
});

describe('ctx.mesh between products opened together', () => {
  it('runs another product’s protocol and counts its cohort, recording their versions in order', async () => {
    const run = await calling.run('asks-peer', {});
    expect(run.status, JSON.stringify(run.error)).toBe('succeeded');
    expect(textOf(run.result?.blocks, 'run')).toBe('uses data');
    const misbehaving = registry.get('misbehaving');
    expect(misbehaving).toBeUndefined(); // opened for the call, not served
    const calls = run.result?.provenance.calls ?? [];
    expect(calls.map((call) => call.kind)).toEqual(['run', 'cohort-count']);
    const [first, second] = calls;
    expect(first).toMatchObject({
      node: null,
      product: { id: 'misbehaving', version: '0.1.0' },
      protocol: { id: 'uses-data', version: '1.0.0' },
    });
    expect(first?.pluginSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first?.parametersSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toMatchObject({ node: null, product: { id: 'misbehaving' } });
    expect(textOf(run.result?.blocks, 'count')).toBe(`3 people (${second?.dataVersion})`);
    expect(first?.dataVersion).toBe(second?.dataVersion);
  });

  it('gives the same document twice: the calls are listed in the order they were made', async () => {
    const [a, b] = [await calling.run('asks-peer', {}), await calling.run('asks-peer', {})];
    expect(JSON.stringify(a.result)).toBe(JSON.stringify(b.result));
  });

  it('rejects what cannot be asked with a code the plugin can act on, and records the failures', async () => {
    const run = await calling.run('asks-missing', {});
    expect(run.status).toBe('succeeded');
    expect(textOf(run.result?.blocks, 'codes')).toBe(
      [
        'MeshRequestError:MESH_NOT_FOUND',
        'MeshRequestError:MESH_NOT_FOUND',
        'MeshRequestError:MESH_INVALID',
        'MeshRequestError:MESH_UNAVAILABLE',
        'MeshRequestError:MESH_INVALID',
      ].join(' '),
    );
    const failed = run.result?.provenance.calls ?? [];
    expect(failed.map((call) => call.error?.code)).toEqual([
      'MESH_NOT_FOUND',
      'MESH_NOT_FOUND',
      'MESH_INVALID',
      'MESH_UNAVAILABLE',
    ]);
  });

  it('cuts a cycle at the depth limit instead of waiting for itself', async () => {
    const started = Date.now();
    const run = await calling.run('asks-cycle', {});
    expect(run.status, JSON.stringify(run.error)).toBe('succeeded');
    expect(run.result?.title).toBe('stopped at 4');
    expect(textOf(run.result?.blocks, 'error')).toBe('MESH_DENIED');
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);

  it('gives up on a product that does not answer in the time the plugin allows', async () => {
    const started = Date.now();
    const run = await calling.run('asks-slow', {});
    expect(run.result?.title).toBe('gave up');
    expect(textOf(run.result?.blocks, 'error')).toBe('MESH_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
