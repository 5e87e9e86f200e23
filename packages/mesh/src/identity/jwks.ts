import type { JWK } from 'jose';
import type { NodeKeyStore } from './loadOrCreateNodeKey.ts';
import type { NodeKey } from './NodeKey.ts';

/** A JSON Web Key Set (RFC 7517 §5), as served at `/.well-known/jwks.json`. */
export interface JsonWebKeySet {
  keys: JWK[];
}

const PUBLIC_MEMBERS = ['kty', 'crv', 'x', 'kid', 'alg', 'use'] as const;

/**
 * The node's JWKS document: the public half of its current key and, during a rotation, of its
 * previous one, so that tokens signed just before the rotation still verify. Only the public members
 * are copied, whatever the keys carry.
 */
export function jwks(keys: NodeKeyStore | readonly NodeKey[]): JsonWebKeySet {
  const list: readonly NodeKey[] =
    'current' in keys ? [keys.current, ...(keys.previous ? [keys.previous] : [])] : keys;
  const seen = new Set<string>();
  const out: JWK[] = [];
  for (const key of list) {
    if (seen.has(key.kid)) continue;
    seen.add(key.kid);
    const jwk: JWK = {};
    for (const member of PUBLIC_MEMBERS) {
      const value = key.publicJwk[member];
      if (typeof value === 'string') jwk[member] = value;
    }
    out.push(jwk);
  }
  return { keys: out };
}
