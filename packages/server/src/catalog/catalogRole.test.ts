import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type CatalogSearchResult,
  jwks,
  LOCAL_USER_ISSUER,
  loadOrCreateNodeKey,
  type NodeKeyStore,
  signEntry,
  verifyEntry,
} from '@plexus/mesh';
import type { ProductRegistry, ProductService } from '@plexus/runtime';
import type { CatalogEntry, MeshConfig } from '@plexus/spec';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import jsonld from 'jsonld';
import { Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SqliteControlStore } from '../control/SqliteControlStore.ts';
import { createServer } from '../createServer.ts';
import { StoreGatekeeper } from '../gatekeeper/Gatekeeper.ts';
import { MeshCallError } from '../mesh/MeshCallError.ts';
import type { NodeMesh } from '../mesh/NodeMesh.ts';
import { openNodeMesh } from '../mesh/openNodeMesh.ts';
import { createFakeRegistry, FAKE_DESCRIPTOR } from '../testing/fakeRegistry.ts';
import { registryOf } from '../testing/registryOf.ts';
import { catalogEntriesOf } from './catalogEntriesOf.ts';
import { openCatalogStore } from './openCatalogStore.ts';

// ajv-formats is CommonJS with a default export; under NodeNext the callable sits on .default.
type AddFormats = (instance: Ajv2020) => Ajv2020;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ??
  addFormatsModule) as unknown as AddFormats;
const schemas = new URL('../../../mesh/src/catalog/schemas/', import.meta.url);
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validateOdps = ajv.compile(JSON.parse(readFileSync(new URL('odps-4.1.schema.json', schemas), 'utf8')));
const shapes = new Store(
  new Parser().parse(readFileSync(new URL('dcat-ap-3.0.0-SHACL.excerpt.ttl', schemas), 'utf8')),
);
const offline = async (url: string): Promise<never> => {
  throw new Error(`no network in tests: ${url}`);
};

/** The catalog's heartbeat interval: entries are stale 3 intervals after their node's last sign of life. */
const CATALOG_INTERVAL_MS = 400;
const PUBLISH_INTERVAL_MS = 100;

const base = createFakeRegistry().list()[0] as ProductService;

/** The fake product under another id, with its own description, visibility and disclosure section. */
function productLike(
  id: string,
  changes: {
    title: string;
    domain: string;
    tags: string[];
    count?: number;
    visibility?: 'public' | 'private';
    minCellCount?: number;
  },
): ProductService {
  const entity = { ...FAKE_DESCRIPTOR.entity, count: changes.count ?? FAKE_DESCRIPTOR.entity.count };
  return {
    ...base,
    id,
    descriptor: () => ({
      ...FAKE_DESCRIPTOR,
      id,
      title: changes.title,
      domain: changes.domain,
      tags: changes.tags,
      entity,
    }),
    accessDefaults: () => ({ visibility: changes.visibility ?? 'public', everyone: 'viewer' }),
    disclosure: () =>
      changes.minCellCount !== undefined ? { minCellCount: changes.minCellCount } : undefined,
  };
}

async function freePort(): Promise<number> {
  const server = createHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface TestNode {
  id: string;
  url: string;
  app: FastifyInstance;
  gatekeeper: StoreGatekeeper;
  mesh: NodeMesh;
}

async function startNode(
  config: MeshConfig,
  dir: string,
  registry: ProductRegistry,
  role: 'catalog' | 'publisher',
): Promise<TestNode> {
  const id = config.node.id;
  const mesh = await openNodeMesh({ config, dataDir: join(dir, id), callTimeoutMs: 5_000 });
  const gatekeeper = new StoreGatekeeper(await SqliteControlStore.open(':memory:'), {
    nodeTokens: mesh.verifier,
    nodeGroupIssuers: config.trust.issuers,
  });
  const app = await createServer({
    registry,
    gatekeeper,
    mesh,
    rateLimit: false,
    ...(role === 'catalog'
      ? { catalog: { store: openCatalogStore(join(dir, id)), heartbeatIntervalMs: CATALOG_INTERVAL_MS } }
      : { catalogPublishing: { intervalMs: PUBLISH_INTERVAL_MS } }),
  });
  const port = Number(new URL(config.node.url).port);
  await app.listen({ port, host: '127.0.0.1' });
  return { id, url: config.node.url, app, gatekeeper, mesh };
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 8_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a catalog node and the nodes publishing to it', () => {
  let dir: string;
  let catalog: TestNode;
  let a: TestNode;
  let b: TestNode;
  let stranger: NodeKeyStore;

  const search = async (query = ''): Promise<CatalogSearchResult> => {
    const response = await fetch(`${catalog.url}/api/v1/catalog/search${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as CatalogSearchResult;
  };
  const publishAsA = (entries: string[]) =>
    a.mesh.client.call(
      catalog.id,
      'POST',
      '/api/v1/catalog/entries',
      { entries },
      {
        user: { subject: 'test', issuer: LOCAL_USER_ISSUER, groups: [] },
      },
    );
  const refusal = async (promise: Promise<unknown>): Promise<MeshCallError> => {
    try {
      await promise;
    } catch (error) {
      if (error instanceof MeshCallError) return error;
      throw error;
    }
    throw new Error('the call succeeded');
  };
  const entryOfA = async (id: string): Promise<CatalogEntry> => {
    const entries = await catalogEntriesOf(registryOfA, a.gatekeeper.store, {
      node: { id: a.id, url: a.url },
    });
    const entry = entries.find((candidate) => candidate.id === id);
    if (!entry) throw new Error(`no entry ${id}`);
    return entry;
  };

  const registryOfA = registryOf([
    productLike('lung-trial', { title: 'Lung cancer trial', domain: 'oncology', tags: ['lung', 'survival'] }),
    productLike('rare-registry', {
      title: 'Rare disease registry',
      domain: 'genetics',
      tags: ['rare disease'],
      count: 3,
    }),
    productLike('secret-trial', {
      title: 'A private trial',
      domain: 'oncology',
      tags: ['lung'],
      visibility: 'private',
    }),
  ]);
  const registryOfB = registryOf([
    productLike('heart-study', {
      title: 'Heart failure cohort',
      domain: 'cardiology',
      tags: ['heart failure', 'survival'],
      minCellCount: 200,
    }),
  ]);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plexus-catalog-'));
    const [pc, pa, pb] = [await freePort(), await freePort(), await freePort()];
    const urls = {
      catalog: `http://127.0.0.1:${pc}`,
      a: `http://127.0.0.1:${pa}`,
      b: `http://127.0.0.1:${pb}`,
    };
    const config = (
      id: string,
      url: string,
      trusted: Array<{ id: string; url: string }>,
      catalogUrl?: string,
    ) =>
      ({
        apiVersion: 'plexus.dev/v1',
        kind: 'Mesh',
        node: { id, url },
        ...(catalogUrl ? { catalog: catalogUrl } : {}),
        trust: { nodes: trusted, issuers: [] },
      }) as MeshConfig;
    // The catalog trusts the publishing nodes (their calls, their keys); they address it as a node of theirs.
    catalog = await startNode(
      config('catalog', urls.catalog, [
        { id: 'node-a', url: urls.a },
        { id: 'node-b', url: urls.b },
      ]),
      dir,
      registryOf([]),
      'catalog',
    );
    const toCatalog = [{ id: 'catalog', url: urls.catalog }];
    a = await startNode(config('node-a', urls.a, toCatalog, urls.catalog), dir, registryOfA, 'publisher');
    b = await startNode(config('node-b', urls.b, toCatalog, urls.catalog), dir, registryOfB, 'publisher');
    stranger = await loadOrCreateNodeKey(join(dir, 'stranger'));
  });

  afterAll(async () => {
    for (const node of [a, b, catalog]) {
      // The three nodes call one another with keep-alive connections; one caught mid-request by the
      // shutdown of the node it came from could hold a closing server open. Shutdown is not what this
      // file tests (test/e2e/serve.test.ts does, on SIGTERM): end every connection first.
      node?.app.server.closeAllConnections();
      await node?.app.close();
      await node?.gatekeeper.store.close();
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('lists the public products of both nodes, searchable, with facets', async () => {
    const all = await until(search, (result) => result.total === 3);
    expect(all.results.map((hit) => `${hit.node.id}/${hit.id}`).sort()).toEqual([
      'node-a/lung-trial',
      'node-a/rare-registry',
      'node-b/heart-study',
    ]);
    expect(all.results.every((hit) => hit.stale === false)).toBe(true);
    expect(all.facets.domain).toEqual([
      { value: 'cardiology', count: 1 },
      { value: 'genetics', count: 1 },
      { value: 'oncology', count: 1 },
    ]);
    expect(all.facets.tag).toContainEqual({ value: 'survival', count: 2 });
    expect(all.facets.modality).toEqual([{ value: 'matrix', count: 3 }]);

    const survival = await search('?q=surv&tag=survival&limit=10');
    expect(survival.results.map((hit) => hit.id).sort()).toEqual(['heart-study', 'lung-trial']);
    const oncology = await search('?domain=oncology&domain=cardiology');
    expect(oncology.total).toBe(2);
    // Drill-down: the domain facet still shows every domain.
    expect(oncology.facets.domain).toHaveLength(3);

    const bad = await fetch(`${catalog.url}/api/v1/catalog/search?limit=many`);
    expect(bad.status).toBe(400);
    expect((await fetch(`${catalog.url}/api/v1/catalog/search?limit=500`)).status).toBe(400);
  });

  it('never publishes a private product, and withdraws one made private', async () => {
    const hits = (await search('?includeStale=true')).results;
    expect(hits.map((hit) => hit.id)).not.toContain('secret-trial');
    expect((await fetch(`${catalog.url}/api/v1/catalog/entries/node-a/secret-trial`)).status).toBe(404);

    await a.gatekeeper.store.setProductAccess({
      productId: 'rare-registry',
      visibility: 'private',
      owners: [],
    });
    const after = await until(search, (result) => result.total === 2);
    expect(after.results.map((hit) => hit.id).sort()).toEqual(['heart-study', 'lung-trial']);
    await a.gatekeeper.store.setProductAccess({
      productId: 'rare-registry',
      visibility: 'public',
      owners: [],
    });
    expect((await until(search, (result) => result.total === 3)).total).toBe(3);
  });

  it("publishes counts through the product's disclosure control", async () => {
    const rare = await until(
      async () => (await fetch(`${catalog.url}/api/v1/catalog/entries/node-a/rare-registry`)).json(),
      (body) => (body as { entry?: unknown }).entry !== undefined,
    );
    expect((rare as { entry: CatalogEntry }).entry.entity).toMatchObject({
      count: null,
      disclosure: { minCellCount: 5, suppressed: true },
    });
    const heart = (await (
      await fetch(`${catalog.url}/api/v1/catalog/entries/node-b/heart-study`)
    ).json()) as {
      entry: CatalogEntry;
    };
    expect(heart.entry.entity).toMatchObject({
      count: null,
      disclosure: { minCellCount: 200, suppressed: true },
    });
    const lung = (await (await fetch(`${catalog.url}/api/v1/catalog/entries/node-a/lung-trial`)).json()) as {
      entry: CatalogEntry;
    };
    expect(lung.entry.entity.count).toBe(137);
  });

  it('serves each entry with the JWS its node signed, which verifies against that node’s keys', async () => {
    const response = await fetch(`${catalog.url}/api/v1/catalog/entries/node-a/lung-trial`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { entry: CatalogEntry; jws: string; stale: boolean };
    expect(body.stale).toBe(false);
    const { entry } = await verifyEntry(body.jws, jwks(a.mesh.keys));
    expect(entry).toEqual(body.entry);
    expect(entry.node).toEqual({ id: 'node-a', url: a.url });
    expect((await fetch(`${catalog.url}/api/v1/catalog/entries/node-c/lung-trial`)).status).toBe(404);
  });

  it('refuses entries signed with another key, tampered entries and entries of another node', async () => {
    const entry = await entryOfA('lung-trial');
    const forged = await refusal(
      publishAsA([await signEntry(entry, stranger.current.privateKey, stranger.current.kid)]),
    );
    expect(forged).toMatchObject({ kind: 'error', status: 400 });
    expect(forged.message).toContain('signature does not verify');

    const good = await signEntry(entry, a.mesh.keys.current.privateKey, a.mesh.keys.current.kid);
    const [header, , signature] = good.split('.');
    const changed = { ...entry, entity: { ...entry.entity, count: 1370 } };
    const payload = Buffer.from(JSON.stringify(changed)).toString('base64url');
    const tampered = await refusal(publishAsA([`${header}.${payload}.${signature}`]));
    expect(tampered).toMatchObject({ kind: 'error', status: 400 });

    const ofB = { ...entry, node: { id: 'node-b', url: b.url } };
    const foreign = await refusal(
      publishAsA([await signEntry(ofB, a.mesh.keys.current.privateKey, a.mesh.keys.current.kid)]),
    );
    expect(foreign).toMatchObject({ kind: 'refused', status: 403 });
    expect(foreign.message).toContain('publishes only its own');

    const twice = await refusal(publishAsA([good, good]));
    expect(twice).toMatchObject({ status: 400 });
    // Nothing of a refused list was taken: A's entries are as A published them.
    const lung = (await (await fetch(`${catalog.url}/api/v1/catalog/entries/node-a/lung-trial`)).json()) as {
      entry: CatalogEntry;
    };
    expect(lung.entry.entity.count).toBe(137);
  });

  it('lets only nodes of the mesh publish or send heartbeats', async () => {
    for (const path of ['/api/v1/catalog/entries', '/api/v1/catalog/heartbeat']) {
      const response = await fetch(`${catalog.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ entries: [] }),
      });
      expect(response.status, path).toBe(401);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('UNAUTHENTICATED');
      expect(body.error.message).toContain('only the nodes of the mesh');
    }
    expect((await search()).total).toBe(3);
  });

  it('serves the ODPS and DCAT exports with their media types, valid against the published schemas', async () => {
    const odps = await fetch(`${catalog.url}/api/v1/catalog/entries/node-a/lung-trial/odps.yaml`);
    expect(odps.status).toBe(200);
    expect(odps.headers.get('content-type')).toMatch(/^application\/yaml/);
    const document = parse(await odps.text());
    expect(validateOdps(document), ajv.errorsText(validateOdps.errors)).toBe(true);
    expect(document.product.details.en.productID).toBe('lung-trial');

    const dcat = await fetch(`${catalog.url}/api/v1/catalog/entries/node-b/heart-study/dcat.jsonld`);
    expect(dcat.status).toBe(200);
    expect(dcat.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    const graph = (await dcat.json()) as jsonld.JsonLdDocument;
    const nquads = (await jsonld.toRDF(graph, {
      documentLoader: offline,
      format: 'application/n-quads',
    } as unknown as jsonld.Options.ToRdf)) as unknown as string;
    const report = await new SHACLValidator(shapes).validate(
      new Store(new Parser({ format: 'N-Quads' }).parse(nquads)),
    );
    expect(report.results.map((result) => result.message.map((m) => m.value).join())).toEqual([]);
    expect(report.conforms).toBe(true);
    expect((await fetch(`${catalog.url}/api/v1/catalog/entries/node-b/nothing/odps.yaml`)).status).toBe(404);
  });

  it('flags the entries of a node that stopped sending heartbeats as stale, and hides them', async () => {
    await b.app.close();
    const result = await until(
      () => search('?includeStale=true'),
      (found) => found.results.some((hit) => hit.node.id === 'node-b' && hit.stale),
    );
    const stale = result.results.filter((hit) => hit.stale).map((hit) => `${hit.node.id}/${hit.id}`);
    expect(stale).toEqual(['node-b/heart-study']);
    const fresh = await search();
    expect(fresh.results.map((hit) => hit.id).sort()).toEqual(['lung-trial', 'rare-registry']);
    expect(fresh.facets.domain.map((facet) => facet.value)).not.toContain('cardiology');
    const entry = (await (
      await fetch(`${catalog.url}/api/v1/catalog/entries/node-b/heart-study`)
    ).json()) as {
      stale: boolean;
    };
    expect(entry.stale).toBe(true);
  });
});
