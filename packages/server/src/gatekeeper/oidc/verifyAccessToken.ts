import { jwtVerify } from 'jose';
import { AuthenticationError } from './AuthenticationError.ts';
import { ALLOWED_ALGORITHMS, assertAcceptableHeader } from './algorithms.ts';
import { issuerKeys } from './discovery.ts';
import { fromJoseError } from './joseErrors.ts';
import { assertUsableConfig, clockToleranceOf, groupsClaimOf, type OidcConfig } from './OidcConfig.ts';
import { identityFromClaims, type VerifiedIdentity } from './VerifiedIdentity.ts';

export type AccessTokenVerifier = (token: string) => Promise<VerifiedIdentity>;

/**
 * Verifier for JWT bearer access tokens issued by the configured provider for this node.
 *
 * Checks, in order: shape and algorithm allow-list (before any network call), signature against the
 * issuer's published keys, `iss`, `aud` containing the node's audience, `exp` and `nbf` within the
 * clock tolerance, and presence of `sub`. Refusals throw `AuthenticationError`; an unreachable
 * provider throws `IdentityProviderError`. An unusable config (e.g. a plain-HTTP issuer off
 * loopback) throws a `TypeError` here, at creation.
 */
export function createAccessTokenVerifier(config: OidcConfig): AccessTokenVerifier {
  assertUsableConfig(config, 'verify');
  const clockTolerance = clockToleranceOf(config);
  const groupsClaim = groupsClaimOf(config);
  return async (token) => {
    assertAcceptableHeader(token);
    const { keys } = await issuerKeys(config.issuer);
    let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: [...ALLOWED_ALGORITHMS],
        clockTolerance,
        requiredClaims: ['iss', 'sub', 'aud', 'exp'],
      }));
    } catch (error) {
      throw fromJoseError(error);
    }
    const identity = identityFromClaims(payload, groupsClaim);
    if (!identity) throw new AuthenticationError('malformed');
    return identity;
  };
}
