import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ControlStore } from '../../src/control/ControlStore.ts';
import { SqliteControlStore } from '../../src/control/SqliteControlStore.ts';
import { createServer } from '../../src/createServer.ts';
import { StoreGatekeeper } from '../../src/gatekeeper/Gatekeeper.ts';
import { createFakeRegistry, FAKE_PRODUCT_ID } from '../../src/testing/fakeRegistry.ts';

/** With callers and rules cached for a minute, writes through the node must still take effect at once. */
let raw: ControlStore;
let gatekeeper: StoreGatekeeper;
let app: FastifyInstance;

beforeAll(async () => {
  raw = await SqliteControlStore.open(':memory:');
  gatekeeper = new StoreGatekeeper(raw, { cacheMs: 60_000 });
  app = await createServer({ registry: createFakeRegistry(), gatekeeper, rateLimit: false });
});

afterAll(async () => {
  await app.close();
  await raw.close();
});

describe('the gatekeeper cache', () => {
  it('forgets a revoked token and a changed grant at once when they change through the node', async () => {
    const { store } = gatekeeper;
    const user = await store.upsertUserFromIdentity({
      subject: 'local:ada',
      issuer: null,
      name: 'Ada',
      email: null,
    });
    const owner = await store.upsertUserFromIdentity({
      subject: 'local:olga',
      issuer: null,
      name: 'Olga',
      email: null,
    });
    await store.setProductAccess({
      productId: FAKE_PRODUCT_ID,
      visibility: 'private',
      owners: [{ kind: 'user', id: owner.id }],
    });
    const { presented, token } = await store.createToken({
      userId: user.id,
      name: 't',
      scopes: ['read'],
      expiresAt: null,
    });
    const describeIt = () =>
      app.inject({
        url: `/api/v1/products/${FAKE_PRODUCT_ID}`,
        headers: { authorization: `Bearer ${presented}` },
      });
    expect((await describeIt()).statusCode).toBe(404);
    await store.grant({
      productId: FAKE_PRODUCT_ID,
      principal: { kind: 'user', id: user.id },
      role: 'viewer',
      grantedBy: owner.id,
    });
    expect((await describeIt()).statusCode).toBe(200);
    await store.revokeToken(token.id);
    expect((await describeIt()).statusCode).toBe(401);
  });

  it('records a token’s last use at most once a minute', async () => {
    const { store } = gatekeeper;
    const user = await store.upsertUserFromIdentity({
      subject: 'local:bo',
      issuer: null,
      name: 'Bo',
      email: null,
    });
    const { presented, token } = await store.createToken({
      userId: user.id,
      name: 't',
      scopes: ['read'],
      expiresAt: null,
    });
    for (let index = 0; index < 3; index++)
      await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${presented}` } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const [listed] = await store.listTokens(user.id);
    expect(listed?.id).toBe(token.id);
    expect(listed?.lastUsedAt).not.toBeNull();
  });
});
