import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSnapshot, canonicalJson } from '@plexus/engine';
import { compareResults, openProducts, type ProductRegistry, type ProductService } from '@plexus/runtime';
import { checkDocument, ResultComparisonSchema, type ResultDocument } from '@plexus/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Every protocol of every example product, run twice through two separately opened registries (two
 * runtimes, two plugin hosts, two DuckDB connections), gives byte-identical canonical JSON: the
 * promise of the README that the same versions and parameters always give the same document.
 *
 * Time: about 80 s on 2 shared cores — some 60 s of CPU open the two registries (a worker loads the
 * plugin module of each protocol to check it), some 65 s run the 50-odd plugin workers; builds take 4 s.
 */

const PRODUCTS_DIR = resolve(import.meta.dirname, '../../products');

/** Every example product (a folder of products/ with a product.yaml) and the ids of its protocols. */
const PRODUCTS = readdirSync(PRODUCTS_DIR)
  .filter((name) => existsSync(join(PRODUCTS_DIR, name, 'product.yaml')))
  .sort()
  .map((name) => {
    const folder = join(PRODUCTS_DIR, name, 'protocols');
    const protocols = readdirSync(folder)
      .filter((file) => file.endsWith('.yaml'))
      .map((file) => /^id:\s*(\S+)\s*$/m.exec(readFileSync(join(folder, file), 'utf8'))?.[1] ?? file)
      .sort();
    return { id: name, dir: join(PRODUCTS_DIR, name), protocols };
  });

/**
 * Non-default parameters: UMAP (seeded randomness: the neighbour search, the initial layout, the
 * negative sampling) with another seed, and paths that group differently (more groups, event groups).
 * UMAP runs on 300 probe sets to keep the test short; its default of 1,000 costs seconds and exercises
 * no other code. Every run costs a plugin worker (about a second of CPU), so the list is kept short.
 */
const VARIANTS: Array<{ product: string; protocol: string; params: Record<string, unknown> }> = [
  {
    product: 'all-leukemia',
    protocol: 'expression-embedding',
    params: { method: 'umap', seed: 7, nNeighbors: 10, topFeatures: 300, colorBy: 'mol_biol' },
  },
  {
    product: 'va-lung-trial',
    protocol: 'kaplan-meier',
    params: { groupBy: 'cell_type', confType: 'log-log' },
  },
  { product: 'cdisc-pilot', protocol: 'event-frequencies', params: { groupBy: 'arm', level: 'group' } },
];

/** The documents of the first registry, by product, protocol and parameters, for the comparison test. */
const results = new Map<string, ResultDocument>();
const resultKey = (product: string, protocol: string, params: Record<string, unknown>) =>
  `${product} ${protocol} ${canonicalJson(params)}`;

let dataDir: string;
let first: ProductRegistry;
let second: ProductRegistry;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'plexus-determinism-'));
  const dirs = PRODUCTS.map((product) => product.dir);
  // One build per product, shared by both registries: the runs, not the builds, are under test.
  await Promise.all(dirs.map((dir) => buildSnapshot(dir, { dataDir })));
  // Opened side by side: opening loads every plugin module in a worker to check it, most of the set-up time.
  [first, second] = await Promise.all([openProducts(dirs, { dataDir }), openProducts(dirs, { dataDir })]);
}, 180_000);

afterAll(async () => {
  await first?.close();
  await second?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function service(registry: ProductRegistry, id: string): ProductService {
  const product = registry.get(id);
  if (!product) throw new Error(`product ${id} is not open`);
  return product;
}

/**
 * Runs a protocol on both registries at once and expects the same canonical bytes. The tests run one
 * after another, never two runs on one registry at a time: SnapshotReader streams matrix values over
 * its one DuckDB connection, and a second matrix read started meanwhile silently empties the first
 * (all values NaN) — a concurrency fault of the engine, not a nondeterminism of the protocols.
 */
async function expectSameBytes(productId: string, protocolId: string, params: Record<string, unknown>) {
  const [a, b] = await Promise.all([
    service(first, productId).run(protocolId, params),
    service(second, productId).run(protocolId, params),
  ]);
  expect(a.status, a.error?.message).toBe('succeeded');
  expect(b.status, b.error?.message).toBe('succeeded');
  if (!a.result || !b.result) throw new Error('a succeeded run has a result');
  results.set(resultKey(productId, protocolId, params), a.result);
  const bytesA = canonicalJson(a.result);
  const bytesB = canonicalJson(b.result);
  // On a difference, the comparison says where, instead of two long strings.
  if (bytesA !== bytesB) expect(compareResults(a.result, b.result)).toEqual({ identical: true });
  expect(bytesA === bytesB).toBe(true);
}

describe('determinism of every example protocol', () => {
  it('covers the five example products and every protocol each serves', () => {
    expect(PRODUCTS.map((product) => product.id)).toEqual(
      expect.arrayContaining(['all-leukemia', 'cdisc-pilot', 'omop-synthea', 'pbc-trial', 'va-lung-trial']),
    );
    for (const product of PRODUCTS)
      expect(
        service(first, product.id)
          .protocols()
          .map((protocol) => protocol.id)
          .sort(),
        product.id,
      ).toEqual(product.protocols);
  });

  const defaults = PRODUCTS.flatMap((product) =>
    product.protocols.map((protocol) => [product.id, protocol] as const),
  );
  it.each(defaults)(
    '%s %s with its default parameters',
    async (product, protocol) => {
      await expectSameBytes(product, protocol, {});
    },
    60_000,
  );

  it.each(VARIANTS.map((variant) => [variant.product, variant.protocol, variant.params] as const))(
    '%s %s with %j',
    async (product, protocol, params) => {
      await expectSameBytes(product, protocol, params);
    },
    60_000,
  );

  it('tells two runs with different parameters apart, in a comparison its schema accepts', async () => {
    const document = async (params: Record<string, unknown>) => {
      const known = results.get(resultKey('va-lung-trial', 'kaplan-meier', params));
      if (known) return known;
      const run = await service(first, 'va-lung-trial').run('kaplan-meier', params);
      if (!run.result) throw new Error(run.error?.message);
      return run.result;
    };
    const byArm = await document({});
    const byCellType = await document({ groupBy: 'cell_type', confType: 'log-log' });
    const comparison = compareResults(byArm, byCellType);
    expect(checkDocument(ResultComparisonSchema, comparison)).toEqual([]);
    expect(comparison.identical).toBe(false);
    expect(comparison.provenance).toEqual({
      same: false,
      changed: [],
      parameters: [
        { name: 'confType', from: 'log', to: 'log-log' },
        { name: 'groupBy', from: 'arm', to: 'cell_type' },
      ],
    });
    expect(comparison.summary.blocksChanged).toBeGreaterThan(0);
    expect(canonicalJson(compareResults(byArm, byCellType))).toBe(canonicalJson(comparison));
  });
});
