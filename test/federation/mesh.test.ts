import { generateKeyPair } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { mintNodeToken, nodeKeyFromPrivatePem } from '@plexus/mesh';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NodeProcess, startNode } from '../reproducibility/nodeProcess.ts';
import { linkNodeModules, writeSiteProduct } from './siteProducts.ts';

/**
 * The mesh end to end, with a node process per site on loopback: node-1 coordinates and holds one part
 * of a real trial, node-2 and node-3 the others. A federated meta-analysis across the three nodes
 * gives what it gives on one node; a node killed mid-run is reported within the deadline while the
 * others answer; a node token signed with a key the mesh does not know is refused.
 */
const ADMIN = `tok_meshcoordinator.${'c'.repeat(40)}`;
const NODES = ['node-1', 'node-2', 'node-3'] as const;

let root: string;
const nodes = new Map<string, NodeProcess>();
const ports = new Map<string, number>();

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function meshConfig(self: string): string {
  const url = (id: string) => `http://127.0.0.1:${ports.get(id)}`;
  return `apiVersion: plexus.dev/v1
kind: Mesh
node:
  id: ${self}
  url: ${url(self)}
trust:
  nodes:
${NODES.filter((id) => id !== self)
  .map((id) => `    - id: ${id}\n      url: ${url(id)}`)
  .join('\n')}
  issuers: []
`;
}

async function start(id: string, products: string[]): Promise<NodeProcess> {
  const config = join(root, `${id}.mesh.yaml`);
  await writeFile(config, meshConfig(id));
  const node = await startNode(
    products[0] as string,
    join(root, `${id}-data`),
    { PLEXUS_ADMIN_TOKEN: ADMIN },
    ['--mesh', config, '--port', String(ports.get(id)), ...products.slice(1)],
  );
  nodes.set(id, node);
  return node;
}

/** A federated run's answer, explored field by field by the assertions. */
// biome-ignore lint/suspicious/noExplicitAny: the assertions check the shape; a type would only repeat them.
type Json = Record<string, any>;

async function federated(body: Record<string, unknown>) {
  const response = await fetch(`${nodes.get('node-1')?.base}/api/v1/federated/runs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { federatedRun: Json }).federatedRun;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'plexus-mesh-'));
  await linkNodeModules(root);
  for (const id of NODES) ports.set(id, await freePort());
  const sites = await Promise.all(
    ['va-site-a', 'va-site-b', 'va-site-c'].map((id, site) =>
      writeSiteProduct(root, id, { keep: (index) => index % 3 === site, minCellCount: 1 }),
    ),
  );
  const slow = await writeSiteProduct(root, 'va-site-slow', { keep: (index) => index % 3 === 2, slow: true });
  await Promise.all([
    start('node-1', [sites[0] as string]),
    start('node-2', [sites[1] as string]),
    start('node-3', [sites[2] as string, slow]),
  ]);
}, 240_000);

afterAll(async () => {
  for (const node of nodes.values()) await node.stop();
  await rm(root, { recursive: true, force: true });
});

describe('a mesh of three node processes', () => {
  it('pools hazard ratios across nodes exactly as on one node', async () => {
    const run = await federated({
      sites: [
        { product: 'va-site-a' },
        { product: 'va-site-b', node: 'node-2' },
        { product: 'va-site-c', node: 'node-3' },
      ],
      protocol: 'federated-cox',
      params: { groupBy: 'arm' },
    });
    expect(run.sites.map((site: { status: string }) => site.status)).toEqual(['ok', 'ok', 'ok']);
    const fixed = run.result.blocks.find((block: { id: string }) => block.id === 'fixed-effect');
    // R: meta-analysis of coxph per site (site = row mod 3), packages/stats/test/reference/meta.json.
    expect(Math.abs(Math.log(fixed.value) - 0.04766633895660561)).toBeLessThan(1e-6);
    expect(run.sites[1].answer.node).toBe('node-2');
  }, 60_000);

  it('sums counts across nodes, and reports a site that does not exist there as denied', async () => {
    const run = await federated({
      sites: [
        { product: 'va-site-a' },
        { product: 'va-site-b', node: 'node-2' },
        { product: 'va-site-c', node: 'node-3' },
        { product: 'va-site-a', node: 'node-2' },
      ],
      protocol: 'federated-counts',
      params: { rows: 'arm' },
    });
    expect(run.sites.map((site: { status: string }) => site.status)).toEqual(['ok', 'ok', 'ok', 'denied']);
    const counts = run.result.blocks.find((block: { id: string }) => block.id === 'counts');
    const column = counts.columns.findIndex((candidate: { id: string }) => candidate.id === 'count');
    // The whole trial: 69 patients on the standard arm, 68 on the test arm.
    expect(counts.rows.map((row: unknown[]) => [row[0], row[column]])).toEqual([
      ['standard', 69],
      ['test', 68],
    ]);
  }, 60_000);

  it('reports a node killed mid-run within its deadline while the others answer', async () => {
    const started = Date.now();
    const asked = federated({
      sites: [
        { product: 'va-site-a' },
        { product: 'va-site-b', node: 'node-2' },
        { product: 'va-site-slow', node: 'node-3' },
      ],
      protocol: 'federated-counts',
      params: { rows: 'arm' },
      timeoutSeconds: 10,
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await nodes.get('node-3')?.kill();
    const run = await asked;
    expect(Date.now() - started).toBeLessThan(11_000);
    expect(run.sites.map((site: { status: string }) => site.status)).toEqual(['ok', 'ok', 'error']);
    expect(run.sites[2].message).toContain('node-3');
    expect(run.status).toBe('succeeded');
  }, 60_000);

  it('refuses a node token signed with a key the mesh does not know', async () => {
    const { privateKey } = await promisify(generateKeyPair)('ed25519', {
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const forger = await nodeKeyFromPrivatePem(privateKey as unknown as string);
    const token = await mintNodeToken(forger, {
      issuer: 'node-1',
      audience: 'node-2',
      user: { subject: 'local:admin', issuer: 'urn:plexus:local' },
    });
    const response = await fetch(`${nodes.get('node-2')?.base}/api/v1/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { details: Array<{ found: string }> } };
    expect(body.error.details[0]?.found).toBe('bad-signature');
  });
});
