import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ControlStore, TokenScope, User } from '../../src/control/ControlStore.ts';
import { SqliteControlStore } from '../../src/control/SqliteControlStore.ts';
import { createServer } from '../../src/createServer.ts';
import { StoreGatekeeper } from '../../src/gatekeeper/Gatekeeper.ts';
import { createFakeRegistry, FAKE_PRODUCT_ID } from '../../src/testing/fakeRegistry.ts';

let store: ControlStore;
let app: FastifyInstance;
const tokens: Record<string, string> = {};
const people: Record<string, User> = {};
const base = `/api/v1/products/${FAKE_PRODUCT_ID}`;

async function person(name: string, scopes: TokenScope[], admin = false, issuer: string | null = null) {
  const user = await store.upsertUserFromIdentity({ subject: `local:${name}`, issuer, name, email: null });
  if (admin) await store.setAdmin(user.id, true);
  people[name] = user;
  tokens[name] = (await store.createToken({ userId: user.id, name: 't', scopes, expiresAt: null })).presented;
}

beforeAll(async () => {
  store = await SqliteControlStore.open(':memory:');
  await person('root', ['read', 'run', 'export', 'admin'], true);
  // An administrator whose token was made for reading: it must not do what only the admin scope may.
  await person('reader', ['read'], true);
  await person('ana', ['read', 'run', 'export', 'admin']);
  await person('ben', ['read', 'run']);
  await person('sso-user', ['read'], false, 'https://sso.example.org');
  // A private product nobody owns yet: only the control store's defaults say anything about it.
  await store.setProductAccess({ productId: FAKE_PRODUCT_ID, visibility: 'private', owners: [] });
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
    headers: { authorization: `Bearer ${tokens[name]}` },
    ...(payload ? { payload } : {}),
  });
const principal = (name: string) => ({ kind: 'user', id: people[name]?.id ?? '' });

describe('administrators appoint product owners', () => {
  it('hands a private product to its first owner, who then manages its grants', async () => {
    // The administrator cannot see the product's data, nor manage its grants...
    expect((await as('root', 'GET', base)).statusCode).toBe(404);
    expect((await as('root', 'GET', `${base}/grants`)).statusCode).toBe(404);
    expect((await as('ana', 'GET', `${base}/grants`)).statusCode).toBe(404);
    // ...but appoints its owners.
    const appointed = await as('root', 'POST', `${base}/owners`, { owners: [principal('ana')] });
    expect(appointed.statusCode).toBe(200);
    expect(appointed.json()).toEqual({ productId: FAKE_PRODUCT_ID, owners: [principal('ana')] });
    expect((await as('ana', 'GET', `${base}/grants`)).json()).toMatchObject({
      visibility: 'private',
      owners: [principal('ana')],
    });
    const granted = await as('ana', 'POST', `${base}/grants`, {
      principal: principal('ben'),
      role: 'analyst',
    });
    expect(granted.statusCode).toBe(200);
    expect((await as('ben', 'GET', base)).statusCode).toBe(200);
    // The appointment keeps the visibility the product had.
    expect((await store.getProductAccess(FAKE_PRODUCT_ID))?.visibility).toBe('private');
  });

  it('shows the owners to administrators and owners; 403 to others who see the product, 404 to the rest', async () => {
    expect((await as('root', 'GET', `${base}/owners`)).json().owners).toEqual([principal('ana')]);
    expect((await as('ana', 'GET', `${base}/owners`)).json().owners).toEqual([principal('ana')]);
    const analyst = await as('ben', 'GET', `${base}/owners`);
    expect(analyst.statusCode).toBe(403);
    expect(analyst.json().error.message).toContain("only the product's owners and node administrators");
    expect((await as('sso-user', 'GET', `${base}/owners`)).statusCode).toBe(404);
    expect((await app.inject(`${base}/owners`)).statusCode).toBe(401);
  });

  it('lets only administrators with the admin scope appoint, and names a principal that does not exist', async () => {
    const byOwner = await as('ana', 'POST', `${base}/owners`, { owners: [principal('ben')] });
    expect(byOwner.statusCode).toBe(403);
    expect(byOwner.json().error.message).toContain(
      "only node administrators (with a token of admin scope) appoint a product's owners",
    );
    expect((await as('reader', 'POST', `${base}/owners`, { owners: [principal('ben')] })).statusCode).toBe(
      403,
    );
    const nobody = await as('root', 'POST', `${base}/owners`, {
      owners: [{ kind: 'group', id: 'g-nobody' }],
    });
    expect(nobody.statusCode).toBe(404);
    expect(nobody.json().error.message).toContain('g-nobody');
    const malformed = await as('root', 'POST', `${base}/owners`, { owners: [{ kind: 'robot', id: 'x' }] });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details[0].at).toContain('owners');
    expect(
      (await as('root', 'POST', '/api/v1/products/no-such-product/owners', { owners: [] })).statusCode,
    ).toBe(404);
    // Nothing of the refused attempts was written.
    expect((await store.getProductAccess(FAKE_PRODUCT_ID))?.owners).toEqual([principal('ana')]);
  });

  it('records the appointment in the audit log under the administrator', async () => {
    const page = await store.queryAudit({ limit: 100, productIds: [FAKE_PRODUCT_ID] });
    const appointments = page.entries.filter((entry) => entry.action === 'appointOwners');
    expect(
      appointments.some((entry) => entry.userId === people.root?.id && entry.outcome === 'allowed'),
    ).toBe(true);
    expect(appointments.some((entry) => entry.userId === people.ana?.id && entry.outcome === 'denied')).toBe(
      true,
    );
  });

  it('takes ownership away by appointing an empty list', async () => {
    await as('ana', 'POST', `${base}/grants/revoke`, { principal: principal('ben') });
    expect((await as('root', 'POST', `${base}/owners`, { owners: [] })).json().owners).toEqual([]);
    expect((await as('ana', 'GET', `${base}/grants`)).statusCode).toBe(404);
  });
});

describe('administrators create local accounts and their first tokens', () => {
  it('creates an account whose token works at once, and refuses a taken username', async () => {
    const created = await as('root', 'POST', '/api/v1/users', {
      username: 'a.lovelace',
      name: 'Ada Lovelace',
      email: 'ada@example.org',
    });
    expect(created.statusCode).toBe(201);
    const ada = created.json() as User;
    expect(ada).toMatchObject({
      name: 'Ada Lovelace',
      subject: 'local:a.lovelace',
      issuer: null,
      admin: false,
    });
    const again = await as('root', 'POST', '/api/v1/users', { username: 'a.lovelace', name: 'Someone else' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain(
      `there is a local account a.lovelace already (user ${ada.id})`,
    );

    const issued = await as('root', 'POST', `/api/v1/users/${ada.id}/tokens`, {
      name: 'first token',
      scopes: ['read', 'run'],
      expiresInDays: 7,
    });
    expect(issued.statusCode).toBe(201);
    const { token, secret } = issued.json() as {
      token: { scopes: string[]; expiresAt: string };
      secret: string;
    };
    expect(token.scopes).toEqual(['read', 'run']);
    expect(Date.parse(token.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const me = await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${secret}` } });
    expect(me.json()).toMatchObject({
      via: 'token',
      user: { id: ada.id, name: 'Ada Lovelace' },
      scopes: ['read', 'run'],
    });
    // Ada's token lists under Ada, not under the administrator who made it.
    expect(
      (await as('root', 'GET', '/api/v1/tokens'))
        .json()
        .tokens.some((t: { name: string }) => t.name === 'first token'),
    ).toBe(false);
  });

  it('names what is wrong with a new account', async () => {
    const bad = await as('root', 'POST', '/api/v1/users', { username: 'Ada Lovelace', name: 'Ada' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ at: 'body/username' });
    const noName = await as('root', 'POST', '/api/v1/users', { username: 'grace' });
    expect(noName.statusCode).toBe(400);
    expect(JSON.stringify(noName.json().error.details)).toContain('name');
  });

  it('is for administrators, never gives tokens to users of the identity provider, nor more than the caller holds', async () => {
    expect((await as('ana', 'POST', '/api/v1/users', { username: 'mallory', name: 'M' })).statusCode).toBe(
      403,
    );
    expect((await as('reader', 'POST', '/api/v1/users', { username: 'mallory', name: 'M' })).statusCode).toBe(
      403,
    );
    const forBen = (who: string, scopes: string[]) =>
      as(who, 'POST', `/api/v1/users/${people.ben?.id}/tokens`, { name: 'x', scopes });
    expect((await forBen('ana', ['read'])).statusCode).toBe(403);
    expect((await forBen('root', ['read'])).statusCode).toBe(201);
    const sso = await as('root', 'POST', `/api/v1/users/${people['sso-user']?.id}/tokens`, {
      name: 'x',
      scopes: ['read'],
    });
    expect(sso.statusCode).toBe(403);
    expect(sso.json().error.message).toContain('signs in through the identity provider');
    const missing = await as('root', 'POST', '/api/v1/users/u-nobody/tokens', {
      name: 'x',
      scopes: ['read'],
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe('there is no user u-nobody on this node');
  });
});
