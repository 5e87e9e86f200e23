import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ControlStore } from '../../src/control/ControlStore.ts';
import { SqliteControlStore } from '../../src/control/SqliteControlStore.ts';
import { ANONYMOUS, identifyCaller } from '../../src/gatekeeper/identifyCaller.ts';
import { AuthenticationError } from '../../src/gatekeeper/oidc/AuthenticationError.ts';
import type { VerifiedIdentity } from '../../src/gatekeeper/oidc/VerifiedIdentity.ts';

let store: ControlStore;

beforeAll(async () => {
  store = await SqliteControlStore.open(':memory:');
});

afterAll(async () => {
  await store.close();
});

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AuthenticationError);
  return error as AuthenticationError;
};

describe('identifying the caller', () => {
  it('takes a request without credentials as anonymous', async () => {
    expect(await identifyCaller(undefined, { store })).toBe(ANONYMOUS);
  });

  it('knows the owner of a personal API token, its groups and its scopes', async () => {
    const user = await store.upsertUserFromIdentity({
      subject: 'local:ada',
      issuer: null,
      name: 'Ada',
      email: null,
    });
    const group = await store.createGroup('oncology');
    await store.addMember(group.id, user.id);
    const { presented, token } = await store.createToken({
      userId: user.id,
      name: 'laptop',
      scopes: ['read', 'run'],
      expiresAt: null,
    });
    const caller = await identifyCaller(`Bearer ${presented}`, { store });
    expect(caller).toMatchObject({
      via: 'token',
      userId: user.id,
      groupIds: [group.id],
      tokenId: token.id,
      scopes: ['read', 'run'],
    });
  });

  it('refuses a revoked token at once, an expired one, and a wrong secret, without saying which ids exist', async () => {
    const user = await store.upsertUserFromIdentity({
      subject: 'local:bo',
      issuer: null,
      name: 'Bo',
      email: null,
    });
    const live = await store.createToken({ userId: user.id, name: 'ci', scopes: ['read'], expiresAt: null });
    await store.revokeToken(live.token.id);
    expect((await refusal(identifyCaller(`Bearer ${live.presented}`, { store }))).message).toContain(
      'revoked',
    );
    const old = await store.createToken({
      userId: user.id,
      name: 'old',
      scopes: ['read'],
      expiresAt: '2020-01-01T00:00:00.000Z',
    });
    expect((await refusal(identifyCaller(`Bearer ${old.presented}`, { store }))).message).toContain(
      'expired',
    );
    const wrong = `${old.presented.slice(0, -2)}xx`;
    const unknown = `tok_${'a'.repeat(16)}.secret`;
    const [wrongSecret, unknownId] = [
      await refusal(identifyCaller(`Bearer ${wrong}`, { store })),
      await refusal(identifyCaller(`Bearer ${unknown}`, { store })),
    ];
    expect(wrongSecret.message).toBe(unknownId.message);
    expect(wrongSecret.message).not.toContain(old.presented.slice(-10));
  });

  it('refuses what is no bearer token, and JWTs when no identity provider is trusted', async () => {
    await refusal(identifyCaller('Basic dXNlcjpwYXNz', { store }));
    await refusal(identifyCaller('Bearer a.b.c', { store }));
  });

  it('creates a user on first sight of an identity provider token and follows its groups claim', async () => {
    const identity = (groups: string[]): VerifiedIdentity => ({
      issuer: 'https://idp.example.org',
      subject: 'alice-123',
      name: 'Alice',
      groups,
      expiresAt: new Date(Date.now() + 60_000),
    });
    let groups = ['oncology', 'trials'];
    const verifyAccessToken = async () => identity(groups);
    const first = await identifyCaller('Bearer h.p.s', { store, verifyAccessToken });
    expect(first).toMatchObject({ via: 'sso', admin: false, tokenId: null });
    expect(first.groupIds).toHaveLength(2);
    groups = ['trials'];
    const second = await identifyCaller('Bearer h.p.s', { store, verifyAccessToken });
    expect(second.userId).toBe(first.userId);
    expect(second.groupIds).toHaveLength(1);
  });
});
