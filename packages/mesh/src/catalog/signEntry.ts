import { canonicalJson } from '@plexus/engine';
import { type CatalogEntry, CatalogEntrySchema, checkDocument, InputError } from '@plexus/spec';
import {
  CompactSign,
  type CryptoKey,
  compactVerify,
  createLocalJWKSet,
  type JSONWebKeySet,
  type JWK,
  type KeyObject,
} from 'jose';

/** The `typ` of a signed catalog entry. */
export const CATALOG_ENTRY_JWS_TYPE = 'plexus-catalog-entry+jws';

export type SigningKey = CryptoKey | KeyObject | JWK;
export type VerificationKey = CryptoKey | KeyObject | JWK | JSONWebKeySet;

/**
 * Signs a catalog entry as a compact JWS (EdDSA, the node's Ed25519 key): the payload is the canonical JSON
 * of the entry (object keys sorted), so that any copy of the same entry signs to the same bytes.
 */
export async function signEntry(entry: CatalogEntry, key: SigningKey, kid: string): Promise<string> {
  const issues = checkDocument(CatalogEntrySchema, entry);
  if (issues.length > 0) {
    throw new InputError(
      'The catalog entry is not valid',
      issues.map((issue) => ({ at: `/${issue.path.join('/')}`, message: issue.message })),
    );
  }
  return new CompactSign(new TextEncoder().encode(canonicalJson(entry)))
    .setProtectedHeader({ alg: 'EdDSA', kid, typ: CATALOG_ENTRY_JWS_TYPE })
    .sign(key);
}

function isKeySet(key: VerificationKey): key is JSONWebKeySet {
  return typeof key === 'object' && key !== null && 'keys' in key && Array.isArray(key.keys);
}

/**
 * Checks a signed catalog entry with the node's public key (or its JWKS, picked by `kid`) and returns the
 * entry. Throws InputError for a bad signature, another algorithm, a payload that is not the canonical
 * JSON of a valid entry.
 */
export async function verifyEntry(
  jws: string,
  publicKeyOrJwks: VerificationKey,
): Promise<{ entry: CatalogEntry; kid: string | undefined }> {
  let payload: Uint8Array;
  let kid: string | undefined;
  try {
    const result = isKeySet(publicKeyOrJwks)
      ? await compactVerify(jws, createLocalJWKSet(publicKeyOrJwks), { algorithms: ['EdDSA'] })
      : await compactVerify(jws, publicKeyOrJwks, { algorithms: ['EdDSA'] });
    payload = result.payload;
    kid = result.protectedHeader.kid;
    if (result.protectedHeader.typ !== CATALOG_ENTRY_JWS_TYPE) {
      throw new Error(`typ is ${String(result.protectedHeader.typ)}, not ${CATALOG_ENTRY_JWS_TYPE}`);
    }
  } catch (error) {
    throw new InputError('The catalog entry signature does not verify', [
      { message: error instanceof Error ? error.message : String(error) },
    ]);
  }
  const text = new TextDecoder().decode(payload);
  let entry: unknown;
  try {
    entry = JSON.parse(text);
  } catch {
    throw new InputError('The signed catalog entry is not JSON');
  }
  const issues = checkDocument(CatalogEntrySchema, entry);
  if (issues.length > 0) {
    throw new InputError(
      'The signed catalog entry is not valid',
      issues.map((issue) => ({ at: `/${issue.path.join('/')}`, message: issue.message })),
    );
  }
  if (canonicalJson(entry) !== text) throw new InputError('The signed catalog entry is not canonical JSON');
  return { entry: entry as CatalogEntry, kid };
}
