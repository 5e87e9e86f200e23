import { nodeJwksUrl } from '@plexus/mesh';
import { type MeshTrustedNode, UnavailableError } from '@plexus/spec';
import type { JSONWebKeySet } from 'jose';

export interface TrustedNodeKeysOptions {
  /** The nodes whose keys may be asked for: the `trust.nodes` of the mesh configuration. */
  nodes: readonly MeshTrustedNode[];
  /** Default the global `fetch`. */
  fetch?: typeof globalThis.fetch;
  /** How long a fetched key set is used; default 5 minutes (as the node-token verifier). */
  cacheMs?: number;
  /** Least time between two fetches of one node's keys asked for `fresh`; default 30 s. */
  refetchCooldownMs?: number;
  /** Time limit of one fetch; default 5 s. */
  timeoutMs?: number;
  now?: () => number;
}

/** A JWKS document is a few hundred bytes; anything far larger is not one. */
const MAX_JWKS_BYTES = 65_536;

interface Held {
  keys: JSONWebKeySet;
  fetchedAt: number;
}

/**
 * The published key sets (JWKS) of the trusted nodes of the mesh, fetched from `<node url>/.well-known/
 * jwks.json` (or the node's `jwksUrl`) and cached, for checking what those nodes signed — their catalog
 * entries. `keysOf(id, { fresh: true })` fetches again (a key rotated since the last fetch), at most once
 * per `refetchCooldownMs`, so that bad signatures cannot make this node hammer a peer. A node that is not
 * trusted has no keys here (undefined); a key set that cannot be fetched is an UnavailableError (503).
 */
export class TrustedNodeKeys {
  readonly #urls = new Map<string, string>();
  readonly #held = new Map<string, Held>();
  readonly #pending = new Map<string, Promise<Held>>();
  readonly #fetch: typeof globalThis.fetch;
  readonly #cacheMs: number;
  readonly #cooldownMs: number;
  readonly #timeoutMs: number;
  readonly #now: () => number;

  constructor(options: TrustedNodeKeysOptions) {
    for (const node of options.nodes) this.#urls.set(node.id, nodeJwksUrl(node));
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#cacheMs = options.cacheMs ?? 300_000;
    this.#cooldownMs = options.refetchCooldownMs ?? 30_000;
    this.#timeoutMs = options.timeoutMs ?? 5_000;
    this.#now = options.now ?? Date.now;
  }

  /** Whether the node is one whose keys this node may fetch. */
  trusts(nodeId: string): boolean {
    return this.#urls.has(nodeId);
  }

  /** The node's key set: cached unless older than `cacheMs`, or `fresh` and older than the cooldown. */
  async keysOf(nodeId: string, options: { fresh?: boolean } = {}): Promise<JSONWebKeySet | undefined> {
    const url = this.#urls.get(nodeId);
    if (url === undefined) return undefined;
    const now = this.#now();
    const held = this.#held.get(nodeId);
    const age = held ? now - held.fetchedAt : Number.POSITIVE_INFINITY;
    if (held && age < this.#cacheMs && !(options.fresh && age >= this.#cooldownMs)) return held.keys;
    let pending = this.#pending.get(nodeId);
    if (!pending) {
      pending = this.#load(url, now).finally(() => this.#pending.delete(nodeId));
      this.#pending.set(nodeId, pending);
    }
    const loaded = await pending;
    this.#held.set(nodeId, loaded);
    return loaded.keys;
  }

  async #load(url: string, now: number): Promise<Held> {
    let text: string;
    try {
      const response = await this.#fetch(url, {
        headers: { accept: 'application/jwk-set+json, application/json' },
        redirect: 'error',
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      text = await response.text();
    } catch (error) {
      throw new UnavailableError(
        `the keys of the publishing node cannot be fetched from ${url} (${error instanceof Error ? error.message : String(error)}); retry shortly`,
      );
    }
    let body: unknown;
    try {
      body = text.length <= MAX_JWKS_BYTES ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (!isKeySet(body)) throw new UnavailableError(`the key set at ${url} is not a JWKS document`);
    return { keys: body, fetchedAt: now };
  }
}

function isKeySet(value: unknown): value is JSONWebKeySet {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { keys?: unknown }).keys) &&
    (value as { keys: unknown[] }).keys.every((key) => typeof key === 'object' && key !== null)
  );
}
