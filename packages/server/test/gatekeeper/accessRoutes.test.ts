import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ControlStore, User } from '../../src/control/ControlStore.ts';
import { SqliteControlStore } from '../../src/control/SqliteControlStore.ts';
import { createServer } from '../../src/createServer.ts';
import { StoreGatekeeper } from '../../src/gatekeeper/Gatekeeper.ts';
import { createFakeRegistry, FAKE_PRODUCT_ID } from '../../src/testing/fakeRegistry.ts';

let store: ControlStore;
let app: FastifyInstance;
const users: Record<string, { user: User; token: string }> = {};
const base = `/api/v1/products/${FAKE_PRODUCT_ID}`;

beforeAll(async () => {
  store = await SqliteControlStore.open(':memory:');
  for (const name of ['owner', 'ana', 'stranger']) {
    const user = await store.upsertUserFromIdentity({
      subject: `local:${name}`,
      issuer: null,
      name,
      email: null,
    });
    const token = (
      await store.createToken({
        userId: user.id,
        name: 't',
        scopes: ['read', 'run', 'export', 'admin'],
        expiresAt: null,
      })
    ).presented;
    users[name] = { user, token };
  }
  await store.setProductAccess({
    productId: FAKE_PRODUCT_ID,
    visibility: 'private',
    owners: [{ kind: 'user', id: users.owner?.user.id ?? '' }],
  });
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

const as = (name: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${users[name]?.token}` },
    ...(payload ? { payload } : {}),
  });
const runAs = (name: string) =>
  as(name, 'POST', `${base}/protocols/describe-arm/runs`, { params: { arm: 'standard' } });
const user = (name: string) => ({ kind: 'user', id: users[name]?.user.id ?? '' });

describe('owners manage access to their product', () => {
  it('grants a role that takes effect at once, and revokes it as fast', async () => {
    expect((await runAs('ana')).statusCode).toBe(404);
    const granted = await as('owner', 'POST', `${base}/grants`, { principal: user('ana'), role: 'analyst' });
    expect(granted.statusCode).toBe(200);
    expect(granted.json().grants).toEqual([
      expect.objectContaining({ principal: user('ana'), role: 'analyst' }),
    ]);
    expect((await runAs('ana')).statusCode).toBe(200);
    expect((await as('owner', 'POST', `${base}/grants/revoke`, { principal: user('ana') })).statusCode).toBe(
      200,
    );
    expect((await runAs('ana')).statusCode).toBe(404);
  });

  it('lets only owners manage, hiding a private product from strangers', async () => {
    await as('owner', 'POST', `${base}/grants`, { principal: user('ana'), role: 'exporter' });
    expect((await as('ana', 'GET', `${base}/grants`)).statusCode).toBe(403);
    expect(
      (await as('ana', 'POST', `${base}/grants`, { principal: user('stranger'), role: 'owner' })).statusCode,
    ).toBe(403);
    expect((await as('stranger', 'GET', `${base}/grants`)).statusCode).toBe(404);
    const nobody = await as('owner', 'POST', `${base}/grants`, {
      principal: { kind: 'user', id: 'u-nobody' },
      role: 'viewer',
    });
    expect(nobody.statusCode).toBe(404);
    expect(nobody.json().error.message).toBe('there is no user u-nobody on this node');
  });

  it('makes a product public, and private again', async () => {
    expect((await as('stranger', 'GET', base)).statusCode).toBe(404);
    expect(
      (await as('owner', 'POST', `${base}/visibility`, { visibility: 'public' })).json().visibility,
    ).toBe('public');
    expect((await as('stranger', 'GET', base)).statusCode).toBe(200);
    await as('owner', 'POST', `${base}/visibility`, { visibility: 'private' });
    expect((await as('stranger', 'GET', base)).statusCode).toBe(404);
  });

  it('runs a protocol restricted to groups only for their members and the owners', async () => {
    await as('owner', 'POST', `${base}/grants`, { principal: user('ana'), role: 'analyst' });
    const trials = await store.createGroup('trial-statisticians');
    const restrict = (who: string, groupIds: string[] | null) =>
      as(who, 'POST', `${base}/protocols/describe-arm/restriction`, { groupIds });
    expect((await restrict('ana', [trials.id])).statusCode).toBe(403);
    expect((await restrict('owner', ['g-nobody'])).statusCode).toBe(404);
    expect((await restrict('owner', [trials.id])).json()).toEqual({
      protocolId: 'describe-arm',
      groupIds: [trials.id],
    });
    const refused = await runAs('ana');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('restricted to some groups');
    expect((await runAs('owner')).statusCode).toBe(200);
    await store.addMember(trials.id, users.ana?.user.id ?? '');
    expect((await runAs('ana')).statusCode).toBe(200);
    expect((await restrict('owner', null)).statusCode).toBe(200);
    await store.removeMember(trials.id, users.ana?.user.id ?? '');
    expect((await runAs('ana')).statusCode).toBe(200);
  });

  it('keeps groups for administrators and lets anyone signed in look users and groups up', async () => {
    const admin = await store.upsertUserFromIdentity({
      subject: 'local:root',
      issuer: null,
      name: 'root',
      email: null,
    });
    await store.setAdmin(admin.id, true);
    users.root = {
      user: admin,
      token: (
        await store.createToken({ userId: admin.id, name: 't', scopes: ['read', 'admin'], expiresAt: null })
      ).presented,
    };
    expect((await as('ana', 'POST', '/api/v1/groups', { name: 'biostatistics' })).statusCode).toBe(403);
    const created = await as('root', 'POST', '/api/v1/groups', { name: 'biostatistics' });
    expect(created.statusCode).toBe(201);
    const group = created.json() as { id: string };
    expect((await as('root', 'POST', '/api/v1/groups', { name: 'biostatistics' })).statusCode).toBe(409);
    const members = await as('root', 'POST', `/api/v1/groups/${group.id}/members`, {
      userId: users.ana?.user.id ?? '',
    });
    expect(members.json().members.map((member: { name: string }) => member.name)).toEqual(['ana']);
    expect(
      (await as('ana', 'GET', '/api/v1/groups')).json().groups.map((entry: { name: string }) => entry.name),
    ).toContain('biostatistics');
    expect((await as('ana', 'GET', '/api/v1/users')).json().users.length).toBeGreaterThanOrEqual(4);
    expect((await app.inject('/api/v1/users')).statusCode).toBe(401);
    const promote = (who: string, target: string, admin: boolean) =>
      as(who, 'POST', `/api/v1/users/${users[target]?.user.id}/admin`, { admin });
    expect((await promote('ana', 'ana', true)).statusCode).toBe(403);
    expect((await promote('root', 'root', false)).json().error.message).toContain('last node administrator');
    expect((await promote('root', 'ana', true)).json()).toMatchObject({ name: 'ana', admin: true });
    expect((await promote('root', 'ana', false)).json()).toMatchObject({ admin: false });
  });
});
