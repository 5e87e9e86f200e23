import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ControlStore } from '../../src/control/ControlStore.ts';
import { SqliteControlStore } from '../../src/control/SqliteControlStore.ts';
import { createServer } from '../../src/createServer.ts';
import { StoreGatekeeper } from '../../src/gatekeeper/Gatekeeper.ts';
import { createFakeRegistry, FAKE_PRODUCT_ID } from '../../src/testing/fakeRegistry.ts';

let store: ControlStore;
let app: FastifyInstance;
const token: Record<'owner' | 'analyst' | 'admin', string> = { owner: '', analyst: '', admin: '' };

beforeAll(async () => {
  store = await SqliteControlStore.open(':memory:');
  for (const name of ['owner', 'analyst', 'admin'] as const) {
    const user = await store.upsertUserFromIdentity({
      subject: `local:${name}`,
      issuer: null,
      name,
      email: null,
    });
    if (name === 'admin') await store.setAdmin(user.id, true);
    if (name === 'owner')
      await store.setProductAccess({
        productId: FAKE_PRODUCT_ID,
        visibility: 'public',
        owners: [{ kind: 'user', id: user.id }],
      });
    token[name] = (
      await store.createToken({
        userId: user.id,
        name: 't',
        scopes: ['read', 'run', 'export', 'admin'],
        expiresAt: null,
      })
    ).presented;
  }
  app = await createServer({
    registry: createFakeRegistry(),
    gatekeeper: new StoreGatekeeper(store),
    rateLimit: false,
  });
});

afterAll(async () => {
  await app.close();
  await store.close();
});

const run = (who: keyof typeof token, arm: string) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/products/${FAKE_PRODUCT_ID}/protocols/describe-arm/runs`,
    headers: { authorization: `Bearer ${token[who]}` },
    payload: { params: { arm } },
  });

const audit = (who: keyof typeof token, query = '') =>
  app.inject({ url: `/api/v1/audit${query}`, headers: { authorization: `Bearer ${token[who]}` } });

describe('the audit log', () => {
  it('records who ran what on which data, with a hash of the parameters, never the parameters', async () => {
    await run('analyst', 'standard');
    await run('analyst', 'standard');
    await run('analyst', 'test');
    await app.inject({ url: `/api/v1/products/${FAKE_PRODUCT_ID}/model` });
    const page = (await audit('owner', '?limit=10')).json() as {
      entries: Array<{
        action: string;
        paramsHash: string | null;
        outcome: string;
        status: number;
        productId: string;
        protocolId: string | null;
        dataVersion: string;
        userId: string | null;
      }>;
    };
    const [model, third, second, first] = page.entries;
    expect(model).toMatchObject({
      action: 'getModel',
      userId: null,
      outcome: 'allowed',
      status: 200,
      paramsHash: null,
    });
    expect(first).toMatchObject({
      action: 'runProtocol',
      productId: FAKE_PRODUCT_ID,
      protocolId: 'describe-arm',
      outcome: 'allowed',
    });
    expect(first?.dataVersion).toMatch(/\S/);
    expect(first?.paramsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(second?.paramsHash).toBe(first?.paramsHash);
    expect(third?.paramsHash).not.toBe(first?.paramsHash);
    expect(JSON.stringify(page)).not.toContain('standard');
  });

  it('is for owners (their products) and administrators, and exports as JSON lines', async () => {
    expect((await audit('analyst')).statusCode).toBe(403);
    expect((await app.inject('/api/v1/audit')).statusCode).toBe(401);
    // Another product: one that does not exist (or is hidden) is a 404, a visible one not owned a 403.
    expect((await audit('owner', '?productId=another')).statusCode).toBe(404);
    const lines = await audit('admin', '?format=jsonl&limit=2');
    expect(lines.headers['content-type']).toContain('application/x-ndjson');
    const entries = lines.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(entries).toHaveLength(2);
    const next = lines.headers['x-next-cursor'];
    expect(next).toBeTruthy();
    const following = (await audit('admin', `?limit=2&after=${encodeURIComponent(String(next))}`)).json();
    expect(following.entries[0].id).toBeLessThan(entries[1].id);
  });
});
