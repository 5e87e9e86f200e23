import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Personal API tokens look like `plx_<id>_<secret>`: the id is public (it names the token in lists and
 * audit records), the secret is shown once and only its sha256 is stored. The prefix lets secret
 * scanners recognise a leaked token.
 */
export const TOKEN_PREFIX = 'plx';

const ID_BYTES = 9; // 12 base64url characters
const SECRET_BYTES = 32; // 43 base64url characters: 256 bits, beyond guessing

export interface MintedToken {
  id: string;
  /** The whole token, to show once. */
  token: string;
  /** What to store. */
  secretHash: string;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function mintApiToken(): MintedToken {
  // base64url may contain '_': ids and secrets are kept free of it so that parsing stays unambiguous.
  const part = (bytes: number) => randomBytes(bytes).toString('base64url').replaceAll('_', '-');
  const id = part(ID_BYTES);
  const secret = part(SECRET_BYTES);
  return { id, token: `${TOKEN_PREFIX}_${id}_${secret}`, secretHash: hashSecret(secret) };
}

/** Splits a presented token into id and secret, or undefined when it is not a Plexus token. */
export function parseApiToken(token: string): { id: string; secret: string } | undefined {
  const match = /^plx_([A-Za-z0-9-]{12})_([A-Za-z0-9-]{43})$/.exec(token);
  if (!match?.[1] || !match[2]) return undefined;
  return { id: match[1], secret: match[2] };
}

/** Compares a presented secret with a stored hash in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
