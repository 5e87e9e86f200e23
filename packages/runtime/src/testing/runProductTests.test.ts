import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSnapshot } from '@plexus/engine';
import type { Block, Run } from '@plexus/spec';
import { InputError } from '@plexus/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProducts } from '../service/openProducts.ts';
import type { ProductRegistry } from '../service/ProductService.ts';
import { loadProductTests } from './loadProductTests.ts';
import type { ProductTestCase, TestableProduct } from './ProductTestCase.ts';
import { readDeclaredResults } from './readDeclaredResults.ts';
import { runProductTests } from './runProductTests.ts';

function runOf(blocks: Block[], status: Run['status'] = 'succeeded'): Run {
  return {
    id: 'r',
    status,
    productId: 'fake',
    protocolId: 'summary',
    startedAt: new Date(0).toISOString(),
    durationMs: 1,
    ...(status === 'failed'
      ? { error: { code: 'INPUT_INVALID', message: 'the cohort is empty' } }
      : {
          result: {
            apiVersion: 'plexus.dev/v1',
            kind: 'Result',
            title: 't',
            blocks,
            provenance: {
              product: { id: 'fake', version: '1.0.0' },
              dataVersion: 'd',
              gitCommit: null,
              protocol: { id: 'summary', version: '1.0.0' },
              plugin: { module: 'm', export: 'e', sha256: '0'.repeat(64) },
              engineVersion: '0',
              parameters: {},
            },
          },
        }),
  };
}

const fake: TestableProduct = {
  id: 'fake',
  protocols: () => [{ id: 'summary' }, { id: 'other' }],
  run: async (_protocol, params) => {
    const { mode } = (params ?? {}) as { mode?: string };
    if (mode === 'refuse') throw new InputError("invalid parameters: parameter 'mode' is not allowed");
    if (mode === 'bug') throw new TypeError('x is undefined');
    if (mode === 'fail') return runOf([], 'failed');
    const run = runOf([{ id: 'count', type: 'statistic', name: 'n', value: 12 }]);
    if (mode === 'asks-elsewhere' && run.result)
      run.result.provenance.calls = [
        {
          kind: 'run',
          node: null,
          product: { id: 'trial-registry' },
          protocol: { id: 'trial-listing' },
          error: { code: 'MESH_NOT_FOUND', message: 'there is no product trial-registry here' },
        },
      ];
    return run;
  },
};

const testCase = (overrides: Partial<ProductTestCase>): ProductTestCase => ({
  file: 'tests/t.yaml',
  line: 3,
  name: 'case',
  protocol: 'summary',
  params: {},
  status: 'succeeded',
  expect: [],
  ...overrides,
});

describe('runProductTests with a test double', () => {
  it('skips a case that fails only because a product its protocol asks cannot be reached', async () => {
    const report = await runProductTests(fake, [
      testCase({
        name: 'needs the registry',
        params: { mode: 'asks-elsewhere' },
        expect: [{ check: { block: 'count', value: 13 } }],
      }),
      testCase({
        name: 'holds without it',
        params: { mode: 'asks-elsewhere' },
        expect: [{ check: { block: 'count', value: 12 } }],
      }),
      testCase({ name: 'fails on its own', expect: [{ check: { block: 'count', value: 13 } }] }),
    ]);
    expect(report.cases.map((entry) => entry.status)).toEqual(['skipped', 'passed', 'failed']);
    expect(report.cases[0]?.failures[0]?.message).toContain(
      'asks trial-registry, which cannot be reached here',
    );
    expect(report.totals).toMatchObject({ cases: 3, passed: 1, failed: 1, skipped: 1 });
  });

  it('judges each case and lists untested protocols', async () => {
    const seen: string[] = [];
    const report = await runProductTests(
      fake,
      [
        testCase({ name: 'ok', expect: [{ check: { block: 'count', value: 12 }, line: 5 }] }),
        testCase({ name: 'wrong', expect: [{ check: { block: 'count', value: { below: 10 } }, line: 6 }] }),
        testCase({ name: 'unknown protocol', protocol: 'sumary' }),
        testCase({
          name: 'refused as expected',
          params: { mode: 'refuse' },
          status: 'failed',
          error: 'not allowed',
        }),
        testCase({
          name: 'failed, wrong message',
          params: { mode: 'fail' },
          status: 'failed',
          error: 'too small',
        }),
        testCase({ name: 'unexpectedly fine', status: 'failed' }),
        testCase({ name: 'unexpected failure', params: { mode: 'fail' } }),
        testCase({ name: 'a bug', params: { mode: 'bug' } }),
      ],
      { onCase: (entry) => seen.push(`${entry.status} ${entry.name}`) },
    );
    expect(seen).toEqual([
      'passed ok',
      'failed wrong',
      'error unknown protocol',
      'passed refused as expected',
      'failed failed, wrong message',
      'failed unexpectedly fine',
      'failed unexpected failure',
      'error a bug',
    ]);
    const failures = report.cases.map((entry) => entry.failures);
    expect(failures[1]).toEqual([{ line: 6, message: 'block count: value 12 is not below 10' }]);
    expect(failures[2]?.[0]?.message).toBe(
      "product fake has no protocol 'sumary' — did you mean 'summary'? (it has: summary, other)",
    );
    expect(failures[4]?.[0]?.message).toBe(
      "the run failed as expected, but its error does not contain 'too small': INPUT_INVALID: the cohort is empty",
    );
    expect(failures[5]?.[0]?.message).toBe('expected the run to fail, but it succeeded');
    expect(failures[6]?.[0]?.message).toBe(
      'expected the run to succeed, but it failed: INPUT_INVALID: the cohort is empty',
    );
    expect(failures[7]?.[0]?.message).toBe('internal error: x is undefined');
    expect(report.untestedProtocols).toEqual(['other']);
    expect(report.totals).toMatchObject({ cases: 8, passed: 2, failed: 4, errors: 2 });
  });

  it('fails a run that lacks a declared, non-optional result block', async () => {
    const report = await runProductTests(fake, [testCase({})], {
      declaredResults: new Map([
        [
          'summary',
          [
            { id: 'count', type: 'table' },
            { id: 'chart', type: 'chart' },
            { id: 'notes', optional: true },
          ],
        ],
      ]),
    });
    expect(report.cases[0]?.failures.map((failure) => failure.message)).toEqual([
      'protocol summary declares result block count as a table block, but it is a statistic block',
      'protocol summary declares result block chart (chart), but the result has no such block',
    ]);
  });

  it('takes declared results from the protocol listing when it carries them', async () => {
    const listing = { ...fake, protocols: () => [{ id: 'summary', results: [{ id: 'missing' }] }] };
    const report = await runProductTests(listing, [testCase({})]);
    expect(report.cases[0]?.status).toBe('failed');
  });
});

describe('readDeclaredResults', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plexus-declared-'));
    await mkdir(join(dir, 'apps'));
    await writeFile(join(dir, 'product.yaml'), 'id: p\nprotocols: apps\n');
    await writeFile(
      join(dir, 'apps', 'a.yaml'),
      'id: a\nresults:\n  - { id: count, type: statistic }\n  - { id: notes, optional: true }\n  - 12\n',
    );
    await writeFile(join(dir, 'apps', 'b.yaml'), 'id: b\n');
    await writeFile(join(dir, 'apps', 'c.yaml'), 'id: [\n');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads results leniently, skipping protocols without them', async () => {
    expect(await readDeclaredResults(dir)).toEqual(
      new Map([
        [
          'a',
          [
            { id: 'count', type: 'statistic' },
            { id: 'notes', optional: true },
          ],
        ],
      ]),
    );
  });
});

describe('runProductTests on the va-lung-trial example product', () => {
  const PRODUCT = resolve(import.meta.dirname, '../../../../products/va-lung-trial');
  let snapshotRoot: string;
  let registry: ProductRegistry;

  beforeAll(async () => {
    snapshotRoot = await mkdtemp(join(tmpdir(), 'plexus-product-tests-'));
    await buildSnapshot(PRODUCT, { snapshotRoot });
    registry = await openProducts([PRODUCT], { snapshotRoot });
  });
  afterAll(async () => {
    await registry.close();
    await rm(snapshotRoot, { recursive: true, force: true });
  });

  it('passes its own tests, and fails a wrong expectation with a clear message', async () => {
    const product = registry.get('va-lung-trial');
    if (!product) throw new Error('va-lung-trial did not open');
    const loaded = await loadProductTests(PRODUCT);
    expect(loaded.problems).toEqual([]);
    const summary = loaded.cases.find((entry) => entry.protocol === 'cohort-summary');
    if (!summary) throw new Error('va-lung-trial has no cohort-summary test');
    const wrong: ProductTestCase = {
      ...summary,
      name: 'wrong count',
      expect: [{ check: { block: 'count', value: { between: [100, 120] } }, line: 99 }],
    };
    const report = await runProductTests(product, [summary, wrong], {
      declaredResults: await readDeclaredResults(PRODUCT),
    });
    expect(report.cases.map((entry) => entry.status)).toEqual(['passed', 'failed']);
    expect(report.cases[1]?.failures).toEqual([
      { line: 99, message: 'block count: value 68 is not between 100 and 120' },
    ]);
    expect(report.untestedProtocols).toEqual(['compare-groups', 'cox-regression', 'kaplan-meier']);
  });
});
