import { type CryptoKey, calculateJwkThumbprint, exportJWK, importPKCS8, type JWK } from 'jose';

/** The signing algorithm of every node key and node token. */
export const NODE_KEY_ALGORITHM = 'EdDSA';

/** One Ed25519 key pair of a node, with its key id. */
export interface NodeKey {
  /** RFC 7638 JWK thumbprint (SHA-256, base64url) of the public key; the `kid` of its tokens. */
  kid: string;
  privateKey: CryptoKey;
  /** The public key as a JWK (`kty`, `crv`, `x`, `kid`, `alg`, `use`): never any private part. */
  publicJwk: JWK;
}

/** Reads a PKCS8 PEM holding an Ed25519 private key into a node key. */
export async function nodeKeyFromPrivatePem(pem: string): Promise<NodeKey> {
  const privateKey = await importPKCS8(pem, NODE_KEY_ALGORITHM, { extractable: true });
  const { kty, crv, x } = await exportJWK(privateKey);
  if (kty !== 'OKP' || crv !== 'Ed25519' || typeof x !== 'string') {
    throw new TypeError('a node key must be an Ed25519 key');
  }
  const kid = await calculateJwkThumbprint({ kty, crv, x }, 'sha256');
  return { kid, privateKey, publicJwk: { kty, crv, x, kid, alg: NODE_KEY_ALGORITHM, use: 'sig' } };
}
