import type { JWTPayload } from 'jose';

/** Who the caller is, after the token proving it has been verified. */
export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  name?: string;
  email?: string;
  /** Group memberships from the configured groups claim; empty when the claim is absent. */
  groups: string[];
  /** When the proof expires; sessions and caches must not outlive it. */
  expiresAt: Date;
  /** `jti` of the token, for revocation lists and audit. */
  tokenId?: string;
}

/** Identity from claims whose signature, issuer, audience and lifetime have already been checked. */
export function identityFromClaims(claims: JWTPayload, groupsClaim: string): VerifiedIdentity | undefined {
  const { iss, sub, exp, jti } = claims;
  if (typeof iss !== 'string' || typeof sub !== 'string' || sub === '' || typeof exp !== 'number') {
    return undefined;
  }
  const identity: VerifiedIdentity = {
    issuer: iss,
    subject: sub,
    groups: groupsFrom(claims[groupsClaim]),
    expiresAt: new Date(exp * 1000),
  };
  if (typeof claims.name === 'string') identity.name = claims.name;
  if (typeof claims.email === 'string') identity.email = claims.email;
  if (typeof jti === 'string') identity.tokenId = jti;
  return identity;
}

// Most providers send an array; some send a lone string for a single group. A string is never split:
// group names may contain spaces, and splitting could invent a group nobody was given.
function groupsFrom(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((group): group is string => typeof group === 'string');
  if (typeof value === 'string' && value !== '') return [value];
  return [];
}
