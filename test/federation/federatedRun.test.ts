import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSnapshot } from '@plexus/engine';
import { openProducts, type ProductRegistry } from '@plexus/runtime';
import { createServer } from '@plexus/server';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testGatekeeper } from '../../packages/server/src/testing/testGatekeeper.ts';
import { linkNodeModules, writeSiteProduct } from './siteProducts.ts';

/**
 * Federated runs on one node over sites that split a real trial (the VA lung cancer trial, rows
 * assigned to three sites by row number, as the R reference does): counts add up to the whole trial's,
 * small cells are suppressed, the meta-analysis of the sites' Cox hazard ratios equals R's and is close
 * to the single-data Cox estimate, a site that refuses is reported as denied and a slow one as timed
 * out while the others answer.
 */
const reference = JSON.parse(
  await readFile(resolve(import.meta.dirname, '../../packages/stats/test/reference/meta.json'), 'utf8'),
) as {
  pooledCox: { coef: number; se: number };
  meta: Array<{ name: string; fixed: { estimate: number }; random: { estimate: number } }>;
};
const veteranCox = reference.meta.find((entry) => entry.name.startsWith('veteran cox arm, site = row mod 3'));

let root: string;
let registry: ProductRegistry;
let app: FastifyInstance;
let rows: string[][];

const SITES = ['va-site-a', 'va-site-b', 'va-site-c'];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'plexus-federated-'));
  await linkNodeModules(root);
  const dirs = [
    ...(await Promise.all(
      // The trial has only 9 censored patients, two or three per site: a default policy (5) would
      // withhold every site's hazard ratio (n − events too small), so these sites publish from 1 on
      // and R's per-site numbers can be compared. va-site-default shows the default at work.
      SITES.map((id, site) =>
        writeSiteProduct(root, id, { keep: (index) => index % 3 === site, minCellCount: 1 }),
      ),
    )),
    await writeSiteProduct(root, 'va-site-default', { keep: (index) => index % 3 === 1 }),
    await writeSiteProduct(root, 'va-site-closed', { keep: () => true, federated: false }),
    await writeSiteProduct(root, 'va-site-strict', { keep: (index) => index % 3 === 0, minCellCount: 11 }),
    await writeSiteProduct(root, 'va-site-slow', { keep: (index) => index % 3 === 1, slow: true }),
  ];
  for (const dir of dirs)
    await buildSnapshot(dir, { snapshotRoot: join(root, 'snapshots', dir.split('/').at(-1) ?? '') });
  registry = await openProducts(dirs, { dataDir: join(root, 'snapshots') });
  app = await createServer({ registry, gatekeeper: await testGatekeeper() });
  const csv = await readFile(join(root, 'va-site-closed', 'data', 'veteran.csv'), 'utf8');
  rows = csv
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
}, 180_000);

afterAll(async () => {
  await app?.close();
  await registry?.close();
  await rm(root, { recursive: true, force: true });
});

async function federated(body: Record<string, unknown>) {
  const response = await app.inject({ method: 'POST', url: '/api/v1/federated/runs', payload: body });
  expect(response.statusCode).toBe(200);
  return response.json().federatedRun;
}

describe('a federated run on one node', () => {
  it('sums counts across sites to the whole trial when every cell passes the threshold', async () => {
    const run = await federated({
      sites: SITES.map((product) => ({ product })),
      protocol: 'federated-counts',
      params: { rows: 'cell_type' },
    });
    expect(run.status).toBe('succeeded');
    expect(run.sites.map((site: { status: string }) => site.status)).toEqual(['ok', 'ok', 'ok']);
    const counts = run.result.blocks.find((block: { id: string }) => block.id === 'counts');
    expect(counts).toBeDefined();
    const column = counts.columns.findIndex((candidate: { id: string }) => candidate.id === 'count');
    const summed = new Map<string, number>(counts.rows.map((row: unknown[]) => [row[0], row[column]]));
    expect([...summed.values()].reduce((sum, count) => sum + count, 0)).toBe(rows.length);
    for (const row of rows) {
      const level = (row[1] ?? '').replaceAll('"', '');
      expect(summed.get(level), level).toBe(rows.filter((other) => other[1] === row[1]).length);
    }
    for (const row of run.sites) expect(row.answer.withheld).toBe(0);
  });

  it('suppresses small cells at the site that asks for it, with secondary suppression', async () => {
    const run = await federated({
      sites: [{ product: 'va-site-strict' }],
      protocol: 'federated-counts',
      params: { rows: 'cell_type', columns: 'arm' },
    });
    const answer = run.sites[0].answer;
    const published = answer.aggregates.counts.flat();
    expect(published.some((count: number | null) => count === null)).toBe(true);
    for (const count of published) if (count !== null) expect(count === 0 || count >= 11).toBe(true);
    expect(answer.withheld).toBeGreaterThanOrEqual(2);
    const suppression = answer.aggregates.suppression.flat();
    expect(suppression).toContain('primary');
  });

  it("pools the sites' Cox hazard ratios as R does, close to the single-data estimate", async () => {
    const run = await federated({
      sites: SITES.map((product) => ({ product })),
      protocol: 'federated-cox',
      params: { groupBy: 'arm' },
    });
    expect(run.status).toBe('succeeded');
    const estimates = run.sites.map(
      (site: { answer: { aggregates: { estimates: Array<{ estimate: number }> } } }) =>
        site.answer.aggregates.estimates[0]?.estimate,
    );
    expect(veteranCox).toBeDefined();
    const fixed = run.result.blocks.find((block: { id: string }) => block.id === 'fixed-effect');
    const logFixed = Math.log(fixed.value);
    expect(Math.abs(logFixed - (veteranCox?.fixed.estimate ?? 0))).toBeLessThan(1e-6);
    expect(Math.abs(logFixed - reference.pooledCox.coef)).toBeLessThan(reference.pooledCox.se);
    expect(estimates).toHaveLength(3);
  });

  it("withholds a site's estimate that rests on small counts, and says so", async () => {
    const run = await federated({
      sites: [{ product: 'va-site-a' }, { product: 'va-site-default' }],
      protocol: 'federated-cox',
      params: { groupBy: 'arm' },
    });
    expect(run.sites.map((site: { status: string }) => site.status)).toEqual(['ok', 'suppressed']);
    expect(run.sites[1].answer.reasons.join(' ')).toContain('fewer than 5 entities without the event');
    // The site's status line says why, as the page shows it.
    expect(run.sites[1].message).toMatch(
      /^disclosure control withheld every value: .*fewer than 5 entities without the event/,
    );
    expect(run.sites[1].answer.aggregates.estimates[0].estimate).toBeNull();
  });

  it('reports a site that does not take part as denied, and one that is too slow as timed out', async () => {
    const started = Date.now();
    const run = await federated({
      sites: [
        { product: 'va-site-a' },
        { product: 'va-site-closed' },
        { product: 'va-site-slow' },
        { product: 'nowhere' },
      ],
      protocol: 'federated-counts',
      params: { rows: 'cell_type' },
      timeoutSeconds: 2,
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.sites.map((site: { status: string }) => site.status)).toEqual([
      'ok',
      'denied',
      'timeout',
      'denied',
    ]);
    expect(run.sites[1].message).toContain('does not take part in federated questions');
    expect(run.status).toBe('succeeded');
  }, 30_000);
});
