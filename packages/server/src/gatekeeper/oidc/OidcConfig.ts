import { assertSecureUrl } from './transport.ts';

/**
 * How the node trusts one OpenID Connect provider: whom it accepts tokens from (issuer), which tokens
 * are meant for it (audience), and how it signs people in through the provider (client, redirect URI).
 */
export interface OidcConfig {
  /** Issuer identifier, exactly as the provider spells it in `iss` (e.g. `https://sso.example.org/realms/x`). */
  issuer: string;
  /** Value that must appear in an access token's `aud` for this node to accept it. */
  audience: string;
  /** Client registered at the provider for browser sign-in. */
  clientId: string;
  /** Confidential clients authenticate at the token endpoint; without a secret the client is public (PKCE only). */
  clientSecret?: string;
  /** Where the provider sends the browser back with `code` and `state`; must be registered at the provider. */
  redirectUri: string;
  /** Scopes asked for at sign-in; `openid` is always added. Default `openid profile email`. */
  scopes?: string[];
  /** Claim that carries the user's groups. Default `groups`. */
  groupsClaim?: string;
  /** Leeway for `exp`, `nbf` and `iat` against clock drift between node and provider. Default 30 s. */
  clockToleranceSeconds?: number;
  /** Extra authorization request parameters some providers need, e.g. `{ audience: '...' }` or `{ resource: '...' }`. */
  authorizationParams?: Record<string, string>;
  /** How the client authenticates at the token endpoint when it has a secret. Default `client_secret_basic`. */
  tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post';
}

export const DEFAULT_SCOPES: readonly string[] = ['openid', 'profile', 'email'];
export const DEFAULT_GROUPS_CLAIM = 'groups';
export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 30;

/** Scopes for the authorization request: the configured ones (or the defaults), always with `openid`. */
export function requestedScopes(config: OidcConfig): string[] {
  const scopes = config.scopes ?? DEFAULT_SCOPES;
  return scopes.includes('openid') ? [...scopes] : ['openid', ...scopes];
}

export function groupsClaimOf(config: OidcConfig): string {
  return config.groupsClaim ?? DEFAULT_GROUPS_CLAIM;
}

export function clockToleranceOf(config: OidcConfig): number {
  const tolerance = config.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS;
  if (!Number.isFinite(tolerance) || tolerance < 0) {
    throw new TypeError('clockToleranceSeconds must be a non-negative number');
  }
  return tolerance;
}

/**
 * Fails fast on settings that would make the node insecure or unusable, so a misconfiguration is
 * found at start-up rather than at the first request. Checks only what the calling piece uses.
 */
export function assertUsableConfig(config: OidcConfig, use: 'verify' | 'login'): void {
  assertSecureUrl(config.issuer, 'issuer');
  clockToleranceOf(config);
  if (use === 'verify' && config.audience === '') throw new TypeError('audience must not be empty');
  if (use === 'login') {
    if (config.clientId === '') throw new TypeError('clientId must not be empty');
    // The authorization code travels to this URL; PKCE and the client secret protect it, but a
    // plain-HTTP callback would still expose the sign-in to anyone on the path.
    assertSecureUrl(config.redirectUri, 'redirectUri');
  }
}
