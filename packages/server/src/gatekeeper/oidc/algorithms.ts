import { decodeProtectedHeader } from 'jose';
import { AuthenticationError } from './AuthenticationError.ts';

/**
 * Asymmetric algorithms only: `none` would accept unsigned tokens, and HS* would let anyone who knows
 * a shared secret (or who passes the public key off as one) mint tokens.
 */
export const ALLOWED_ALGORITHMS: readonly string[] = ['RS256', 'ES256', 'EdDSA'];

/** Tokens are a few kilobytes at most; anything far larger is refused before parsing. */
const MAX_TOKEN_LENGTH = 16_384;

/** Rejects a token by its shape and header alone, before any key is fetched for it. */
export function assertAcceptableHeader(token: string): void {
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH || token.split('.').length !== 3) {
    throw new AuthenticationError('malformed');
  }
  let alg: unknown;
  try {
    alg = decodeProtectedHeader(token).alg;
  } catch {
    throw new AuthenticationError('malformed');
  }
  if (typeof alg !== 'string' || !ALLOWED_ALGORITHMS.includes(alg)) {
    throw new AuthenticationError('bad-signature');
  }
}
