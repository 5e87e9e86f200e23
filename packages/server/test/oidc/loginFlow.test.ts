import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError } from '../../src/gatekeeper/oidc/AuthenticationError.ts';
import { finishLogin, startLogin } from '../../src/gatekeeper/oidc/loginFlow.ts';
import type { OidcConfig } from '../../src/gatekeeper/oidc/OidcConfig.ts';
import { createAccessTokenVerifier } from '../../src/gatekeeper/oidc/verifyAccessToken.ts';
import { startTestOidcProvider, type TestOidcProvider } from '../../src/testing/oidcProvider.ts';

// Never contacted: the scripted browser stops as soon as it is sent here.
const REDIRECT_URI = 'http://127.0.0.1:9/auth/callback';

let provider: TestOidcProvider;
let config: OidcConfig;

beforeAll(async () => {
  provider = await startTestOidcProvider({ redirectUri: REDIRECT_URI });
  config = {
    issuer: provider.issuer,
    audience: provider.audience,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    redirectUri: REDIRECT_URI,
    scopes: ['openid', 'profile', 'email', 'groups'],
  };
});

afterAll(async () => {
  await provider?.stop();
});

async function refusal(promise: Promise<unknown>): Promise<AuthenticationError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  return error as AuthenticationError;
}

describe('browser sign-in against a real provider', () => {
  it('starts with PKCE S256, state and nonce', async () => {
    const start = await startLogin(config);
    const url = new URL(start.url);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('client_id')).toBe(provider.clientId);
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toBe(start.state);
    expect(url.searchParams.get('nonce')).toBe(start.nonce);
    expect(url.searchParams.get('scope')?.split(' ')).toEqual(['openid', 'profile', 'email', 'groups']);
    expect(start.codeVerifier).not.toBe(url.searchParams.get('code_challenge'));
  });

  it('signs alice in, and the access token it yields passes the verifier', async () => {
    const start = await startLogin(config);
    const callback = await provider.loginAs('alice', start.url);
    expect(new URL(callback).searchParams.get('code')).toBeTruthy();

    const result = await finishLogin(config, callback, start);
    expect(result.identity).toMatchObject({
      issuer: provider.issuer,
      subject: 'alice',
      name: 'Alice Example',
      email: 'alice@example.org',
      groups: ['oncology'],
    });
    expect(result.identity.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(result.idToken.split('.')).toHaveLength(3);
    expect(result.refreshToken).toBeTruthy();

    const identity = await createAccessTokenVerifier(config)(result.accessToken);
    expect(identity).toMatchObject({ issuer: provider.issuer, subject: 'alice', groups: ['oncology'] });
    expect(identity.tokenId).toBeTruthy();
  });

  it('signs bob in with no groups', async () => {
    const start = await startLogin(config);
    const result = await finishLogin(config, await provider.loginAs('bob', start.url), start);
    expect(result.identity).toMatchObject({ subject: 'bob', groups: [] });
  });

  it('accepts the callback as seen behind a proxy, on another host', async () => {
    const start = await startLogin(config);
    const callback = new URL(await provider.loginAs('alice', start.url));
    const seenByNode = new URL(`${callback.pathname}${callback.search}`, 'http://10.0.0.5:8080');
    const result = await finishLogin(config, seenByNode, start);
    expect(result.identity.subject).toBe('alice');
  });

  it('refuses a callback whose state is not the one issued', async () => {
    const first = await startLogin(config);
    const second = await startLogin(config);
    const callback = await provider.loginAs('alice', second.url);
    const error = await refusal(finishLogin(config, callback, first));
    expect(error.reason).toBe('state-mismatch');
  });

  it('refuses a callback without state', async () => {
    const start = await startLogin(config);
    const callback = new URL(await provider.loginAs('alice', start.url));
    callback.searchParams.delete('state');
    expect((await refusal(finishLogin(config, callback, start))).reason).toBe('state-mismatch');
  });

  it('refuses an authorization code used a second time', async () => {
    const start = await startLogin(config);
    const callback = await provider.loginAs('alice', start.url);
    await finishLogin(config, callback, start);
    const error = await refusal(finishLogin(config, callback, start));
    expect(error.reason).toBe('code-rejected');
  });

  it('refuses a code exchanged with the wrong PKCE verifier', async () => {
    const start = await startLogin(config);
    const other = await startLogin(config);
    const callback = await provider.loginAs('alice', start.url);
    const error = await refusal(
      finishLogin(config, callback, { ...start, codeVerifier: other.codeVerifier }),
    );
    expect(error.reason).toBe('code-rejected');
  });

  it('refuses an ID token minted for another nonce', async () => {
    const start = await startLogin(config);
    const callback = await provider.loginAs('alice', start.url);
    const error = await refusal(finishLogin(config, callback, { ...start, nonce: 'some-other-nonce' }));
    expect(error.reason).toBe('nonce-mismatch');
  });

  it('reports a sign-in the user cancelled', async () => {
    const start = await startLogin(config);
    const callback = await provider.refuse(start.url);
    const error = await refusal(finishLogin(config, callback, start));
    expect(error.reason).toBe('access-denied');
    expect(error.message).toContain('access_denied');
  });
});

describe('sign-in configuration', () => {
  it('refuses a plain-http redirect URI off loopback', async () => {
    await expect(
      startLogin({ ...config, redirectUri: 'http://node.example.org/auth/callback' }),
    ).rejects.toThrow(/redirectUri must use https/);
  });
});
