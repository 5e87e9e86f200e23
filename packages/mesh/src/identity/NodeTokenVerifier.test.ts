import { createHmac } from 'node:crypto';
import { type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jwks } from './jwks.ts';
import { type JwksTestServer, startJwksTestServer } from './jwksTestServer.ts';
import { type MintNodeTokenOptions, mintNodeToken } from './mintNodeToken.ts';
import type { NodeKey } from './NodeKey.ts';
import { NodeKeysUnavailableError } from './NodeKeysUnavailableError.ts';
import { NodeTokenError, type NodeTokenReason } from './NodeTokenError.ts';
import { NodeTokenVerifier, type NodeTokenVerifierOptions } from './NodeTokenVerifier.ts';
import { newNodeKeyForTests } from './newNodeKeyForTests.ts';
import { LOCAL_USER_ISSUER } from './nodeTokenClaims.ts';

const SSO = 'https://sso.example.org/realms/research';
const user = { subject: 'alice', issuer: SSO, name: 'Alice', groups: ['oncology'] };

let nodeA: NodeKey;
let stranger: NodeKey;
let server: JwksTestServer;

beforeAll(async () => {
  nodeA = await newNodeKeyForTests();
  stranger = await newNodeKeyForTests();
  server = await startJwksTestServer(jwks([nodeA]));
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.publish(jwks([nodeA]));
  server.fail(undefined);
});

function verifier(options: Partial<NodeTokenVerifierOptions> = {}): NodeTokenVerifier {
  return new NodeTokenVerifier({
    trust: { nodes: [{ id: 'node-a', url: server.url }], issuers: [SSO] },
    thisNodeId: 'node-b',
    ...options,
  });
}

function mint(options: Partial<MintNodeTokenOptions> = {}, key = nodeA): Promise<string> {
  return mintNodeToken(key, { issuer: 'node-a', audience: 'node-b', user, ...options });
}

/** Signs arbitrary claims, for tokens `mintNodeToken` refuses to make. */
function sign(claims: JWTPayload, key = nodeA, header: Record<string, unknown> = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    iss: 'node-a',
    aud: 'node-b',
    sub: 'alice',
    user_iss: SSO,
    iat: now,
    nbf: now,
    exp: now + 30,
    jti: `jti-${Math.random()}`,
    ...claims,
  })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'plexus-node+jwt', ...header })
    .sign(key.privateKey);
}

async function refusal(promise: Promise<unknown>, token: string): Promise<NodeTokenReason> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(NodeTokenError);
  const refused = error as NodeTokenError;
  // Nothing of the token reaches the message.
  for (const part of token.split('.').filter((segment) => segment.length > 8)) {
    expect(refused.message).not.toContain(part.slice(0, 12));
  }
  expect(refused.message).not.toContain('alice');
  expect(refused.code).toBe('UNAUTHENTICATED');
  return refused.reason;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('NodeTokenVerifier', () => {
  it('accepts a token of a trusted node for this node, with the user, scopes and trace', async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const token = await mint({ scopes: ['runs:create'], traceparent });
    const call = await verifier().verify(token);
    expect(call).toMatchObject({
      node: { id: 'node-a' },
      user: { subject: 'alice', issuer: SSO, local: false, name: 'Alice', groups: ['oncology'] },
      scopes: ['runs:create'],
      traceparent,
    });
    expect(call.jti).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(call.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("knows a calling node's local accounts under that node, never as its own or another's", async () => {
    const call = await verifier().verify(
      await mint({ user: { subject: 'admin', issuer: LOCAL_USER_ISSUER } }),
    );
    expect(call.user).toEqual({
      subject: 'admin',
      issuer: 'urn:plexus:node:node-a',
      local: true,
      groups: [],
    });
    const otherNodes = await sign({ user_iss: 'urn:plexus:node:node-c' });
    expect(await refusal(verifier().verify(otherNodes), otherNodes)).toBe('untrusted-user-issuer');
  });

  it('refuses a token signed by another key under the same kid', async () => {
    const forged = await sign({}, stranger, { kid: nodeA.kid });
    expect(await refusal(verifier().verify(forged), forged)).toBe('bad-signature');
  });

  it('refuses a token signed by a key the node does not publish', async () => {
    const token = await mint({}, stranger);
    expect(await refusal(verifier({ jwksRefetchCooldownMs: 0 }).verify(token), token)).toBe('bad-signature');
  });

  it('refuses an expired token, and accepts one within the clock tolerance', async () => {
    const expired = await mint({ now: () => Date.now() - 120_000 });
    expect(await refusal(verifier().verify(expired), expired)).toBe('expired');
    const justExpired = await mint({ ttlSeconds: 10, now: () => Date.now() - 12_000 });
    await expect(verifier({ clockToleranceSeconds: 5 }).verify(justExpired)).resolves.toBeDefined();
  });

  it('refuses a token that is not valid yet', async () => {
    const early = await mint({ now: () => Date.now() + 120_000 });
    expect(await refusal(verifier().verify(early), early)).toBe('not-yet-valid');
    const now = Math.floor(Date.now() / 1000);
    const issuedLater = await sign({ iat: now + 40, nbf: now - 10, exp: now + 50 });
    expect(await refusal(verifier().verify(issuedLater), issuedLater)).toBe('not-yet-valid');
  });

  it('refuses a token that lives longer than a minute', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await sign({ iat: now, nbf: now, exp: now + 3600 });
    expect(await refusal(verifier().verify(token), token)).toBe('too-long-lived');
    const sixtyOne = await sign({ iat: now, nbf: now, exp: now + 61 });
    expect(await refusal(verifier().verify(sixtyOne), sixtyOne)).toBe('too-long-lived');
  });

  it('refuses a token meant for another node, or for several', async () => {
    const other = await mint({ audience: 'node-c' });
    expect(await refusal(verifier().verify(other), other)).toBe('wrong-audience');
    const several = await sign({ aud: ['node-b', 'node-c'] });
    expect(await refusal(verifier().verify(several), several)).toBe('wrong-audience');
  });

  it('refuses a token used a second time', async () => {
    const check = verifier();
    const token = await mint();
    await expect(check.verify(token)).resolves.toBeDefined();
    expect(await refusal(check.verify(token), token)).toBe('replayed');
  });

  it('refuses a node it does not trust before fetching anything', async () => {
    const requests = server.requests;
    const token = await mint({ issuer: 'node-c' }, stranger);
    expect(await refusal(verifier().verify(token), token)).toBe('untrusted-node');
    expect(server.requests).toBe(requests);
  });

  it('refuses a user whose identity provider it does not trust', async () => {
    const token = await mint({ user: { subject: 'mallory', issuer: 'https://evil.example.org' } });
    expect(await refusal(verifier().verify(token), token)).toBe('untrusted-user-issuer');
  });

  it('refuses alg none and HS256 signed with the public key (algorithm confusion)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: 'node-a',
      aud: 'node-b',
      sub: 'alice',
      user_iss: SSO,
      iat: now,
      nbf: now,
      exp: now + 30,
      jti: 'x1',
    };
    const unsigned = `${base64url({ alg: 'none', typ: 'plexus-node+jwt', kid: nodeA.kid })}.${base64url(claims)}.`;
    expect(await refusal(verifier().verify(unsigned), unsigned)).toBe('bad-signature');

    const header = base64url({ alg: 'HS256', typ: 'plexus-node+jwt', kid: nodeA.kid });
    const input = `${header}.${base64url(claims)}`;
    for (const secret of [
      JSON.stringify(nodeA.publicJwk),
      Buffer.from(String(nodeA.publicJwk.x), 'base64url'),
    ]) {
      const hs256 = `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
      expect(await refusal(verifier().verify(hs256), hs256)).toBe('bad-signature');
    }
  });

  it('refuses a tampered payload', async () => {
    const token = await mint();
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    const tampered = `${header}.${base64url({ ...claims, groups: ['admins'] })}.${signature}`;
    expect(await refusal(verifier().verify(tampered), tampered)).toBe('bad-signature');
  });

  it('refuses malformed tokens and claims', async () => {
    for (const token of ['', 'abc', 'a.b', 'a.b.c.d', `${'x'.repeat(9000)}.a.b`, 'e30.e30.']) {
      expect(await refusal(verifier().verify(token), token)).toBe('malformed');
    }
    const untyped = await sign({}, nodeA, { typ: 'JWT' });
    expect(await refusal(verifier().verify(untyped), untyped)).toBe('malformed');
    const noJti = await sign({ jti: undefined });
    expect(await refusal(verifier().verify(noJti), noJti)).toBe('malformed');
    const noUserIssuer = await sign({ user_iss: undefined });
    expect(await refusal(verifier().verify(noUserIssuer), noUserIssuer)).toBe('malformed');
    const badGroups = await sign({ groups: 'oncology' });
    expect(await refusal(verifier().verify(badGroups), badGroups)).toBe('malformed');
  });

  it('follows a key rotation: old and new key both verify while both are published', async () => {
    const check = verifier({ jwksRefetchCooldownMs: 0 });
    const oldToken = await mint();
    await expect(check.verify(oldToken)).resolves.toBeDefined();
    const next = await newNodeKeyForTests();
    server.publish(jwks({ current: next, previous: nodeA }));
    // The unknown kid makes the verifier fetch the keys again.
    await expect(check.verify(await mint({}, next))).resolves.toMatchObject({ node: { id: 'node-a' } });
    await expect(check.verify(await mint({}, nodeA))).resolves.toBeDefined();
    server.publish(jwks([next]));
  });

  it('refetches on an unknown kid at most once per cooldown', async () => {
    const check = verifier({ jwksRefetchCooldownMs: 60_000 });
    await check.verify(await mint());
    const before = server.requests;
    for (let index = 0; index < 5; index++) {
      const token = await sign({}, stranger, { kid: `unknown-${index}` });
      expect(await refusal(check.verify(token), token)).toBe('bad-signature');
    }
    expect(server.requests - before).toBe(0);
  });

  it('uses the cached key set until it is older than jwksCacheMs', async () => {
    let now = Date.now();
    const check = verifier({ now: () => now, jwksCacheMs: 60_000 });
    const before = server.requests;
    await check.verify(await mint({ now: () => now }));
    await check.verify(await mint({ now: () => now }));
    expect(server.requests - before).toBe(1);
    now += 61_000;
    await check.verify(await mint({ now: () => now }));
    expect(server.requests - before).toBe(2);
  });

  it('uses an injected fetch, and reports unreachable keys as unavailable rather than a refusal', async () => {
    const seen: string[] = [];
    const check = verifier({
      fetch: async (input) => {
        seen.push(String(input));
        return new Response('oops', { status: 500 });
      },
    });
    await expect(check.verify(await mint())).rejects.toBeInstanceOf(NodeKeysUnavailableError);
    expect(seen).toEqual([`${server.url}/.well-known/jwks.json`]);
    // Within the cooldown the failure is not retried.
    await expect(check.verify(await mint())).rejects.toBeInstanceOf(NodeKeysUnavailableError);
    expect(seen).toHaveLength(1);
  });

  it('fetches keys from jwksUrl when given', async () => {
    const check = new NodeTokenVerifier({
      trust: {
        nodes: [
          { id: 'node-a', url: 'https://node-a.example.org', jwksUrl: `${server.url}/.well-known/jwks.json` },
        ],
        issuers: [SSO],
      },
      thisNodeId: 'node-b',
    });
    await expect(check.verify(await mint())).resolves.toBeDefined();
  });

  it('refuses plain-http key URLs off loopback at construction', () => {
    expect(
      () =>
        new NodeTokenVerifier({
          trust: { nodes: [{ id: 'node-a', url: 'http://node-a.example.org' }], issuers: [] },
          thisNodeId: 'node-b',
        }),
    ).toThrow(TypeError);
  });
});
