import { type MeshConfig, UnavailableError } from '@plexus/spec';
import { decodeJwt, decodeProtectedHeader, errors, type JWTPayload, jwtVerify } from 'jose';
import { NODE_KEY_ALGORITHM } from './NodeKey.ts';
import { NodeKeysUnavailableError } from './NodeKeysUnavailableError.ts';
import { NodeTokenError } from './NodeTokenError.ts';
import { nodeJwksUrl } from './nodeJwksUrl.ts';
import {
  LOCAL_USER_ISSUER,
  localUserIssuer,
  MAX_NODE_TOKEN_TTL_SECONDS,
  NODE_TOKEN_TYPE,
  TRACEPARENT_PATTERN,
} from './nodeTokenClaims.ts';
import { RemoteNodeKeys } from './RemoteNodeKeys.ts';
import { ReplayCache } from './ReplayCache.ts';
import { isSecureUrl } from './secureUrl.ts';

export interface NodeTokenVerifierOptions {
  /** The nodes and identity providers this node trusts (the `trust` section of its mesh configuration). */
  trust: MeshConfig['trust'];
  /** This node's id: the `aud` every accepted token carries. */
  thisNodeId: string;
  /** Leeway for `exp`, `nbf` and `iat` against clock drift between nodes. Default 5 s. */
  clockToleranceSeconds?: number;
  /** Fetches the trusted nodes' key sets; default the global `fetch`. */
  fetch?: typeof globalThis.fetch;
  /** How long a node's key set is used before it is fetched again. Default 5 minutes. */
  jwksCacheMs?: number;
  /** Least time between refetches of one node's key set on an unknown `kid` or after a failure. Default 30 s. */
  jwksRefetchCooldownMs?: number;
  /** Timeout of one key set fetch. Default 5 s. */
  jwksTimeoutMs?: number;
  /** Most token ids remembered against replay; beyond it calls are refused (503). Default 100,000. */
  maxReplayEntries?: number;
  /** The clock, in milliseconds since the epoch (tests). */
  now?: () => number;
}

/** A call from another node, verified: who called, for whom, and what for. */
export interface VerifiedNodeCall {
  node: { id: string };
  user: {
    subject: string;
    /**
     * The user's identity provider; for a local account of the calling node `localUserIssuer(node.id)`,
     * so that it can never be mistaken for a user of this node or of another.
     */
    issuer: string;
    /** Whether the user is a local account of the calling node. */
    local: boolean;
    name?: string;
    email?: string;
    groups: string[];
  };
  scopes: string[];
  jti: string;
  expiresAt: Date;
  traceparent?: string;
}

/** A node token is a few hundred bytes; anything far larger is refused before parsing. */
const MAX_TOKEN_LENGTH = 8_192;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * Verifies the tokens with which trusted nodes call this one (see docs/mesh-trust.md). In order:
 * shape, `alg` (EdDSA only) and `typ`, before anything is fetched; `iss` among the trusted nodes;
 * the signature against that node's published keys; `aud` = this node; `exp`, `nbf` and `iat`
 * within the clock tolerance; a lifetime (`exp` − `iat`) of at most 60 s; the claims' types; the
 * user's issuer trusted; and last, that the `jti` has not been seen before. Refusals throw
 * `NodeTokenError`; unreachable keys throw `NodeKeysUnavailableError`, a full replay cache
 * `UnavailableError`. An insecure key URL in `trust` throws a `TypeError` at construction.
 */
export class NodeTokenVerifier {
  readonly #thisNodeId: string;
  readonly #tolerance: number;
  readonly #now: () => number;
  readonly #nodes = new Map<string, RemoteNodeKeys>();
  readonly #userIssuers: ReadonlySet<string>;
  readonly #replays: ReplayCache;

  constructor(options: NodeTokenVerifierOptions) {
    if (typeof options.thisNodeId !== 'string' || options.thisNodeId === '') {
      throw new TypeError('thisNodeId must be a non-empty string');
    }
    this.#thisNodeId = options.thisNodeId;
    this.#tolerance = options.clockToleranceSeconds ?? 5;
    if (!(this.#tolerance >= 0 && this.#tolerance <= 60)) {
      throw new RangeError('clockToleranceSeconds must lie between 0 and 60');
    }
    this.#now = options.now ?? Date.now;
    this.#replays = new ReplayCache(options.maxReplayEntries);
    this.#userIssuers = new Set(options.trust.issuers);
    const fetchOptions = {
      fetch: options.fetch ?? globalThis.fetch,
      cacheMs: options.jwksCacheMs ?? 300_000,
      cooldownMs: options.jwksRefetchCooldownMs ?? 30_000,
      timeoutMs: options.jwksTimeoutMs ?? 5_000,
      now: this.#now,
    };
    for (const node of options.trust.nodes) {
      if (this.#nodes.has(node.id)) throw new TypeError(`trusted node ${node.id} is listed twice`);
      const url = nodeJwksUrl(node);
      if (!isSecureUrl(url)) {
        throw new TypeError(`the keys of node ${node.id} must be fetched over https (http only on loopback)`);
      }
      this.#nodes.set(node.id, new RemoteNodeKeys(url, fetchOptions));
    }
  }

  async verify(token: string): Promise<VerifiedNodeCall> {
    if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH || !COMPACT_JWS.test(token)) {
      throw new NodeTokenError('malformed');
    }
    let header: ReturnType<typeof decodeProtectedHeader>;
    let unverified: JWTPayload;
    try {
      header = decodeProtectedHeader(token);
      unverified = decodeJwt(token);
    } catch {
      throw new NodeTokenError('malformed');
    }
    // Before any key is looked at: `none` would need none, and HS256 would take a public key for a secret.
    if (typeof header.alg !== 'string') throw new NodeTokenError('malformed');
    if (header.alg !== NODE_KEY_ALGORITHM) throw new NodeTokenError('bad-signature');
    if (header.typ !== NODE_TOKEN_TYPE || typeof header.kid !== 'string')
      throw new NodeTokenError('malformed');
    const issuer = unverified.iss;
    const keys = typeof issuer === 'string' ? this.#nodes.get(issuer) : undefined;
    if (issuer === undefined || keys === undefined) throw new NodeTokenError('untrusted-node');

    const nowMs = this.#now();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys.getKey, {
        algorithms: [NODE_KEY_ALGORITHM],
        typ: NODE_TOKEN_TYPE,
        issuer,
        audience: this.#thisNodeId,
        clockTolerance: this.#tolerance,
        currentDate: new Date(nowMs),
        requiredClaims: ['iss', 'aud', 'sub', 'iat', 'nbf', 'exp', 'jti'],
      }));
    } catch (error) {
      throw fromJoseError(error);
    }

    // A token for several nodes could be replayed at each of them: exactly one audience.
    if (payload.aud !== this.#thisNodeId) throw new NodeTokenError('wrong-audience');
    const { iat, exp } = payload as { iat: number; exp: number };
    if (iat > nowMs / 1000 + this.#tolerance) throw new NodeTokenError('not-yet-valid');
    if (exp - iat > MAX_NODE_TOKEN_TTL_SECONDS) throw new NodeTokenError('too-long-lived');

    const call = callFromClaims(payload, issuer);
    if (!call) throw new NodeTokenError('malformed');
    if (!call.user.local && !this.#userIssuers.has(call.user.issuer)) {
      throw new NodeTokenError('untrusted-user-issuer');
    }

    // Last, so that a refused token never takes room in the cache.
    const seen = this.#replays.remember(`${issuer} ${call.jti}`, (exp + this.#tolerance) * 1000, nowMs);
    if (seen === 'replayed') throw new NodeTokenError('replayed');
    if (seen === 'full') throw new UnavailableError('too many node calls in flight; retry shortly');
    return call;
  }
}

function callFromClaims(payload: JWTPayload, nodeId: string): VerifiedNodeCall | undefined {
  const { sub, jti, exp } = payload;
  const userIssuer = payload.user_iss;
  if (!isText(sub) || !isText(jti) || jti.length > 256 || typeof exp !== 'number' || !isText(userIssuer)) {
    return undefined;
  }
  const { name, email, groups, scope, traceparent } = payload;
  if (name !== undefined && typeof name !== 'string') return undefined;
  if (email !== undefined && typeof email !== 'string') return undefined;
  if (
    groups !== undefined &&
    !(Array.isArray(groups) && groups.every((group) => typeof group === 'string'))
  ) {
    return undefined;
  }
  if (scope !== undefined && typeof scope !== 'string') return undefined;
  const local = userIssuer === LOCAL_USER_ISSUER || userIssuer === localUserIssuer(nodeId);
  const call: VerifiedNodeCall = {
    node: { id: nodeId },
    user: {
      subject: sub,
      issuer: local ? localUserIssuer(nodeId) : userIssuer,
      local,
      ...(name !== undefined ? { name } : {}),
      ...(email !== undefined ? { email } : {}),
      groups: (groups as string[] | undefined) ?? [],
    },
    scopes: scope === undefined ? [] : scope.split(' ').filter((part) => part !== ''),
    jti,
    expiresAt: new Date(exp * 1000),
  };
  // Tracing must never decide a call: an unusable traceparent is dropped, not refused.
  if (typeof traceparent === 'string' && TRACEPARENT_PATTERN.test(traceparent))
    call.traceparent = traceparent;
  return call;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** jose's failures as refusals; its messages (which may quote claims) are dropped. */
function fromJoseError(error: unknown): Error {
  if (error instanceof NodeTokenError || error instanceof NodeKeysUnavailableError) return error;
  if (error instanceof errors.JWTExpired) return new NodeTokenError('expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'aud':
        return new NodeTokenError('wrong-audience');
      case 'iss':
        return new NodeTokenError('untrusted-node');
      case 'nbf':
      case 'iat':
        return error.reason === 'check_failed'
          ? new NodeTokenError('not-yet-valid')
          : new NodeTokenError('malformed');
      default:
        return new NodeTokenError('malformed');
    }
  }
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JOSEAlgNotAllowed ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys
  ) {
    return new NodeTokenError('bad-signature');
  }
  if (error instanceof errors.JOSEError) return new NodeTokenError('malformed');
  return error instanceof Error ? error : new Error('node token verification failed');
}
