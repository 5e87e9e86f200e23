import { decodeJwt, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError } from '../../src/gatekeeper/oidc/AuthenticationError.ts';
import { IdentityProviderError } from '../../src/gatekeeper/oidc/IdentityProviderError.ts';
import type { OidcConfig } from '../../src/gatekeeper/oidc/OidcConfig.ts';
import {
  type AccessTokenVerifier,
  createAccessTokenVerifier,
} from '../../src/gatekeeper/oidc/verifyAccessToken.ts';
import {
  mintForeignToken,
  mintHs256Token,
  mintUnsignedToken,
  publishedKeyIds,
  startTestOidcProvider,
  type TestOidcProvider,
} from '../../src/testing/oidcProvider.ts';

const REDIRECT_URI = 'http://127.0.0.1:9/auth/callback';

let provider: TestOidcProvider;
let config: OidcConfig;
let verify: AccessTokenVerifier;

beforeAll(async () => {
  provider = await startTestOidcProvider({ redirectUri: REDIRECT_URI });
  config = {
    issuer: provider.issuer,
    audience: provider.audience,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    redirectUri: REDIRECT_URI,
  };
  verify = createAccessTokenVerifier(config);
});

afterAll(async () => {
  await provider?.stop();
});

/** Claims of a token that would be accepted, for variations that break exactly one thing. */
function claims(overrides: JWTPayload = {}): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: provider.issuer,
    aud: provider.audience,
    sub: 'alice',
    groups: ['oncology'],
    iat: now,
    exp: now + 300,
    jti: 'token-1',
    ...overrides,
  };
}

async function refusal(token: string, verifier = verify): Promise<AuthenticationError> {
  const error = await verifier(token).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  // Refusals get logged and returned: they must not echo the credential.
  if (token !== '') {
    expect((error as Error).message).not.toContain(token);
    expect(JSON.stringify(error)).not.toContain(token);
  }
  return error as AuthenticationError;
}

describe('access token verification against a real provider', () => {
  it('accepts a provider-issued client credentials token for the node', async () => {
    const token = await provider.clientCredentialsToken();
    const identity = await verify(token);
    expect(identity.issuer).toBe(provider.issuer);
    expect(identity.subject).toBe(provider.clientId);
    expect(identity.groups).toEqual([]);
    expect(identity.expiresAt.getTime()).toBe((decodeJwt(token).exp ?? 0) * 1000);
  });

  it('accepts a token signed with either published key and reads the identity claims', async () => {
    for (const alg of ['RS256', 'ES256'] as const) {
      const token = await provider.signWithProviderKey(
        claims({ name: 'Alice Example', email: 'alice@example.org', aud: ['other', provider.audience] }),
        alg,
      );
      expect(await verify(token)).toEqual({
        issuer: provider.issuer,
        subject: 'alice',
        name: 'Alice Example',
        email: 'alice@example.org',
        groups: ['oncology'],
        expiresAt: expect.any(Date),
        tokenId: 'token-1',
      });
    }
  });

  it('reads groups from the configured claim', async () => {
    const verifier = createAccessTokenVerifier({ ...config, groupsClaim: 'roles' });
    const token = await provider.signWithProviderKey(claims({ roles: ['pathology'] }));
    expect((await verifier(token)).groups).toEqual(['pathology']);
  });

  it('refuses an expired provider-issued token', async () => {
    const token = await provider.clientCredentialsToken(provider.resources.shortLived);
    const exp = decodeJwt(token).exp ?? 0;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, exp * 1000 - Date.now() + 50)));
    const strict = createAccessTokenVerifier({ ...config, clockToleranceSeconds: 0 });
    expect((await refusal(token, strict)).reason).toBe('expired');
    // The default tolerance absorbs a second of clock drift.
    expect((await verify(token)).subject).toBe(provider.clientId);
  });

  it('refuses a token expired beyond the clock tolerance', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await provider.signWithProviderKey(claims({ iat: now - 600, exp: now - 60 }));
    expect((await refusal(token)).reason).toBe('expired');
  });

  it('refuses a token that is not valid yet', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await provider.signWithProviderKey(claims({ nbf: now + 120 }));
    expect((await refusal(token)).reason).toBe('not-yet-valid');
  });

  it('refuses a provider-issued token for another audience', async () => {
    const token = await provider.clientCredentialsToken(provider.resources.elsewhere);
    expect(decodeJwt(token).aud).toBe(provider.resources.elsewhere);
    expect((await refusal(token)).reason).toBe('wrong-audience');
  });

  it('refuses the ID token of a sign-in, whose audience is the client', async () => {
    const token = await provider.signWithProviderKey(claims({ aud: provider.clientId }), 'RS256');
    expect((await refusal(token)).reason).toBe('wrong-audience');
  });

  it('refuses a correctly signed token naming another issuer', async () => {
    const token = await provider.signWithProviderKey(claims({ iss: 'https://sso.elsewhere.example' }));
    expect((await refusal(token)).reason).toBe('wrong-issuer');
  });

  it('refuses a token signed with a key the provider does not publish', async () => {
    expect((await refusal(await mintForeignToken(claims()))).reason).toBe('unknown-key');
  });

  it('refuses a token that borrows a published key id but is signed with another key', async () => {
    const kids = await publishedKeyIds(provider.issuer);
    const esKid = kids.find((kid) => kid.startsWith('es256-'));
    expect(esKid).toBeDefined();
    const token = await mintForeignToken(claims(), esKid);
    expect((await refusal(token)).reason).toBe('bad-signature');
  });

  it('refuses a provider token whose payload was altered', async () => {
    const [header, , signature] = (await provider.signWithProviderKey(claims())).split('.');
    const forged = Buffer.from(JSON.stringify(claims({ groups: ['admin'] }))).toString('base64url');
    expect((await refusal(`${header}.${forged}.${signature}`)).reason).toBe('bad-signature');
  });

  it('refuses an unsigned token (alg none)', async () => {
    expect((await refusal(mintUnsignedToken(claims()))).reason).toBe('bad-signature');
  });

  it('refuses an HS256 token signed with a guessable secret', async () => {
    expect((await refusal(await mintHs256Token(claims(), 'secret'))).reason).toBe('bad-signature');
  });

  it('refuses malformed tokens', async () => {
    for (const token of [
      '',
      'not-a-jwt',
      'a.b.c',
      'x'.repeat(20_000),
      `${mintUnsignedToken(claims())}.extra`,
    ]) {
      expect((await refusal(token)).reason).toBe('malformed');
    }
  });

  it('refuses a signed token without a subject', async () => {
    const token = await provider.signWithProviderKey(claims({ sub: undefined }));
    expect((await refusal(token)).reason).toBe('malformed');
  });

  it('refuses a signed token without an expiry', async () => {
    const token = await provider.signWithProviderKey(claims({ exp: undefined }));
    expect((await refusal(token)).reason).toBe('malformed');
  });
});

describe('issuer trust', () => {
  it('will not trust a non-loopback issuer over plain http', () => {
    expect(() => createAccessTokenVerifier({ ...config, issuer: 'http://sso.example.org' })).toThrow(/https/);
  });

  it('reports an unreachable provider as a provider failure, not as a bad token', async () => {
    const verifier = createAccessTokenVerifier({ ...config, issuer: 'http://127.0.0.1:9' });
    const token = await provider.signWithProviderKey(claims());
    await expect(verifier(token)).rejects.toBeInstanceOf(IdentityProviderError);
  });

  it('refuses metadata served for a different issuer', async () => {
    const verifier = createAccessTokenVerifier({ ...config, issuer: `${provider.issuer}/` });
    const token = await provider.signWithProviderKey(claims());
    await expect(verifier(token)).rejects.toThrow(/different issuer/);
  });
});
