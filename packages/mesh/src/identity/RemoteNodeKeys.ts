import {
  type CryptoKey,
  createLocalJWKSet,
  errors,
  type FlattenedJWSInput,
  type JSONWebKeySet,
  type JWSHeaderParameters,
} from 'jose';
import { NodeKeysUnavailableError } from './NodeKeysUnavailableError.ts';

export interface RemoteNodeKeysOptions {
  fetch: typeof globalThis.fetch;
  /** How long a fetched key set is used before it is fetched again. */
  cacheMs: number;
  /** Least time between two fetches caused by an unknown `kid` or by a failed fetch. */
  cooldownMs: number;
  timeoutMs: number;
  now: () => number;
}

type KeySet = ReturnType<typeof createLocalJWKSet>;

/** A JWKS document is a few hundred bytes; anything far larger is not one. */
const MAX_JWKS_BYTES = 65_536;

/**
 * The published keys of one node, fetched from its JWKS URL and cached. A token naming a `kid` the
 * cached set lacks causes one refetch (at most every `cooldownMs`), which follows key rotation without
 * letting forged `kid`s hammer the node. A fetch that fails is not cached and is not retried within
 * `cooldownMs`; an expired set whose refresh fails is not used (fail closed: a key the node has
 * withdrawn must stop working).
 */
export class RemoteNodeKeys {
  readonly #url: string;
  readonly #options: RemoteNodeKeysOptions;
  #set: KeySet | undefined;
  #fetchedAt = Number.NEGATIVE_INFINITY;
  #attemptedAt = Number.NEGATIVE_INFINITY;
  #failedAt = Number.NEGATIVE_INFINITY;
  #pending: Promise<void> | undefined;

  constructor(url: string, options: RemoteNodeKeysOptions) {
    this.#url = url;
    this.#options = options;
  }

  /** A `getKey` function for jose's `jwtVerify`. */
  readonly getKey = async (header: JWSHeaderParameters, token: FlattenedJWSInput): Promise<CryptoKey> => {
    const now = this.#options.now();
    if (!this.#set || now - this.#fetchedAt >= this.#options.cacheMs) await this.#refresh(now);
    try {
      return await this.#select(header, token);
    } catch (error) {
      const unknownKid = error instanceof errors.JWKSNoMatchingKey;
      if (!unknownKid || now - this.#attemptedAt < this.#options.cooldownMs) throw error;
      await this.#refresh(now);
      return this.#select(header, token);
    }
  };

  #select(header: JWSHeaderParameters, token: FlattenedJWSInput): Promise<CryptoKey> {
    if (!this.#set) throw new NodeKeysUnavailableError('the calling node publishes no keys');
    return this.#set(header, token);
  }

  #refresh(now: number): Promise<void> {
    if (this.#pending) return this.#pending;
    if (now - this.#failedAt < this.#options.cooldownMs) {
      return Promise.reject(new NodeKeysUnavailableError("could not fetch the calling node's keys"));
    }
    this.#attemptedAt = now;
    this.#pending = this.#fetchKeys().then(
      (set) => {
        this.#set = set;
        this.#fetchedAt = now;
        this.#pending = undefined;
      },
      (error: unknown) => {
        // The set already held stays, but is used only while it is younger than cacheMs.
        this.#failedAt = now;
        this.#pending = undefined;
        throw error instanceof NodeKeysUnavailableError
          ? error
          : new NodeKeysUnavailableError("could not fetch the calling node's keys", { cause: error });
      },
    );
    return this.#pending;
  }

  async #fetchKeys(): Promise<KeySet> {
    const response = await this.#options.fetch(this.#url, {
      headers: { accept: 'application/jwk-set+json, application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(this.#options.timeoutMs),
    });
    if (!response.ok) {
      throw new NodeKeysUnavailableError(`the calling node's key set answered HTTP ${response.status}`);
    }
    const text = await response.text();
    if (text.length > MAX_JWKS_BYTES) {
      throw new NodeKeysUnavailableError("the calling node's key set is too large");
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new NodeKeysUnavailableError("the calling node's key set is not JSON");
    }
    try {
      return createLocalJWKSet(body as JSONWebKeySet);
    } catch {
      throw new NodeKeysUnavailableError("the calling node's key set is not a JWKS document");
    }
  }
}
