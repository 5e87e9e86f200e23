import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ControlStore } from '../../src/control/ControlStore.ts';
import { SqliteControlStore } from '../../src/control/SqliteControlStore.ts';
import { createServer } from '../../src/createServer.ts';
import { StoreGatekeeper } from '../../src/gatekeeper/Gatekeeper.ts';
import { createFakeRegistry } from '../../src/testing/fakeRegistry.ts';

let store: ControlStore;
let app: FastifyInstance;
let full: string;
let userId: string;

beforeAll(async () => {
  store = await SqliteControlStore.open(':memory:');
  const user = await store.upsertUserFromIdentity({
    subject: 'local:ada',
    issuer: null,
    name: 'Ada',
    email: 'ada@example.org',
  });
  userId = user.id;
  const group = await store.createGroup('oncology');
  await store.addMember(group.id, user.id);
  full = (
    await store.createToken({
      userId,
      name: 'bootstrap',
      scopes: ['read', 'run', 'export', 'admin'],
      expiresAt: null,
    })
  ).presented;
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

const as = (token: string | undefined, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({
    method,
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(payload ? { payload } : {}),
  });

describe('/api/v1/me and personal API tokens', () => {
  it('tells a caller who they are', async () => {
    expect((await as(undefined, 'GET', '/api/v1/me')).json()).toEqual({
      via: 'anonymous',
      user: null,
      groups: [],
    });
    const me = (await as(full, 'GET', '/api/v1/me')).json();
    expect(me).toMatchObject({ via: 'token', user: { name: 'Ada', email: 'ada@example.org', admin: false } });
    expect(me.groups).toEqual([expect.objectContaining({ name: 'oncology', external: false })]);
    expect(me.scopes).toEqual(['read', 'run', 'export', 'admin']);
  });

  it('creates a token whose secret is shown once, lists it without the secret, and revokes it at once', async () => {
    const created = await as(full, 'POST', '/api/v1/tokens', {
      name: 'laptop',
      scopes: ['read'],
      expiresInDays: 30,
    });
    expect(created.statusCode).toBe(201);
    const { token, secret } = created.json() as { token: { id: string; expiresAt: string }; secret: string };
    expect(secret.startsWith(`${token.id}.`)).toBe(true);
    expect(Date.parse(token.expiresAt) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    const listed = await as(full, 'GET', '/api/v1/tokens');
    expect(listed.body).not.toContain(secret.split('.')[1] ?? 'x');
    expect((listed.json() as { tokens: Array<{ name: string }> }).tokens.map((entry) => entry.name)).toEqual([
      'bootstrap',
      'laptop',
    ]);
    expect((await as(secret, 'GET', '/api/v1/me')).statusCode).toBe(200);
    expect(
      (await as(full, 'POST', `/api/v1/tokens/${token.id}/revoke`)).json().token.revokedAt,
    ).not.toBeNull();
    expect((await as(secret, 'GET', '/api/v1/me')).statusCode).toBe(401);
  });

  it('refuses tokens to anonymous callers, scopes beyond the token used, and others’ tokens', async () => {
    expect((await as(undefined, 'GET', '/api/v1/tokens')).statusCode).toBe(401);
    expect(
      (await as(undefined, 'POST', '/api/v1/tokens', { name: 'x', scopes: ['read'] })).json().error.code,
    ).toBe('UNAUTHENTICATED');
    const reader = (await as(full, 'POST', '/api/v1/tokens', { name: 'reader', scopes: ['read'] })).json()
      .secret as string;
    const escalate = await as(reader, 'POST', '/api/v1/tokens', {
      name: 'sneaky',
      scopes: ['read', 'admin'],
    });
    expect(escalate.statusCode).toBe(403);
    expect(escalate.json().error.message).toContain('has no admin scope');
    const other = await store.upsertUserFromIdentity({
      subject: 'local:bo',
      issuer: null,
      name: 'Bo',
      email: null,
    });
    const theirs = await store.createToken({
      userId: other.id,
      name: 'theirs',
      scopes: ['read'],
      expiresAt: null,
    });
    expect((await as(full, 'POST', `/api/v1/tokens/${theirs.token.id}/revoke`)).statusCode).toBe(404);
    expect((await as(full, 'POST', '/api/v1/tokens', { name: '', scopes: [] })).statusCode).toBe(400);
  });
});
