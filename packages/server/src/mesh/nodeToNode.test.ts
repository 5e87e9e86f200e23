import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  jwks,
  LOCAL_USER_ISSUER,
  loadOrCreateNodeKey,
  localUserIssuer,
  mintNodeToken,
  type NodeKeyStore,
  type NodeTokenUser,
  NodeTokenVerifier,
} from '@plexus/mesh';
import type { MeshConfig } from '@plexus/spec';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteControlStore } from '../control/SqliteControlStore.ts';
import { createServer } from '../createServer.ts';
import { StoreGatekeeper } from '../gatekeeper/Gatekeeper.ts';
import { createFakeRegistry, FAKE_PRODUCT_ID } from '../testing/fakeRegistry.ts';
import { MeshCallError } from './MeshCallError.ts';
import { MeshClient } from './MeshClient.ts';
import { meshUserOf } from './meshUserOf.ts';
import type { NodeMesh } from './NodeMesh.ts';
import { openNodeMesh } from './openNodeMesh.ts';

const IDP = 'https://sso.example.org/realms/research';
const ALICE: NodeTokenUser = {
  subject: 'alice-0001',
  issuer: IDP,
  name: 'Alice Example',
  email: 'alice@example.org',
  groups: ['oncology'],
};

/** A free loopback port: the mesh configurations must name each other's URLs before either listens. */
async function freePort(): Promise<number> {
  const server = createHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function meshConfig(id: string, url: string, trusted: Array<{ id: string; url: string }>): MeshConfig {
  return {
    apiVersion: 'plexus.dev/v1',
    kind: 'Mesh',
    node: { id, url },
    trust: { nodes: trusted, issuers: [IDP] },
  };
}

interface TestNode {
  id: string;
  url: string;
  app: FastifyInstance;
  gatekeeper: StoreGatekeeper;
  mesh: NodeMesh;
  logs: string[];
}

/** One node on loopback: its own data folder (key), control store, mesh configuration and server. */
async function startNode(id: string, port: number, config: MeshConfig, dir: string): Promise<TestNode> {
  const mesh = await openNodeMesh({ config, dataDir: join(dir, id), callTimeoutMs: 5_000 });
  const gatekeeper = new StoreGatekeeper(await SqliteControlStore.open(':memory:'), {
    // Callers cached as `plexus serve` does: a node token must be verified (and refused as a replay) anyway.
    cacheMs: 2000,
    nodeTokens: mesh.verifier,
    nodeGroupIssuers: config.trust.issuers,
  });
  const logs: string[] = [];
  const app = await createServer({
    registry: createFakeRegistry(),
    gatekeeper,
    mesh,
    rateLimit: false,
    logger: { level: 'info', stream: { write: (line: string) => logs.push(line) } },
  });
  await app.listen({ port, host: '127.0.0.1' });
  return { id, url: `http://127.0.0.1:${port}`, app, gatekeeper, mesh, logs };
}

async function errorOf(promise: Promise<unknown>): Promise<MeshCallError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MeshCallError) return error;
    throw error;
  }
  throw new Error('the call succeeded');
}

describe('nodes trusting each other', () => {
  let dir: string;
  let a: TestNode;
  let b: TestNode;
  let strangerKeys: NodeKeyStore;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plexus-mesh-'));
    const [portA, portB] = [await freePort(), await freePort()];
    const urlA = `http://127.0.0.1:${portA}`;
    const urlB = `http://127.0.0.1:${portB}`;
    a = await startNode('node-a', portA, meshConfig('node-a', urlA, [{ id: 'node-b', url: urlB }]), dir);
    b = await startNode('node-b', portB, meshConfig('node-b', urlB, [{ id: 'node-a', url: urlA }]), dir);
    strangerKeys = await loadOrCreateNodeKey(join(dir, 'stranger'));
  });

  afterAll(async () => {
    await a?.app.close();
    await b?.app.close();
    await a?.gatekeeper.store.close();
    await b?.gatekeeper.store.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Sends a hand-made node token to B, as a node would. */
  const presentToB = (token: string, path = '/api/v1/me') =>
    fetch(`${b.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const tokenForB = (overrides: Partial<Parameters<typeof mintNodeToken>[1]> = {}) =>
    mintNodeToken(a.mesh.keys.current, { issuer: 'node-a', audience: 'node-b', user: ALICE, ...overrides });

  it('publishes its public keys at /.well-known/jwks.json, cacheable, without any private part', async () => {
    const response = await fetch(`${a.url}/.well-known/jwks.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const body = (await response.json()) as { keys: Array<Record<string, unknown>> };
    expect(body).toEqual(jwks(a.mesh.keys));
    expect(body.keys).toHaveLength(1);
    expect(Object.keys(body.keys[0] ?? {}).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);
    expect(body.keys[0]?.kid).toBe(a.mesh.keys.current.kid);
    const openApi = (await (await fetch(`${a.url}/api/v1/openapi.json`)).json()) as { paths: object };
    expect(Object.keys(openApi.paths)).toContain('/.well-known/jwks.json');
    expect(a.app.mesh?.nodeId).toBe('node-a');
    expect(a.app.mesh?.client.nodes).toEqual(['node-b']);
  });

  it("answers a call for an identity provider's user as that user, via the calling node", async () => {
    const { body, status } = await a.mesh.client.call<{
      via: string;
      node?: { id: string };
      user: { id: string; name: string; email: string | null; admin: boolean };
      groups: Array<{ name: string; external: boolean }>;
      scopes?: string[];
    }>('node-b', 'GET', '/api/v1/me', undefined, { user: ALICE });
    expect(status).toBe(200);
    expect(body.via).toBe('node');
    expect(body.node).toEqual({ id: 'node-a' });
    expect(body.user).toMatchObject({ name: 'Alice Example', email: 'alice@example.org', admin: false });
    expect(body.groups).toEqual([expect.objectContaining({ name: 'oncology', external: true })]);
    expect(body.scopes).toEqual(['read', 'run', 'export']);
    const known = await b.gatekeeper.store.findUserBySubject('alice-0001', IDP);
    expect(known?.id).toBe(body.user.id);
  });

  it("knows a calling node's local account under that node's issuer, and ignores its groups", async () => {
    const admin = await a.gatekeeper.store.upsertUserFromIdentity({
      subject: 'local:admin',
      issuer: null,
      name: 'Admin of A',
      email: null,
    });
    const user = await meshUserOf(
      { via: 'token', user: admin, tokenId: null, userId: admin.id, groupIds: [], admin: true },
      a.gatekeeper.store,
    );
    expect(user).toMatchObject({ subject: 'local:admin', issuer: LOCAL_USER_ISSUER, groups: [] });
    const { body } = await a.mesh.client.call<{ user: { id: string; admin: boolean }; groups: unknown[] }>(
      'node-b',
      'GET',
      '/api/v1/me',
      undefined,
      { user: { ...user, groups: ['admins'] } },
    );
    expect(body.user.admin).toBe(false);
    expect(body.groups).toEqual([]);
    // Never B's own `local:admin` (issuer null): the node's issuer keeps the two apart.
    const known = await b.gatekeeper.store.findUserBySubject('local:admin', localUserIssuer('node-a'));
    expect(known?.id).toBe(body.user.id);
    expect(await b.gatekeeper.store.findUserBySubject('local:admin', null)).toBeNull();
  });

  it("applies the callee's own grants: a private product is 404 until B grants the user, then 200", async () => {
    await b.gatekeeper.store.setProductAccess({
      productId: FAKE_PRODUCT_ID,
      visibility: 'private',
      owners: [],
    });
    const path = `/api/v1/products/${FAKE_PRODUCT_ID}`;
    const hidden = await errorOf(a.mesh.client.call('node-b', 'GET', path, undefined, { user: ALICE }));
    expect(hidden.kind).toBe('not-found');
    expect(hidden.status).toBe(404);

    const alice = await b.gatekeeper.store.findUserBySubject('alice-0001', IDP);
    if (!alice) throw new Error('alice is unknown on B');
    await b.gatekeeper.store.grant({
      productId: FAKE_PRODUCT_ID,
      principal: { kind: 'user', id: alice.id },
      role: 'viewer',
      grantedBy: alice.id,
    });
    const seen = await a.mesh.client.call<{ product: { id: string } }>('node-b', 'GET', path, undefined, {
      user: ALICE,
    });
    expect(seen.status).toBe(200);
    expect(seen.body.product.id).toBe(FAKE_PRODUCT_ID);

    // Bounded by the scopes the calling node gives the call: a count needs `read`.
    const scoped = await errorOf(
      a.mesh.client.call('node-b', 'GET', path, undefined, { user: ALICE, scopes: ['export'] }),
    );
    expect(scoped.kind).toBe('refused');
    expect(scoped.status).toBe(403);

    // B's audit log names the user and the node the call came through.
    const { entries } = await b.gatekeeper.store.queryAudit({ productIds: [FAKE_PRODUCT_ID], limit: 10 });
    expect(entries.length).toBeGreaterThanOrEqual(3);
    for (const entry of entries) {
      expect(entry.userId).toBe(alice.id);
      expect(entry.tokenId).toBe('node:node-a');
    }
    expect(entries.map((entry) => entry.outcome)).toEqual(['denied', 'allowed', 'denied']);
  });

  it('refuses a token signed with another key: bad-signature', async () => {
    const forged = await mintNodeToken(strangerKeys.current, {
      issuer: 'node-a',
      audience: 'node-b',
      user: ALICE,
    });
    const response = await presentToB(forged);
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { code: string; details: Array<{ found?: unknown }> } };
    expect(body.error.code).toBe('UNAUTHENTICATED');
    expect(body.error.details[0]?.found).toBe('bad-signature');
    expect(JSON.stringify(body)).not.toContain(forged);

    const impostor = new MeshClient({
      key: strangerKeys.current,
      nodeId: 'node-a',
      trust: { nodes: [{ id: 'node-b', url: b.url }] },
    });
    const refused = await errorOf(impostor.call('node-b', 'GET', '/api/v1/me', undefined, { user: ALICE }));
    expect(refused).toMatchObject({
      kind: 'refused',
      status: 401,
      reason: 'bad-signature',
      nodeId: 'node-b',
    });
  });

  it('refuses an expired token', async () => {
    const issued = Date.now() - 120_000;
    const response = await presentToB(await tokenForB({ now: () => issued, ttlSeconds: 30 }));
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { details: Array<{ found?: unknown }> } };
    expect(body.error.details[0]?.found).toBe('expired');
  });

  it('refuses a token presented twice, even though B caches callers', async () => {
    const token = await tokenForB();
    expect((await presentToB(token)).status).toBe(200);
    const again = await presentToB(token);
    expect(again.status).toBe(401);
    const body = (await again.json()) as { error: { details: Array<{ found?: unknown }> } };
    expect(body.error.details[0]?.found).toBe('replayed');
  });

  it('refuses a node it does not trust, and a token meant for another node', async () => {
    const stranger = new MeshClient({
      key: strangerKeys.current,
      nodeId: 'node-c',
      trust: { nodes: [{ id: 'node-b', url: b.url }] },
    });
    const refused = await errorOf(stranger.call(b.url, 'GET', '/api/v1/me', undefined, { user: ALICE }));
    expect(refused).toMatchObject({ kind: 'refused', status: 401, reason: 'untrusted-node' });

    const response = await presentToB(await tokenForB({ audience: 'node-z' }));
    const body = (await response.json()) as { error: { details: Array<{ found?: unknown }> } };
    expect(response.status).toBe(401);
    expect(body.error.details[0]?.found).toBe('wrong-audience');
  });

  it('refuses a user of an identity provider B does not trust', async () => {
    const response = await presentToB(
      await tokenForB({ user: { ...ALICE, issuer: 'https://sso.elsewhere.example.org' } }),
    );
    const body = (await response.json()) as { error: { details: Array<{ found?: unknown }> } };
    expect(response.status).toBe(401);
    expect(body.error.details[0]?.found).toBe('untrusted-user-issuer');
  });

  it('continues the trace of the incoming request: B sees the same trace id', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const incoming = `00-${traceId}-00f067aa0ba902b7-01`;
    const { traceparent } = await a.mesh.client.call('node-b', 'GET', '/api/v1/me', undefined, {
      user: ALICE,
      traceparent: incoming,
    });
    expect(traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    expect(traceparent).not.toBe(incoming);
    const logged = b.logs
      .map((line) => JSON.parse(line) as { msg?: string; node?: string; traceparent?: string })
      .filter((entry) => entry.msg === 'call from a node of the mesh');
    expect(logged.at(-1)).toMatchObject({ node: 'node-a', traceparent });

    const fresh = await a.mesh.client.call('node-b', 'GET', '/api/v1/me', undefined, { user: ALICE });
    expect(fresh.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(fresh.traceparent.slice(3, 35)).not.toBe(traceId);
  });

  it('refuses node tokens on a node that is in no mesh', async () => {
    const lone = await createServer({
      registry: createFakeRegistry(),
      gatekeeper: new StoreGatekeeper(await SqliteControlStore.open(':memory:')),
      rateLimit: false,
    });
    try {
      expect(lone.mesh).toBeNull();
      expect((await lone.inject({ url: '/.well-known/jwks.json' })).statusCode).toBe(404);
      const response = await lone.inject({
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${await tokenForB()}` },
      });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.details[0].found).toBe('untrusted-node');
    } finally {
      await lone.close();
    }
  });
});

describe('MeshClient', () => {
  let dir: string;
  let keys: NodeKeyStore;
  let callee: {
    url: string;
    close: () => Promise<void>;
    seen: Array<{ traceparent?: string; claim?: string }>;
  };
  const hanging: Array<() => void> = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plexus-mesh-client-'));
    keys = await loadOrCreateNodeKey(dir);
    // The test's own node: publishes the caller's keys is not its job, so it verifies against a fixed set.
    const seen: Array<{ traceparent?: string; claim?: string }> = [];
    const server = createHttpServer((request, response) => {
      if (request.url === '/.well-known/jwks.json') {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks(keys)));
        return;
      }
      if (request.url === '/hang') {
        hanging.push(() => response.writeHead(200).end('{}'));
        return;
      }
      if (request.url === '/trace') {
        const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
        void verifier.verify(token).then(
          (call) => {
            seen.push({
              ...(typeof request.headers.traceparent === 'string'
                ? { traceparent: request.headers.traceparent }
                : {}),
              ...(call.traceparent ? { claim: call.traceparent } : {}),
            });
            response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(call.user));
          },
          () => response.writeHead(401).end(),
        );
        return;
      }
      if (request.url === '/broken') {
        response
          .writeHead(500, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { code: 'INTERNAL', message: 'it broke', details: [] } }));
        return;
      }
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const verifier = new NodeTokenVerifier({
      trust: { nodes: [{ id: 'caller', url }], issuers: [IDP] },
      thisNodeId: 'callee',
    });
    callee = {
      url,
      seen,
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  });

  afterAll(async () => {
    for (const release of hanging) release();
    await callee?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const client = (timeoutMs = 2_000) =>
    new MeshClient({
      key: keys.current,
      nodeId: 'caller',
      trust: {
        nodes: [
          { id: 'callee', url: callee.url },
          { id: 'gone', url: 'http://127.0.0.1:9' },
        ],
      },
      defaultTimeoutMs: timeoutMs,
    });

  it('sends the traceparent as a header and in the token', async () => {
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    const { body, traceparent } = await client().call('callee', 'GET', '/trace', undefined, {
      user: ALICE,
      traceparent: `00-${traceId}-b7ad6b7169203331-01`,
    });
    expect(body).toMatchObject({ subject: 'alice-0001', issuer: IDP, groups: ['oncology'] });
    expect(callee.seen.at(-1)).toEqual({ traceparent, claim: traceparent });
    expect(traceparent.split('-')[1]).toBe(traceId);
  });

  it('gives up on a node that hangs, with a timeout error', async () => {
    const started = Date.now();
    const error = await errorOf(client(300).call('callee', 'GET', '/hang', undefined, { user: ALICE }));
    expect(error).toMatchObject({ kind: 'timeout', nodeId: 'callee' });
    expect(Date.now() - started).toBeLessThan(2_000);
    const sooner = await errorOf(
      client().call('callee', 'GET', '/hang', undefined, { user: ALICE, timeoutMs: 100 }),
    );
    expect(sooner.kind).toBe('timeout');
  });

  it('rethrows the reason when the caller aborts', async () => {
    const controller = new AbortController();
    const call = client().call('callee', 'GET', '/hang', undefined, {
      user: ALICE,
      signal: controller.signal,
    });
    controller.abort(new Error('the incoming request went away'));
    await expect(call).rejects.toThrow('the incoming request went away');
  });

  it('tells unreachable, not found and failing nodes apart', async () => {
    expect((await errorOf(client().call('gone', 'GET', '/x', undefined, { user: ALICE }))).kind).toBe(
      'unreachable',
    );
    expect((await errorOf(client().call('callee', 'GET', '/none', undefined, { user: ALICE }))).kind).toBe(
      'not-found',
    );
    const broken = await errorOf(client().call('callee', 'GET', '/broken', undefined, { user: ALICE }));
    expect(broken).toMatchObject({ kind: 'error', status: 500, remoteCode: 'INTERNAL' });
    expect(broken.message).toContain('it broke');
  });

  it('calls only the nodes of its configuration, over https or loopback', async () => {
    await expect(client().call('elsewhere', 'GET', '/x', undefined, { user: ALICE })).rejects.toThrow(
      "not in this node's mesh configuration",
    );
    await expect(client().call('callee', 'GET', 'x', undefined, { user: ALICE })).rejects.toThrow(TypeError);
    expect(
      () =>
        new MeshClient({
          key: keys.current,
          nodeId: 'caller',
          trust: { nodes: [{ id: 'plain', url: 'http://plexus.example.org' }] },
        }),
    ).toThrow('https');
  });
});
