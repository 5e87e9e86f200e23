import { timingSafeEqual } from 'node:crypto';
import { jwtVerify } from 'jose';
import * as client from 'openid-client';
import { AuthenticationError } from './AuthenticationError.ts';
import { ALLOWED_ALGORITHMS } from './algorithms.ts';
import { clientConfiguration } from './clientConfiguration.ts';
import { issuerKeys } from './discovery.ts';
import { fromJoseError } from './joseErrors.ts';
import { fromLoginError, safeErrorCode } from './loginErrors.ts';
import {
  assertUsableConfig,
  clockToleranceOf,
  groupsClaimOf,
  type OidcConfig,
  requestedScopes,
} from './OidcConfig.ts';
import { identityFromClaims, type VerifiedIdentity } from './VerifiedIdentity.ts';

/** The secrets of one sign-in attempt; keep them server-side (or sealed) until the callback arrives. */
export interface LoginChecks {
  state: string;
  codeVerifier: string;
  nonce: string;
}

export interface LoginStart extends LoginChecks {
  /** Where to redirect the browser. */
  url: string;
}

export interface LoginResult {
  identity: VerifiedIdentity;
  idToken: string;
  accessToken: string;
  refreshToken?: string;
}

/** Begins an authorization code sign-in with PKCE (S256), a fresh state and a fresh nonce. */
export async function startLogin(config: OidcConfig): Promise<LoginStart> {
  assertUsableConfig(config, 'login');
  const configuration = await clientConfiguration(config);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(configuration, {
    // Provider-specific extras go first so they can never override the security parameters below.
    ...config.authorizationParams,
    redirect_uri: config.redirectUri,
    scope: requestedScopes(config).join(' '),
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, state, codeVerifier, nonce };
}

/**
 * Completes a sign-in from the URL the provider redirected the browser to. Refuses a callback whose
 * `state` is not the one issued by `startLogin` (CSRF / mix-up), exchanges the code with the PKCE
 * verifier, and accepts the ID token only if its signature, issuer, audience (the client id), lifetime
 * and nonce check out.
 */
export async function finishLogin(
  config: OidcConfig,
  callbackUrl: string | URL,
  checks: LoginChecks,
): Promise<LoginResult> {
  assertUsableConfig(config, 'login');
  const callback = new URL(callbackUrl);
  // Checked here as well as in openid-client so a forged callback never reaches the token endpoint.
  const returnedState = callback.searchParams.get('state');
  if (returnedState === null || checks.state === '' || !sameSecret(returnedState, checks.state)) {
    throw new AuthenticationError('state-mismatch');
  }
  if (callback.searchParams.has('error')) {
    throw new AuthenticationError('access-denied', safeErrorCode(callback.searchParams.get('error')));
  }
  const configuration = await clientConfiguration(config);
  // openid-client sends the URL it is given (minus the query) as redirect_uri in the code exchange.
  // Behind a proxy the node may see another host than the registered one, so the response parameters
  // are moved onto the registered redirect URI.
  const response = new URL(config.redirectUri);
  response.search = callback.search;
  response.hash = '';
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(configuration, response, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    throw fromLoginError(error);
  }
  const idToken = tokens.id_token;
  if (idToken === undefined) throw new AuthenticationError('invalid-id-token');
  const identity = await verifyIdToken(config, idToken, checks.nonce);
  const result: LoginResult = { identity, idToken, accessToken: tokens.access_token };
  if (tokens.refresh_token !== undefined) result.refreshToken = tokens.refresh_token;
  return result;
}

// openid-client may skip the ID token signature when it arrives straight from the token endpoint over
// TLS (Core §3.1.3.7); checking it against the published keys costs little and does not rely on TLS.
async function verifyIdToken(config: OidcConfig, idToken: string, nonce: string): Promise<VerifiedIdentity> {
  const { keys } = await issuerKeys(config.issuer);
  let claims: Awaited<ReturnType<typeof jwtVerify>>['payload'];
  try {
    ({ payload: claims } = await jwtVerify(idToken, keys, {
      issuer: config.issuer,
      audience: config.clientId,
      algorithms: [...ALLOWED_ALGORITHMS],
      clockTolerance: clockToleranceOf(config),
      requiredClaims: ['iss', 'sub', 'aud', 'exp'],
    }));
  } catch (error) {
    const mapped = fromJoseError(error);
    throw mapped instanceof AuthenticationError ? new AuthenticationError('invalid-id-token') : mapped;
  }
  if (typeof claims.nonce !== 'string' || !sameSecret(claims.nonce, nonce)) {
    throw new AuthenticationError('nonce-mismatch');
  }
  const identity = identityFromClaims(claims, groupsClaimOf(config));
  if (!identity) throw new AuthenticationError('invalid-id-token');
  return identity;
}

function sameSecret(actual: string, expected: string): boolean {
  const a = Buffer.from(actual);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
