import { canonicalJson } from '@plexus/engine';
import { InputError } from '@plexus/spec';
import { CompactSign, exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { entryOf, sources } from './catalogFixtures.ts';
import { CATALOG_ENTRY_JWS_TYPE, signEntry, verifyEntry } from './signEntry.ts';

const b64 = (text: string) => Buffer.from(text).toString('base64url');

describe('signEntry / verifyEntry', async () => {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const other = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const entry = entryOf(sources.vaLung!);

  it('signs the canonical JSON as a compact EdDSA JWS and verifies it with the public key', async () => {
    const jws = await signEntry(entry, privateKey, 'node-boston-2025');
    const [header, payload, signature] = jws.split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({
      alg: 'EdDSA',
      kid: 'node-boston-2025',
      typ: CATALOG_ENTRY_JWS_TYPE,
    });
    expect(Buffer.from(payload!, 'base64url').toString()).toBe(canonicalJson(entry));
    expect(signature).toBeTruthy();
    await expect(verifyEntry(jws, publicKey)).resolves.toEqual({ entry, kid: 'node-boston-2025' });
  });

  it('verifies against a JWKS, picking the key by kid', async () => {
    const jws = await signEntry(entry, privateKey, 'k2');
    const jwks = {
      keys: [
        { ...(await exportJWK(other.publicKey)), kid: 'k1', alg: 'EdDSA' },
        { ...(await exportJWK(publicKey)), kid: 'k2', alg: 'EdDSA' },
      ],
    };
    const { entry: verified } = await verifyEntry(jws, jwks);
    expect(verified.id).toBe('va-lung-trial');
    const unknownKid = await signEntry(entry, privateKey, 'k3');
    await expect(verifyEntry(unknownKid, jwks)).rejects.toThrow(InputError);
  });

  it('signs equal entries to equal payloads whatever their key order', async () => {
    const reordered = Object.fromEntries(Object.entries(entry).reverse()) as typeof entry;
    expect(Object.keys(reordered)[0]).toBe('publishedAt');
    const a = (await signEntry(entry, privateKey, 'k')).split('.')[1];
    const b = (await signEntry(reordered, privateKey, 'k')).split('.')[1];
    expect(a).toBe(b);
  });

  it('refuses a tampered entry, another key and another algorithm', async () => {
    const jws = await signEntry(entry, privateKey, 'k');
    const [header, , signature] = jws.split('.');
    const tampered = { ...entry, entity: { ...entry.entity, count: 7 } };
    await expect(
      verifyEntry(`${header}.${b64(canonicalJson(tampered))}.${signature}`, publicKey),
    ).rejects.toThrow(/does not verify/);
    await expect(verifyEntry(jws, other.publicKey)).rejects.toThrow(InputError);
    const none = `${b64(JSON.stringify({ alg: 'none', typ: CATALOG_ENTRY_JWS_TYPE }))}.${b64(canonicalJson(entry))}.`;
    await expect(verifyEntry(none, publicKey)).rejects.toThrow(InputError);
    await expect(verifyEntry('not a jws', publicKey)).rejects.toThrow(InputError);
  });

  it('refuses a validly signed payload that is not a valid, canonical entry', async () => {
    const sign = (text: string, typ = CATALOG_ENTRY_JWS_TYPE) =>
      new CompactSign(new TextEncoder().encode(text))
        .setProtectedHeader({ alg: 'EdDSA', typ })
        .sign(privateKey);
    await expect(verifyEntry(await sign(JSON.stringify({ id: 'x' })), publicKey)).rejects.toThrow(
      /not valid/,
    );
    await expect(verifyEntry(await sign(JSON.stringify(entry, null, 2)), publicKey)).rejects.toThrow(
      /not canonical/,
    );
    await expect(verifyEntry(await sign(canonicalJson(entry), 'JWT'), publicKey)).rejects.toThrow(InputError);
    await expect(signEntry({ ...entry, health: 'dead' } as never, privateKey, 'k')).rejects.toThrow(
      InputError,
    );
  });
});
