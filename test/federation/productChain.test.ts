import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NodeProcess, startNode } from '../reproducibility/nodeProcess.ts';
import { linkNodeModules } from './siteProducts.ts';

/**
 * Products calling products (ctx.mesh) across two node processes. `lab` is the mesh catalog and serves
 * the trial registry plus two small test products (`peer`, public; `secret`, private); `hub` serves
 * the adverse-event reports, the health-economics table and a test product that asks across. The drug
 * safety profile on hub asks the registry on lab (found through the catalog) and the cost table on hub
 * itself, for the same user, in the same trace, with every callee's versions in its provenance.
 */
const ADMIN = `tok_chaincoordinator.${'d'.repeat(40)}`;
const REPO = resolve(import.meta.dirname, '../..');
const FIXTURES = join(REPO, 'packages/runtime/test/fixtures');
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

let root: string;
const nodes = new Map<string, NodeProcess>();
const ports = new Map<string, number>();

// biome-ignore lint/suspicious/noExplicitAny: the assertions check the shape; a type would only repeat them.
type Json = Record<string, any>;

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const url = (id: string) => `http://127.0.0.1:${ports.get(id)}`;

function meshConfig(self: string, other: string, catalog?: string): string {
  return `apiVersion: plexus.dev/v1
kind: Mesh
node: { id: ${self}, url: ${url(self)} }
${catalog ? `catalog: ${url(catalog)}\n` : ''}trust:
  nodes:
    - { id: ${other}, url: ${url(other)} }
  issuers: []
`;
}

/** A copy of a fixture product under another id, public or private. */
async function fixtureProduct(
  fixture: string,
  id: string,
  visibility: 'public' | 'private',
): Promise<string> {
  const dir = join(root, id);
  await cp(join(FIXTURES, fixture), dir, {
    recursive: true,
    filter: (source) => !source.includes('.plexus'),
  });
  const yaml = await readFile(join(dir, 'product.yaml'), 'utf8');
  await writeFile(
    join(dir, 'product.yaml'),
    `${yaml.replace(/^id: .*$/m, `id: ${id}`)}access: { visibility: ${visibility}${visibility === 'public' ? ', everyone: analyst' : ''} }\n`,
  );
  return dir;
}

async function start(id: string, products: string[], args: string[]): Promise<void> {
  const node = await startNode(
    products[0] as string,
    join(root, `${id}-data`),
    // Heartbeats every 2 s: the catalog hears of a restart at once.
    { PLEXUS_ADMIN_TOKEN: ADMIN, PLEXUS_CATALOG_HEARTBEAT_SECONDS: '2', PLEXUS_LOG_LEVEL: 'info' },
    ['--port', String(ports.get(id)), ...args, ...products.slice(1)],
  );
  nodes.set(id, node);
}

async function api(node: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${nodes.get(node)?.base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${ADMIN}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

const block = (result: Json, id: string) => result.blocks.find((candidate: Json) => candidate.id === id);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'plexus-chain-'));
  await linkNodeModules(root);
  for (const id of ['hub', 'lab']) ports.set(id, await freePort());
  const peer = await fixtureProduct('misbehaving', 'peer', 'public');
  const secret = await fixtureProduct('misbehaving', 'secret', 'private');
  const asking = await fixtureProduct('calling', 'asking', 'public');
  await writeFile(
    join(asking, 'protocols', 'asks-across.yaml'),
    'apiVersion: plexus.dev/v1\nkind: Protocol\nid: asks-across\nversion: 1.0.0\ntitle: asks-across\ndescription: Asks products of another node.\ncategory: testing\nparameters: {}\nplugin: { module: plugins/calls.ts, export: asksAcross }\nlimits: { timeoutSeconds: 30 }\n',
  );
  await writeFile(join(root, 'lab.mesh.yaml'), meshConfig('lab', 'hub'));
  await writeFile(join(root, 'hub.mesh.yaml'), meshConfig('hub', 'lab', 'lab'));
  // The catalog first: hub finds the registry through it.
  await start(
    'lab',
    [join(REPO, 'products/trial-registry'), peer, secret],
    ['--mesh', join(root, 'lab.mesh.yaml'), '--catalog'],
  );
  await start(
    'hub',
    [join(REPO, 'products/adverse-event-reports'), join(REPO, 'products/health-economics'), asking],
    ['--mesh', join(root, 'hub.mesh.yaml')],
  );
}, 300_000);

afterAll(async () => {
  for (const node of nodes.values()) await node.stop();
  await rm(root, { recursive: true, force: true });
});

describe('products calling products across nodes', () => {
  it('answers the drug safety profile from three products on two nodes, for the same user, in one trace', async () => {
    const traceparent = `00-${TRACE_ID}-00f067aa0ba902b7-01`;
    const { status, body } = await api(
      'hub',
      '/api/v1/products/adverse-event-reports/protocols/drug-safety-profile/runs',
      { params: { drug: 'metformin' } },
      { traceparent },
    );
    expect(status).toBe(200);
    expect(body.run.status, JSON.stringify(body.run.error)).toBe('succeeded');
    const result = body.run.result;
    // Every metformin trial of the registry on lab (66 in trials.csv), and the cost of lactic acidosis.
    expect(block(result, 'trial-count').value).toBe(66);
    const signals = block(result, 'signals');
    const column = (id: string) => signals.columns.findIndex((candidate: Json) => candidate.id === id);
    const lactic = signals.rows.find((row: unknown[]) => row[0] === 'Lactic acidosis');
    expect(lactic[column('icd10')]).toBe('E87.2');
    expect(lactic[column('mean_cost')]).toBe(25139);

    const calls = result.provenance.calls as Json[];
    expect(calls.map((call) => [call.kind, call.node, call.product.id])).toEqual([
      ['run', 'lab', 'trial-registry'],
      ['cohort-count', 'lab', 'trial-registry'],
      ['run', null, 'health-economics'],
    ]);
    const registry = (await api('lab', '/api/v1/products/trial-registry')).body.product;
    expect(calls[0]).toMatchObject({
      product: { id: 'trial-registry', version: registry.version },
      protocol: { id: 'trial-listing', version: '1.0.0' },
      dataVersion: registry.dataVersion,
    });
    expect(calls[2]?.error).toBeUndefined();

    // lab saw hub's calls for hub's user, in the trace of the request to hub.
    expect(nodes.get('lab')?.output()).toContain(TRACE_ID);
    const labAudit = (await api('lab', '/api/v1/audit?productId=trial-registry')).body;
    const fromHub = labAudit.entries.filter((entry: Json) => entry.tokenId === 'node:hub');
    expect(fromHub.map((entry: Json) => entry.action).sort()).toEqual(['countCohort', 'runProtocol']);
    // hub ran its own cost table as a run of the same user, and audited it as a call.
    const hubAudit = (await api('hub', '/api/v1/audit?productId=health-economics')).body;
    expect(hubAudit.entries.map((entry: Json) => entry.action)).toContain('mesh.runProtocol');
    const costRuns = (await api('hub', '/api/v1/runs?productId=health-economics')).body;
    expect(costRuns.runs.map((run: Json) => run.protocolId)).toContain('cost-table');
  }, 120_000);

  it('does not answer a profile from a stored result: the products it asks may have changed', async () => {
    const again = await api(
      'hub',
      '/api/v1/products/adverse-event-reports/protocols/drug-safety-profile/runs',
      {
        params: { drug: 'metformin' },
      },
    );
    expect(again.body.run.status).toBe('succeeded');
    expect(again.body.run.reusedFrom ?? null).toBeNull();
  }, 120_000);

  it('lets the other node apply its own grants, and gives up on a callee that is too slow', async () => {
    const { body } = await api('hub', '/api/v1/products/asking/protocols/asks-across/runs', {});
    expect(body.run.status, JSON.stringify(body.run.error)).toBe('succeeded');
    const result = body.run.result;
    expect(block(result, 'run').text).toBe('uses data');
    expect(block(result, 'count').text).toBe('3 people');
    // `secret` is private on lab: hub's user has no grant there, so it does not exist for them.
    expect(block(result, 'secret').text).toBe('MESH_NOT_FOUND');
    expect(block(result, 'slow').text).toBe('MESH_TIMEOUT');
    expect(
      result.provenance.calls.map((call: Json) => [call.node, call.product.id, call.error?.code ?? 'ok']),
    ).toEqual([
      ['lab', 'peer', 'ok'],
      ['lab', 'peer', 'ok'],
      ['lab', 'secret', 'MESH_NOT_FOUND'],
      ['lab', 'peer', 'MESH_TIMEOUT'],
    ]);
  }, 60_000);

  it('serves the profile although its test needs a product of another node: that case is skipped at start', async () => {
    const { body } = await api('hub', '/api/v1/products/adverse-event-reports');
    const { tests } = body.product;
    expect(tests.status).toBe('passed');
    expect(tests.skipped).toBeGreaterThanOrEqual(1);
  });
});
