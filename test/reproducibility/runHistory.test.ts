import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../validate/runCli.ts';
import { type NodeProcess, startNode } from './nodeProcess.ts';
import { SLOW_PLUGIN, SLOW_PROTOCOL } from './slowPlugin.ts';

/**
 * Issue-level checks of reproducibility on real node processes: the same request twice gives the same
 * bytes; a run is recalled exactly after the node is killed and restarted; after the data changes, a
 * re-run names the new data version and shows the differences, and a re-run pinned to the original
 * versions gives the original bytes again; long runs answer 202, stream progress and can be cancelled.
 */
const EXAMPLE = resolve(import.meta.dirname, '../../products/va-lung-trial');
const ADMIN_TOKEN = `tok_reproducibility.${'s'.repeat(40)}`;
const ENV = { PLEXUS_ADMIN_TOKEN: ADMIN_TOKEN, PLEXUS_NODE_NAME: 'node-under-test' };

let root: string;
let productDir: string;
let dataDir: string;
let node: NodeProcess;

/** A JSON answer, explored field by field by the assertions. */
// biome-ignore lint/suspicious/noExplicitAny: the assertions check the shape; the type would only repeat them.
type Json = Record<string, any>;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

async function call(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Json; headers: Headers; text: string }> {
  const response = await fetch(`${node.base}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...auth,
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {}, headers: response.headers, text };
}

const runKm = (body: Record<string, unknown>, headers?: Record<string, string>) =>
  call('/api/v1/products/va-lung-trial/protocols/kaplan-meier/runs', {
    body: { params: { groupBy: 'cell_type' }, ...body },
    ...(headers ? { headers } : {}),
  });

const resultBytes = async (runId: string) => {
  const response = await call(`/api/v1/runs/${runId}/result`);
  expect(response.status).toBe(200);
  return response.text;
};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'plexus-repro-'));
  productDir = join(root, 'va-lung-trial');
  dataDir = join(root, 'data');
  await cp(EXAMPLE, productDir, {
    recursive: true,
    filter: (source) => !source.includes(`${EXAMPLE}/.plexus`),
  });
  // The copy finds Plexus's packages as a product repository would find them once installed.
  await symlink(resolve(import.meta.dirname, '../../node_modules'), join(root, 'node_modules'), 'dir');
  await writeFile(join(productDir, 'protocols', 'slow-count.yaml'), SLOW_PROTOCOL);
  await writeFile(join(productDir, 'plugins', 'slow.ts'), SLOW_PLUGIN);
  node = await startNode(productDir, dataDir, ENV);
}, 90_000);

afterAll(async () => {
  await node?.stop();
  await rm(root, { recursive: true, force: true });
});

describe('run history on a node', () => {
  let first: Json;
  let second: Json;
  let firstBytes: string;

  it('gives byte-identical results for the same request, fresh or recalled', async () => {
    const a = await runKm({ fresh: true });
    const b = await runKm({ fresh: true });
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    first = a.body.run;
    second = b.body.run;
    expect(first.status).toBe('succeeded');
    expect(b.body.run.id).not.toBe(first.id);
    expect(b.body.run.reusedFrom).toBeNull();
    firstBytes = await resultBytes(first.id);
    expect(await resultBytes(b.body.run.id)).toBe(firstBytes);
    expect(sha256(firstBytes)).toBe(first.resultHash);
    expect(b.body.run.resultHash).toBe(first.resultHash);
    // The result in the run answer is the stored document itself.
    expect(JSON.stringify(a.body.run.result)).toBe(JSON.stringify(b.body.run.result));
    expect(JSON.parse(firstBytes)).toEqual(first.result);
  });

  it('answers an identical request from the stored result unless asked for a fresh run', async () => {
    const again = await runKm({});
    // The newest run of the same request answers it.
    expect(again.body.run.reusedFrom).toBe(second.id);
    expect(again.body.run.resultHash).toBe(first.resultHash);
    expect(again.body.run.durationMs).toBe(0);
  });

  it('records every version and the resolved parameters', () => {
    expect(first.versions).toMatchObject({
      productVersion: '1.0.0',
      definitionHash: expect.stringMatching(/^[0-9a-f]{16}$/),
      dataVersion: expect.stringMatching(/^[0-9a-f]{16}$/),
      engineVersion: expect.any(String),
    });
    expect(first.protocolVersion).toBe('1.0.0');
    expect(first.pluginSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first.params).toMatchObject({ groupBy: 'cell_type', endpoint: 'os', confLevel: 0.95 });
  });

  it("lists the caller's history, filtered and paged, and refuses anonymous callers", async () => {
    const page = await call('/api/v1/runs?protocolId=kaplan-meier&limit=2');
    expect(page.status).toBe(200);
    expect(page.body.runs).toHaveLength(2);
    expect(page.body.runs[0].result).toBeUndefined();
    const rest = await call(`/api/v1/runs?protocolId=kaplan-meier&limit=2&after=${page.body.next}`);
    expect([...page.body.runs, ...rest.body.runs].map((run: { id: string }) => run.id)).toContain(first.id);
    const anonymous = await fetch(`${node.base}/api/v1/runs`);
    expect(anonymous.status).toBe(401);
  });

  it('answers a long run with 202, streams its progress and lets it be cancelled', async () => {
    const slow = '/api/v1/products/va-lung-trial/protocols/slow-count/runs';
    const accepted = await call(slow, {
      body: { params: { seconds: 2 } },
      headers: { prefer: 'respond-async' },
    });
    expect(accepted.status).toBe(202);
    expect(accepted.body.run.status).toBe('running');
    expect(accepted.headers.get('location')).toBe(`/api/v1/runs/${accepted.body.run.id}`);

    const events = await fetch(`${node.base}/api/v1/runs/${accepted.body.run.id}/events`, { headers: auth });
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    const stream = await events.text();
    expect(stream).toContain('event: status');
    expect(stream).toMatch(/event: progress\ndata: \{"fraction":0\.\d+,"message":"step \d+ of 20"\}/);
    expect(stream).toMatch(/event: finished\ndata: \{"run":\{[^\n]*"status":"succeeded"/);
    const done = await call(`/api/v1/runs/${accepted.body.run.id}`);
    expect(done.body.run.result.blocks[0]).toMatchObject({ id: 'count', value: 137 });

    const doomed = await call(slow, {
      body: { params: { seconds: 30 } },
      headers: { prefer: 'respond-async' },
    });
    const cancelled = await call(`/api/v1/runs/${doomed.body.run.id}/cancel`, { method: 'POST' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.run.status).toBe('cancelled');
    expect(cancelled.body.run.error.code).toBe('CANCELLED');
    const twice = await call(`/api/v1/runs/${doomed.body.run.id}/cancel`, { method: 'POST' });
    expect(twice.status).toBe(409);
  }, 30_000);

  it('recalls runs exactly after the node is killed, and fails the runs it left running', async () => {
    const slow = '/api/v1/products/va-lung-trial/protocols/slow-count/runs';
    const interrupted = await call(slow, {
      body: { params: { seconds: 30 } },
      headers: { prefer: 'respond-async' },
    });
    expect(interrupted.status).toBe(202);
    await node.kill();
    node = await startNode(productDir, dataDir, ENV);
    const recalled = await call(`/api/v1/runs/${first.id}`);
    expect(recalled.body.run.result).toEqual(first.result);
    expect(await resultBytes(first.id)).toBe(firstBytes);
    const lost = await call(`/api/v1/runs/${interrupted.body.run.id}`);
    expect(lost.body.run.status).toBe('failed');
    expect(lost.body.run.error.code).toBe('NODE_RESTARTED');
  }, 90_000);

  it('re-runs on new data: names the new data version and shows the differences', async () => {
    // One patient's survival time changes, as a corrected data delivery would.
    const csv = join(productDir, 'data', 'veteran.csv');
    const text = await readFile(csv, 'utf8');
    await writeFile(csv, text.replace('1,"squamous",72,1,60,7,69,0', '1,"squamous",720,1,60,7,69,0'));
    await node.stop();
    // The product's own tests pin R's numbers on the original data, so they now fail: the operator
    // serves the corrected data anyway, and the product's metadata says so.
    node = await startNode(productDir, dataDir, ENV, ['--allow-failing-tests']);
    const described = await call('/api/v1/products/va-lung-trial');
    expect(described.body.product.tests).toMatchObject({ status: 'failed', overridden: true });

    const rerun = await call(`/api/v1/runs/${first.id}/rerun`, { body: { versions: 'current' } });
    expect(rerun.status).toBe(200);
    expect(rerun.body.run.rerunOf).toBe(first.id);
    expect(rerun.body.changes.versions).toEqual([
      { name: 'dataVersion', from: first.versions.dataVersion, to: rerun.body.run.versions.dataVersion },
    ]);
    expect(rerun.body.changes.resultChanged).toBe(true);
    const { comparison } = rerun.body.changes;
    expect(comparison.identical).toBe(false);
    expect(comparison.summary.blocksChanged).toBeGreaterThan(0);
    expect(comparison.provenance.changed.map((change: { field: string }) => change.field)).toContain(
      'dataVersion',
    );

    const held = await call('/api/v1/products/va-lung-trial/versions');
    expect(held.body.current.dataVersion).toBe(rerun.body.run.versions.dataVersion);
    expect(held.body.snapshots.map((snapshot: { dataVersion: string }) => snapshot.dataVersion)).toEqual([
      rerun.body.run.versions.dataVersion,
      first.versions.dataVersion,
    ]);
    expect(
      held.body.definitions.map((definition: { definitionHash: string }) => definition.definitionHash),
    ).toEqual([first.versions.definitionHash]);

    const compared = await call(`/api/v1/runs/${first.id}/compare/${rerun.body.run.id}`);
    expect(compared.status).toBe(200);
    expect(compared.body.versions.map((change: { name: string }) => change.name)).toEqual(['dataVersion']);
    expect(compared.body.comparison).toEqual(comparison);
  }, 90_000);

  it('re-runs pinned to the original versions: identical to the original bytes', async () => {
    const pinned = await call(`/api/v1/runs/${first.id}/rerun`, { body: { versions: 'original' } });
    expect(pinned.status).toBe(200);
    expect(pinned.body.run.reusedFrom).toBeNull();
    expect(pinned.body.run.versions).toEqual(first.versions);
    expect(pinned.body.changes).toEqual({
      versions: [],
      resultChanged: false,
      comparison: expect.objectContaining({ identical: true }),
    });
    expect(await resultBytes(pinned.body.run.id)).toBe(firstBytes);
  }, 60_000);

  it('shows the history, a stored result and a re-run from the command line', async () => {
    const cli = ['--node', node.base, '--token', ADMIN_TOKEN];
    const list = await runCli(['runs', '--protocol', 'kaplan-meier', ...cli], root);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(first.id);
    expect(list.stdout).toMatch(/succeeded\s+va-lung-trial\/kaplan-meier@1\.0\.0/);
    const stored = await runCli(['runs', first.id, ...cli], root);
    expect(stored.stdout).toBe(`${firstBytes}\n`);
    const rerun = await runCli(['rerun', first.id, '--original', ...cli], root);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain('versions: the same as the original run');
    expect(rerun.stdout).toContain('result: identical, byte for byte');
    const current = await runCli(['rerun', first.id, ...cli], root);
    expect(current.stdout).toContain(`version dataVersion: ${first.versions.dataVersion} → `);
    expect(current.stdout).toMatch(/result: \d+ block\(s\) changed/);
    const refused = await runCli(['runs', ...cli.slice(0, 2)], root);
    expect(refused.code).toBe(77);
  }, 60_000);

  it('keeps other callers away from a run', async () => {
    const response = await fetch(`${node.base}/api/v1/runs/${first.id}`);
    expect(response.status).toBe(404);
  });
});
