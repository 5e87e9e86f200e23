import { decodeJwt, decodeProtectedHeader } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { mintNodeToken } from './mintNodeToken.ts';
import type { NodeKey } from './NodeKey.ts';
import { newNodeKeyForTests } from './newNodeKeyForTests.ts';

let key: NodeKey;

beforeAll(async () => {
  key = await newNodeKeyForTests();
});

const user = {
  subject: 'alice',
  issuer: 'https://sso.example.org',
  name: 'Alice',
  email: 'alice@example.org',
  groups: ['oncology'],
};

describe('mintNodeToken', () => {
  it('signs the claims of one call with EdDSA, the key id and the node token type', async () => {
    const now = Date.UTC(2025, 0, 1);
    const token = await mintNodeToken(key, {
      issuer: 'node-a',
      audience: 'node-b',
      user,
      scopes: ['runs:create', 'products:read'],
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      now: () => now,
    });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'EdDSA', kid: key.kid, typ: 'plexus-node+jwt' });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      iss: 'node-a',
      aud: 'node-b',
      sub: 'alice',
      user_iss: 'https://sso.example.org',
      name: 'Alice',
      email: 'alice@example.org',
      groups: ['oncology'],
      scope: 'runs:create products:read',
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      iat: now / 1000,
      nbf: now / 1000,
      exp: now / 1000 + 30,
    });
    expect(claims.jti).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('gives every token its own jti', async () => {
    const options = { issuer: 'node-a', audience: 'node-b', user };
    const ids = new Set<unknown>();
    for (let index = 0; index < 20; index++) ids.add(decodeJwt(await mintNodeToken(key, options)).jti);
    expect(ids.size).toBe(20);
  });

  it('refuses lifetimes beyond a minute and unusable options', async () => {
    const base = { issuer: 'node-a', audience: 'node-b', user };
    await expect(mintNodeToken(key, { ...base, ttlSeconds: 61 })).rejects.toThrow(RangeError);
    await expect(mintNodeToken(key, { ...base, ttlSeconds: 0 })).rejects.toThrow(RangeError);
    const sixty = decodeJwt(await mintNodeToken(key, { ...base, ttlSeconds: 60 }));
    expect((sixty.exp ?? 0) - (sixty.iat ?? 0)).toBe(60);
    await expect(mintNodeToken(key, { ...base, scopes: ['two words'] })).rejects.toThrow(TypeError);
    await expect(mintNodeToken(key, { ...base, traceparent: 'nope' })).rejects.toThrow(TypeError);
    await expect(mintNodeToken(key, { ...base, user: { subject: '', issuer: 'x' } })).rejects.toThrow(
      TypeError,
    );
  });
});
