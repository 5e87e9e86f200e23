import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ControlStore } from '../../src/control/ControlStore.ts';
import { SqliteControlStore } from '../../src/control/SqliteControlStore.ts';
import { createServer } from '../../src/createServer.ts';
import { StoreGatekeeper } from '../../src/gatekeeper/Gatekeeper.ts';
import { createAccessTokenVerifier } from '../../src/gatekeeper/oidc/verifyAccessToken.ts';
import { createFakeRegistry } from '../../src/testing/fakeRegistry.ts';
import { startTestOidcProvider, type TestOidcProvider } from '../../src/testing/oidcProvider.ts';

// The node is driven with inject: the scripted browser stops at this address and hands the callback over.
const REDIRECT_URI = 'http://127.0.0.1:9/auth/callback';

let provider: TestOidcProvider;
let store: ControlStore;
let app: FastifyInstance;

beforeAll(async () => {
  provider = await startTestOidcProvider({ redirectUri: REDIRECT_URI });
  const config = {
    issuer: provider.issuer,
    audience: provider.audience,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    redirectUri: REDIRECT_URI,
    scopes: ['openid', 'profile', 'email', 'groups'],
  };
  store = await SqliteControlStore.open(':memory:');
  app = await createServer({
    registry: createFakeRegistry(),
    gatekeeper: new StoreGatekeeper(store, { verifyAccessToken: createAccessTokenVerifier(config) }),
    sso: { config },
    rateLimit: false,
  });
});

afterAll(async () => {
  await app?.close();
  await store?.close();
  await provider?.stop();
});

async function signIn(user: 'alice' | 'bob', returnTo = '/api/v1/me') {
  const login = await app.inject(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
  expect(login.statusCode).toBe(302);
  const callback = new URL(await provider.loginAs(user, String(login.headers.location)));
  return app.inject(`/auth/callback${callback.search}`);
}

describe('browser sign-in through the identity provider', () => {
  it('signs alice in end to end: a session cookie, her groups from the claim, back where she started', async () => {
    const done = await signIn('alice');
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe('/api/v1/me');
    const cookie = String(done.headers['set-cookie']);
    expect(cookie).toMatch(/^plexus_session=tok_[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/);
    const me = await app.inject({ url: '/api/v1/me', headers: { cookie: cookie.split(';')[0] ?? '' } });
    expect(me.json()).toMatchObject({
      via: 'token',
      user: { name: 'Alice Example', email: 'alice@example.org' },
    });
    expect(me.json().groups).toEqual([expect.objectContaining({ name: 'oncology', external: true })]);
    const logout = await app.inject({
      method: 'POST',
      url: '/auth/logout',
      headers: { cookie: cookie.split(';')[0] ?? '' },
    });
    expect(logout.statusCode).toBe(204);
    expect(
      (await app.inject({ url: '/api/v1/me', headers: { cookie: cookie.split(';')[0] ?? '' } })).statusCode,
    ).toBe(401);
  });

  it('accepts the access tokens the provider issues to programs, and refuses others', async () => {
    const token = await provider.clientCredentialsToken();
    expect(
      (await app.inject({ url: '/api/v1/products', headers: { authorization: `Bearer ${token}` } }))
        .statusCode,
    ).toBe(200);
    const elsewhere = await provider.clientCredentialsToken(provider.resources.elsewhere);
    const refused = await app.inject({
      url: '/api/v1/products',
      headers: { authorization: `Bearer ${elsewhere}` },
    });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.message).toContain('not meant for this node');
  });

  it('refuses a callback it did not start, and never redirects off the node', async () => {
    const forged = await app.inject('/auth/callback?code=abc&state=made-up');
    expect(forged.statusCode).toBe(400);
    const done = await signIn('bob', 'https://evil.example.org/steal');
    expect(done.headers.location).toBe('/');
  });
});
