import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { NODE_KEY_ALGORITHM, type NodeKey } from './NodeKey.ts';
import {
  DEFAULT_NODE_TOKEN_TTL_SECONDS,
  MAX_NODE_TOKEN_TTL_SECONDS,
  NODE_TOKEN_TYPE,
  type NodeTokenUser,
  TRACEPARENT_PATTERN,
} from './nodeTokenClaims.ts';

export interface MintNodeTokenOptions {
  /** This node's id (`iss`). */
  issuer: string;
  /** The id of the node being called (`aud`). */
  audience: string;
  /** The user this node calls for. */
  user: NodeTokenUser;
  /** What the call may do, e.g. `runs:create`; carried as the space-separated `scope` claim. */
  scopes?: readonly string[];
  /** 1 to 60 seconds; default 30. */
  ttlSeconds?: number;
  /** The W3C `traceparent` of the call, so the callee's work joins the caller's trace. */
  traceparent?: string;
  /** The clock, in milliseconds since the epoch (tests). */
  now?: () => number;
}

/**
 * A short-lived token (compact JWS, EdDSA) with which this node calls another for a user. Claims:
 * `iss`, `aud`, `sub` (the user's subject), `user_iss` (the user's issuer), `iat`, `nbf`, `exp`, a
 * random `jti`, and `name`, `email`, `groups`, `scope`, `traceparent` when given. Throws a
 * `RangeError`/`TypeError` for options no callee would accept.
 */
export async function mintNodeToken(key: NodeKey, options: MintNodeTokenOptions): Promise<string> {
  const ttl = options.ttlSeconds ?? DEFAULT_NODE_TOKEN_TTL_SECONDS;
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_NODE_TOKEN_TTL_SECONDS) {
    throw new RangeError(`ttlSeconds must be a whole number from 1 to ${MAX_NODE_TOKEN_TTL_SECONDS}`);
  }
  const { user } = options;
  requireText(options.issuer, 'issuer');
  requireText(options.audience, 'audience');
  requireText(user.subject, 'user.subject');
  requireText(user.issuer, 'user.issuer');
  const scopes = options.scopes ?? [];
  for (const scope of scopes) {
    if (!/^[\x21\x23-\x5b\x5d-\x7e]+$/.test(scope)) {
      throw new TypeError('each scope must be a non-empty word of printable ASCII without spaces or quotes');
    }
  }
  if (options.traceparent !== undefined && !TRACEPARENT_PATTERN.test(options.traceparent)) {
    throw new TypeError('traceparent must follow the W3C Trace Context format');
  }
  const now = Math.floor((options.now?.() ?? Date.now()) / 1000);
  const claims: Record<string, unknown> = { user_iss: user.issuer };
  if (user.name !== undefined) claims.name = user.name;
  if (user.email !== undefined) claims.email = user.email;
  if (user.groups !== undefined) claims.groups = [...user.groups];
  if (scopes.length > 0) claims.scope = scopes.join(' ');
  if (options.traceparent !== undefined) claims.traceparent = options.traceparent;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: NODE_KEY_ALGORITHM, kid: key.kid, typ: NODE_TOKEN_TYPE })
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setSubject(user.subject)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + ttl)
    .setJti(randomBytes(16).toString('base64url'))
    .sign(key.privateKey);
}

function requireText(value: unknown, name: string): void {
  if (typeof value !== 'string' || value.length === 0)
    throw new TypeError(`${name} must be a non-empty string`);
}
