import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiToken, StoredApiToken } from './ControlStore.ts';

/** The id is public (it names the row); only the secret authenticates. Neither contains a dot. */
export function newTokenId(): string {
  return `tok_${randomBytes(12).toString('base64url')}`;
}

/** 256 bits: a hash of it cannot be reversed, so a leaked database does not leak usable tokens. */
export function newTokenSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256, hex. A slow password hash would add nothing for 256-bit random secrets and cost every request. */
export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function presentToken(id: string, secret: string): string {
  return `${id}.${secret}`;
}

/** Splits what a caller presents into id and secret; null when it cannot be a token of ours. */
export function parsePresentedToken(presented: string): { id: string; secret: string } | null {
  const dot = presented.indexOf('.');
  if (dot <= 0 || dot === presented.length - 1) return null;
  return { id: presented.slice(0, dot), secret: presented.slice(dot + 1) };
}

/** Constant-time comparison, so response timing does not tell how much of a guess was right. */
export function tokenSecretMatches(token: StoredApiToken, secret: string): boolean {
  const expected = Buffer.from(token.secretHash, 'hex');
  const actual = Buffer.from(hashTokenSecret(secret), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Neither revoked nor expired at `at`. */
export function tokenIsLive(token: ApiToken, at: string): boolean {
  if (token.revokedAt !== null) return false;
  return token.expiresAt === null || Date.parse(token.expiresAt) > Date.parse(at);
}
