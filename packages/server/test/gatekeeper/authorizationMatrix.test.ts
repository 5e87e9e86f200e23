import type { ProductRegistry, ProductService } from '@plexus/runtime';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ControlStore } from '../../src/control/ControlStore.ts';
import { SqliteControlStore } from '../../src/control/SqliteControlStore.ts';
import { createServer } from '../../src/createServer.ts';
import { StoreGatekeeper } from '../../src/gatekeeper/Gatekeeper.ts';
import { createFakeRegistry, FAKE_PRODUCT_ID } from '../../src/testing/fakeRegistry.ts';
import { registryOf } from '../../src/testing/registryOf.ts';

/**
 * Every product route × every kind of caller × a public and a private product → the status the
 * gatekeeper must answer. A private product is invisible (404, like a product that does not exist) to
 * anyone without a grant — node administrators included.
 */
const fake = createFakeRegistry().get(FAKE_PRODUCT_ID) as ProductService;
const product = (id: string, visibility: 'public' | 'private'): ProductService => ({
  ...fake,
  id,
  accessDefaults: () => ({ visibility }),
  descriptor: () => ({ ...fake.descriptor(), id }),
});
const PUBLIC = product('open-trial', 'public');
const PRIVATE = product('closed-trial', 'private');
const registry: ProductRegistry = registryOf([PUBLIC, PRIVATE]);

const CALLERS = ['anonymous', 'viewer', 'analyst', 'exporter', 'owner', 'otherOwner', 'admin'] as const;
type CallerName = (typeof CALLERS)[number];

const ROUTES: Array<{
  name: string;
  method: 'GET' | 'POST';
  url: (id: string) => string;
  body?: unknown;
  action: 'see' | 'count' | 'run' | 'manage';
}> = [
  { name: 'describe', method: 'GET', url: (id) => `/api/v1/products/${id}`, action: 'see' },
  { name: 'model', method: 'GET', url: (id) => `/api/v1/products/${id}/model`, action: 'see' },
  { name: 'protocols', method: 'GET', url: (id) => `/api/v1/products/${id}/protocols`, action: 'see' },
  {
    name: 'protocol',
    method: 'GET',
    url: (id) => `/api/v1/products/${id}/protocols/describe-arm`,
    action: 'see',
  },
  {
    name: 'features',
    method: 'GET',
    url: (id) => `/api/v1/products/${id}/features?modality=expression&q=EG`,
    action: 'see',
  },
  {
    name: 'count',
    method: 'POST',
    url: (id) => `/api/v1/products/${id}/cohorts/count`,
    body: { cohort: {} },
    action: 'count',
  },
  {
    name: 'run',
    method: 'POST',
    url: (id) => `/api/v1/products/${id}/protocols/describe-arm/runs`,
    body: { params: { arm: 'standard' } },
    action: 'run',
  },
  { name: 'grants', method: 'GET', url: (id) => `/api/v1/products/${id}/grants`, action: 'manage' },
];

// Expected statuses per caller: see/count/run/manage on the public product, then on the private one.
const EXPECTED: Record<
  CallerName,
  { public: [number, number, number, number]; private: [number, number, number, number] }
> = {
  anonymous: { public: [200, 200, 403, 403], private: [404, 404, 404, 404] },
  viewer: { public: [200, 200, 403, 403], private: [200, 200, 403, 403] },
  analyst: { public: [200, 200, 200, 403], private: [200, 200, 200, 403] },
  exporter: { public: [200, 200, 200, 403], private: [200, 200, 200, 403] },
  owner: { public: [200, 200, 200, 200], private: [200, 200, 200, 200] },
  otherOwner: { public: [200, 200, 200, 200], private: [404, 404, 404, 404] },
  admin: { public: [200, 200, 403, 403], private: [404, 404, 404, 404] },
};

let store: ControlStore;
let app: FastifyInstance;
const tokens = new Map<CallerName, string>();

beforeAll(async () => {
  store = await SqliteControlStore.open(':memory:');
  for (const name of CALLERS.filter((caller) => caller !== 'anonymous')) {
    const user = await store.upsertUserFromIdentity({
      subject: `local:${name}`,
      issuer: null,
      name,
      email: null,
    });
    if (name === 'admin') await store.setAdmin(user.id, true);
    const created = await store.createToken({
      userId: user.id,
      name: 'test',
      scopes: ['read', 'run', 'export', 'admin'],
      expiresAt: null,
    });
    tokens.set(name, created.presented);
    const grant = (productId: string, role: 'viewer' | 'analyst' | 'exporter') =>
      store.grant({ productId, principal: { kind: 'user', id: user.id }, role, grantedBy: user.id });
    if (name === 'viewer' || name === 'analyst' || name === 'exporter') {
      await grant(PRIVATE.id, name);
      await grant(PUBLIC.id, name);
    }
    if (name === 'owner') {
      for (const productId of [PUBLIC.id, PRIVATE.id])
        await store.setProductAccess({
          productId,
          visibility: productId === PUBLIC.id ? 'public' : 'private',
          owners: [{ kind: 'user', id: user.id }],
        });
    }
  }
  // Another product's owner: a group owning the public product only.
  const other = await store.findUserBySubject('local:otherOwner', null);
  const owners = await store.createGroup('open-trial-owners');
  if (other) await store.addMember(owners.id, other.id);
  const access = await store.getProductAccess(PUBLIC.id);
  await store.setProductAccess({
    productId: PUBLIC.id,
    visibility: 'public',
    owners: [...(access?.owners ?? []), { kind: 'group', id: owners.id }],
  });
  app = await createServer({ registry, gatekeeper: new StoreGatekeeper(store), rateLimit: false });
});

afterAll(async () => {
  await app.close();
  await store.close();
});

const call = (caller: CallerName, method: 'GET' | 'POST', url: string, body?: unknown) =>
  app.inject({
    method,
    url,
    headers: tokens.has(caller) ? { authorization: `Bearer ${tokens.get(caller)}` } : {},
    ...(body !== undefined ? { payload: body as object } : {}),
  });

describe('the authorization matrix', () => {
  for (const caller of CALLERS) {
    it(`answers ${caller} as the role table says, on every route of a public and a private product`, async () => {
      const found: string[] = [];
      const wanted: string[] = [];
      for (const route of ROUTES) {
        for (const [visibility, productId] of [
          ['public', PUBLIC.id],
          ['private', PRIVATE.id],
        ] as const) {
          const response = await call(caller, route.method, route.url(productId), route.body);
          const index = ['see', 'count', 'run', 'manage'].indexOf(route.action);
          found.push(`${route.name} ${visibility} ${response.statusCode}`);
          wanted.push(`${route.name} ${visibility} ${EXPECTED[caller][visibility][index]}`);
        }
      }
      expect(found).toEqual(wanted);
    });
  }

  it('lists and counts only the products a caller may see', async () => {
    for (const caller of CALLERS) {
      const listed = (await call(caller, 'GET', '/api/v1/products')).json() as {
        products: Array<{ id: string }>;
      };
      const sees = EXPECTED[caller].private[0] === 200;
      expect(`${caller}: ${listed.products.map((entry) => entry.id).join(',')}`).toBe(
        `${caller}: ${sees ? 'open-trial,closed-trial' : 'open-trial'}`,
      );
      expect((await call(caller, 'GET', '/healthz')).json()).toMatchObject({ products: sees ? 2 : 1 });
    }
  });

  it('answers a hidden product exactly as one that does not exist', async () => {
    for (const route of ROUTES) {
      const hidden = await call('admin', route.method, route.url(PRIVATE.id), route.body);
      const missing = await call('admin', route.method, route.url('no-such-trial'), route.body);
      expect(hidden.statusCode).toBe(missing.statusCode);
      expect(hidden.body.replaceAll(PRIVATE.id, '<id>')).toBe(
        missing.body.replaceAll('no-such-trial', '<id>'),
      );
      expect(hidden.body).not.toMatch(/private|grant|closed trial/i);
    }
  });

  it('refuses a revoked token at once with 401, and a token of too narrow a scope with 403', async () => {
    const user = await store.upsertUserFromIdentity({
      subject: 'local:reader',
      issuer: null,
      name: 'reader',
      email: null,
    });
    await store.grant({
      productId: PRIVATE.id,
      principal: { kind: 'user', id: user.id },
      role: 'analyst',
      grantedBy: user.id,
    });
    const narrow = await store.createToken({
      userId: user.id,
      name: 'narrow',
      scopes: ['read'],
      expiresAt: null,
    });
    const run = ROUTES.find((route) => route.name === 'run');
    const response = await app.inject({
      method: 'POST',
      url: run?.url(PRIVATE.id) ?? '',
      headers: { authorization: `Bearer ${narrow.presented}` },
      payload: { params: { arm: 'standard' } },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toContain("the token's scopes (read) do not allow 'run'");
    await store.revokeToken(narrow.token.id);
    const revoked = await app.inject({
      url: '/api/v1/products',
      headers: { authorization: `Bearer ${narrow.presented}` },
    });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.headers['www-authenticate']).toMatch(/^Bearer error="invalid_token"/);
    expect(revoked.body).not.toContain(narrow.presented);
  });
});
