import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { IdentityProviderError } from './IdentityProviderError.ts';
import { assertSecureUrl } from './transport.ts';

/** The parts of an OpenID provider's metadata the gatekeeper relies on; the rest is kept for openid-client. */
export interface IssuerMetadata {
  issuer: string;
  jwks_uri: string;
  authorization_endpoint?: string;
  token_endpoint?: string;
  [key: string]: unknown;
}

export interface IssuerKeys {
  metadata: IssuerMetadata;
  /** Remote key set: jose caches it and refetches on an unknown `kid`, which follows key rotation. */
  keys: JWTVerifyGetKey;
}

const DISCOVERY_TIMEOUT_MS = 5_000;

// One discovery per issuer for the life of the process; a failed attempt is forgotten so the next
// request retries instead of caching an outage.
const cache = new Map<string, Promise<IssuerKeys>>();

/** Metadata and signing keys of an issuer, discovered once from `/.well-known/openid-configuration`. */
export function issuerKeys(issuer: string): Promise<IssuerKeys> {
  let pending = cache.get(issuer);
  if (!pending) {
    pending = discover(issuer);
    cache.set(issuer, pending);
    pending.catch(() => cache.delete(issuer));
  }
  return pending;
}

async function discover(issuer: string): Promise<IssuerKeys> {
  const base = assertSecureUrl(issuer, 'issuer');
  const wellKnown = new URL(`${base.pathname.replace(/\/$/, '')}/.well-known/openid-configuration`, base);
  let body: unknown;
  try {
    const response = await fetch(wellKnown, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS),
    });
    if (!response.ok) {
      throw new IdentityProviderError(`issuer discovery answered HTTP ${response.status}`);
    }
    body = await response.json();
  } catch (error) {
    if (error instanceof IdentityProviderError) throw error;
    throw new IdentityProviderError('issuer discovery failed', { cause: error });
  }
  const metadata = parseMetadata(body);
  // Discovery 1.0 §4.3: metadata served for another issuer must not be trusted, or one provider could
  // vouch for tokens in another's name.
  if (metadata.issuer !== issuer) {
    throw new IdentityProviderError('issuer discovery returned metadata for a different issuer');
  }
  let jwksUri: URL;
  try {
    jwksUri = assertSecureUrl(metadata.jwks_uri, 'jwks_uri');
  } catch (error) {
    throw new IdentityProviderError('issuer publishes its keys at an insecure URL', { cause: error });
  }
  return { metadata, keys: createRemoteJWKSet(jwksUri, { timeoutDuration: DISCOVERY_TIMEOUT_MS }) };
}

function parseMetadata(body: unknown): IssuerMetadata {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new IdentityProviderError('issuer discovery returned no JSON object');
  }
  const record = body as Record<string, unknown>;
  if (typeof record.issuer !== 'string' || typeof record.jwks_uri !== 'string') {
    throw new IdentityProviderError('issuer discovery lacks issuer or jwks_uri');
  }
  return record as IssuerMetadata;
}
