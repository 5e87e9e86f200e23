import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calculateJwkThumbprint, compactVerify, importJWK } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jwks } from './jwks.ts';
import {
  dropPreviousNodeKey,
  loadOrCreateNodeKey,
  NODE_KEY_FILE,
  PREVIOUS_NODE_KEY_FILE,
  rotateNodeKey,
} from './loadOrCreateNodeKey.ts';
import { mintNodeToken } from './mintNodeToken.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plexus-node-key-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const user = { subject: 'alice', issuer: 'https://sso.example.org' };

describe('loadOrCreateNodeKey', () => {
  it('creates an Ed25519 key once, as a PKCS8 PEM readable by its owner only, and reloads it', async () => {
    const first = await loadOrCreateNodeKey(join(dir, 'data'));
    const file = join(dir, 'data', NODE_KEY_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(first.previous).toBeUndefined();
    expect(first.current.publicJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });

    const again = await loadOrCreateNodeKey(join(dir, 'data'));
    expect(again.current.kid).toBe(first.current.kid);
    // The reloaded private key signs what the first public key verifies.
    const token = await mintNodeToken(again.current, { issuer: 'a', audience: 'b', user });
    const publicKey = await importJWK(first.current.publicJwk, 'EdDSA');
    await expect(compactVerify(token, publicKey)).resolves.toBeDefined();
  });

  it('names the key by its RFC 7638 thumbprint', async () => {
    const { current } = await loadOrCreateNodeKey(dir);
    const { kty, crv, x } = current.publicJwk;
    expect(current.kid).toBe(await calculateJwkThumbprint({ kty, crv, x }, 'sha256'));
    expect(current.publicJwk.kid).toBe(current.kid);
  });

  it('gives one key to concurrent first starts', async () => {
    const stores = await Promise.all([1, 2, 3, 4].map(() => loadOrCreateNodeKey(dir)));
    expect(new Set(stores.map((store) => store.current.kid)).size).toBe(1);
  });

  it('refuses a key file that others can read', async () => {
    await loadOrCreateNodeKey(dir);
    await chmod(join(dir, NODE_KEY_FILE), 0o644);
    await expect(loadOrCreateNodeKey(dir)).rejects.toThrow(/readable by other users.*chmod 600/);
  });

  it('refuses a key file that is not a PKCS8 Ed25519 key', async () => {
    await writeFile(join(dir, NODE_KEY_FILE), 'not a key', { mode: 0o600 });
    await expect(loadOrCreateNodeKey(dir)).rejects.toThrow(/not an Ed25519 private key/);
  });
});

describe('jwks', () => {
  it('publishes the public key only', async () => {
    const store = await loadOrCreateNodeKey(dir);
    const document = jwks(store);
    expect(document.keys).toHaveLength(1);
    const [key] = document.keys;
    expect(Object.keys(key ?? {}).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);
    expect(JSON.stringify(document)).not.toMatch(/"d"/);
  });

  it('publishes the previous key next to the new one after a rotation, until it is dropped', async () => {
    const before = await loadOrCreateNodeKey(dir);
    const rotated = await rotateNodeKey(dir);
    expect(rotated.previous?.kid).toBe(before.current.kid);
    expect(rotated.current.kid).not.toBe(before.current.kid);
    expect((await stat(join(dir, NODE_KEY_FILE))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, PREVIOUS_NODE_KEY_FILE))).mode & 0o777).toBe(0o600);

    const reloaded = await loadOrCreateNodeKey(dir);
    expect(reloaded.current.kid).toBe(rotated.current.kid);
    expect(reloaded.previous?.kid).toBe(before.current.kid);
    expect(jwks(reloaded).keys.map((key) => key.kid)).toEqual([rotated.current.kid, before.current.kid]);
    expect(JSON.stringify(jwks(reloaded))).not.toMatch(/"d"/);

    await dropPreviousNodeKey(dir);
    expect(jwks(await loadOrCreateNodeKey(dir)).keys.map((key) => key.kid)).toEqual([rotated.current.kid]);
  });
});
