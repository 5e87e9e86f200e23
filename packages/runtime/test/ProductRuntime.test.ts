import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSnapshot } from '@plexus/engine';
import { InputError, NotFoundError, UnavailableError } from '@plexus/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProducts, type ProductRegistry, type ProductService } from '../src/index.ts';

const FIXTURE = resolve(import.meta.dirname, 'fixtures/misbehaving');
let snapshotRoot: string;
let registry: ProductRegistry;
let product: ProductService;

beforeAll(async () => {
  snapshotRoot = await mkdtemp(join(tmpdir(), 'plexus-runtime-'));
  await buildSnapshot(FIXTURE, { snapshotRoot });
  registry = await openProducts([FIXTURE], { snapshotRoot });
  const found = registry.get('misbehaving');
  if (!found) throw new Error('fixture product did not open');
  product = found;
});

afterAll(async () => {
  await registry.close();
  await rm(snapshotRoot, { recursive: true, force: true });
});

describe('plugin host: failures stay inside their run', () => {
  it('reports a plugin that throws as a failed run with its message', async () => {
    const run = await product.run('throws', {});
    expect(run.status).toBe('failed');
    expect(run.error).toEqual({ code: 'PLUGIN_FAILED', message: 'the algorithm did not converge' });
  });

  it('stops a plugin that loops at its timeout', async () => {
    const started = Date.now();
    const run = await product.run('loops', {});
    expect(run.status).toBe('failed');
    expect(run.error?.code).toBe('PLUGIN_TIMEOUT');
    expect(run.error?.message).toContain('within 1 s');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('stops a plugin that exhausts its heap limit', async () => {
    const run = await product.run('oom', {});
    expect(run.status).toBe('failed');
    expect(run.error?.code).toBe('PLUGIN_OUT_OF_MEMORY');
    expect(run.error?.message).toContain('64 MB');
  }, 60_000);

  it('rejects a result that breaks the result schema, naming the field', async () => {
    const run = await product.run('invalid-result', {});
    expect(run.status).toBe('failed');
    expect(run.error?.code).toBe('INVALID_RESULT');
    expect(run.error?.message).toContain('blocks.0');
  });

  it('rejects a result that is not plain data', async () => {
    const run = await product.run('not-plain-data', {});
    expect(run.status).toBe('failed');
    expect(run.error?.message).toMatch(/not plain data|could not be cloned/);
  });

  it('survives a plugin that throws after returning its result', async () => {
    const run = await product.run('throws-late', {});
    expect(run.status).toBe('succeeded');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await product.run('uses-data', {})).status).toBe('succeeded');
  });

  it('gives every run a fresh worker: no state carries over between runs', async () => {
    const titles = [];
    for (let index = 0; index < 3; index++) titles.push((await product.run('keeps-state', {})).result?.title);
    expect(titles).toEqual(['call 1', 'call 1', 'call 1']);
  });

  it('keeps serving after every failure above', async () => {
    const runs = await Promise.all([product.run('uses-data', {}), product.run('uses-data', {})]);
    expect(runs.map((run) => run.status)).toEqual(['succeeded', 'succeeded']);
  });
});

describe('plugin context', () => {
  it('gives typed frames for a cohort, read-only SQL, and null for undefined numbers', async () => {
    const run = await product.run('uses-data', {
      cohort: { all: [{ attribute: 'grp', op: 'eq', value: 'b' }] },
    });
    expect(run.status).toBe('succeeded');
    const blocks = Object.fromEntries((run.result?.blocks ?? []).map((block) => [block.id, block]));
    expect(blocks.ids).toMatchObject({ text: 'P3,P4,P5' });
    expect(blocks.missing).toMatchObject({ value: 1 });
    expect(blocks.undefined).toMatchObject({ value: null, p: null });
    expect(blocks.groups).toMatchObject({
      rows: [
        ['a', 2],
        ['b', 3],
      ],
    });
    expect(blocks.refused).toMatchObject({ text: expect.stringContaining('only SELECT') });
    expect(blocks.typed).toMatchObject({ text: 'true' });
  });

  it('records provenance and gives byte-identical documents for the same versions and parameters', async () => {
    const first = await product.run('uses-data', {});
    const second = await product.run('uses-data', {});
    expect(JSON.stringify(second.result)).toBe(JSON.stringify(first.result));
    expect(first.id).not.toBe(second.id);
    expect(first.result?.provenance).toMatchObject({
      product: { id: 'misbehaving', version: '0.1.0' },
      protocol: { id: 'uses-data', version: '1.0.0' },
      plugin: { module: 'plugins/misbehave.ts', export: 'usesData' },
      parameters: { cohort: {} },
      gitCommit: expect.anything(),
    });
    expect(first.result?.provenance.plugin.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first.result?.provenance.dataVersion).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('parameters', () => {
  it('names the parameter, what was expected, what was found and the allowed values', async () => {
    const error = (await product
      .run('uses-data', { cohort: { all: [{ attribute: 'grp', op: 'eq', value: 'c' }] }, extra: 1 })
      .catch((caught: unknown) => caught)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    const messages = error.details.map((detail) => detail.message);
    expect(messages).toContain("unknown parameter 'extra' (allowed: cohort)");
    expect(error.details.find((detail) => detail.at === 'cohort.all[0].value')).toMatchObject({
      allowed: ['a', 'b'],
      found: 'c',
    });
  });

  it('refuses params that are not an object', async () => {
    await expect(product.run('uses-data', [1, 2])).rejects.toThrow(/params must be an object/);
  });

  it('answers NotFound for an unknown protocol, listing those that exist', async () => {
    await expect(product.run('use-data', {})).rejects.toThrow(NotFoundError);
    await expect(product.run('use-data', {})).rejects.toThrow(/did you mean 'uses-data'/);
  });
});

describe('capacity', () => {
  it('queues runs beyond the worker limit and refuses them beyond the queue with UnavailableError', async () => {
    const small = await openProducts([FIXTURE], { snapshotRoot, plugins: { maxWorkers: 1, maxQueue: 1 } });
    try {
      const busy = small.get('misbehaving') as ProductService;
      const outcomes = await Promise.allSettled([
        busy.run('uses-data', {}),
        busy.run('uses-data', {}),
        busy.run('uses-data', {}),
      ]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
      expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(UnavailableError);
    } finally {
      await small.close();
    }
  });
});

describe('progress and cancellation', () => {
  it("forwards the plugin's progress reports, the last one at 1", async () => {
    const prepared = await product.prepare('reports-progress', { steps: 4 });
    const reports: Array<[number, string | undefined]> = [];
    const executed = await product.execute(prepared, {
      onProgress: (fraction, message) => reports.push([fraction, message]),
    });
    expect(executed.status).toBe('succeeded');
    expect(reports).toEqual([
      [0.25, 'step 1'],
      [0.5, 'step 2'],
      [0.75, 'step 3'],
      [1, 'step 4'],
    ]);
  });

  it('stops a running plugin when cancelled, and a queued run before it starts', async () => {
    const small = await openProducts([FIXTURE], { snapshotRoot, plugins: { maxWorkers: 1, maxQueue: 4 } });
    try {
      const busy = small.get('misbehaving') as ProductService;
      const running = new AbortController();
      const queued = new AbortController();
      const long = busy.execute(await busy.prepare('reports-progress', { steps: 200 }), {
        signal: running.signal,
      });
      const waiting = busy.execute(await busy.prepare('reports-progress', { steps: 1 }), {
        signal: queued.signal,
      });
      queued.abort();
      const started = Date.now();
      expect(await waiting).toMatchObject({ status: 'cancelled', error: { code: 'CANCELLED' } });
      running.abort();
      expect(await long).toMatchObject({ status: 'cancelled', error: { code: 'CANCELLED' } });
      // Far sooner than the 24 s the long run would take.
      expect(Date.now() - started).toBeLessThan(5000);
      // The slot is free again: the next run executes.
      expect((await busy.run('reports-progress', { steps: 1 })).status).toBe('succeeded');
    } finally {
      await small.close();
    }
  });
});
