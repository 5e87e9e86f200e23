import type { NodeTokenVerifier } from '@plexus/mesh';
import type { ProductService } from '@plexus/runtime';
import type { ControlStore } from '../control/ControlStore.ts';
import { type IdentifiedCaller, identifyCaller } from './identifyCaller.ts';
import type { AccessTokenVerifier } from './oidc/verifyAccessToken.ts';
import {
  type AccessDecision,
  decideProductAccess,
  type ProductAccessRules,
} from './policy/decideProductAccess.ts';
import type { ProductAction } from './policy/roles.ts';

/** Who is calling, and what they may do with a product: the node asks nothing else about access. */
export interface Gatekeeper {
  /** Where users, tokens, grants and the audit log live. */
  readonly store: ControlStore;
  identify(authorization: string | undefined): Promise<IdentifiedCaller>;
  decide(caller: IdentifiedCaller, product: ProductService, action: ProductAction): Promise<AccessDecision>;
}

/** Control-store writes that change who may do what: each clears the gatekeeper's caches. */
const ACCESS_WRITES = new Set<string>([
  'upsertUserFromIdentity',
  'setAdmin',
  'createGroup',
  'deleteGroup',
  'addMember',
  'removeMember',
  'syncExternalGroups',
  'revokeToken',
  'setProductAccess',
  'grant',
  'revokeGrant',
  'restrictProtocol',
]);

/** A token's last use is bookkeeping: written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export interface StoreGatekeeperOptions {
  verifyAccessToken?: AccessTokenVerifier;
  /**
   * Accept calls from the trusted nodes of a mesh (node tokens, docs/mesh-trust.md). Node calls are
   * never cached: every token is verified, and used once.
   */
  nodeTokens?: NodeTokenVerifier;
  /**
   * The identity providers whose group names node tokens carry into external groups; by default none.
   * `plexus serve --mesh` passes the mesh configuration's `trust.issuers`.
   */
  nodeGroupIssuers?: readonly string[];
  /**
   * How long callers and product rules are kept, in milliseconds; 0 (the default) reads the store on
   * every request. Every access write made through this gatekeeper's `store` clears the caches at once,
   * so a revocation on this node takes effect immediately; on other nodes sharing a PostgreSQL store it
   * takes effect within this time.
   */
  cacheMs?: number;
}

/**
 * The gatekeeper over a control store. A product's rules are its row in the store (visibility and owners,
 * which its owners manage) or, until it has one, what product.yaml says; grants always come from the store.
 */
export class StoreGatekeeper implements Gatekeeper {
  /** The store, wrapped so that access writes through it clear the caches. */
  readonly store: ControlStore;
  private readonly callers = new Map<string, { caller: IdentifiedCaller; until: number }>();
  private readonly rulesCache = new Map<string, { rules: ProductAccessRules; until: number }>();
  private readonly touched = new Map<string, number>();
  private readonly nodeGroupIssuers: ReadonlySet<string>;

  constructor(
    store: ControlStore,
    private readonly options: StoreGatekeeperOptions = {},
  ) {
    this.nodeGroupIssuers = new Set(options.nodeGroupIssuers ?? []);
    const clear = () => {
      this.callers.clear();
      this.rulesCache.clear();
    };
    // Every method bound once, the access writes wrapped to clear the caches: no per-call indirection.
    const wrapped: Record<string, unknown> = {};
    let prototype: object | null = store;
    while (prototype && prototype !== Object.prototype) {
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const value = (store as unknown as Record<string, unknown>)[name];
        if (name === 'constructor' || name in wrapped || typeof value !== 'function') continue;
        const bound = (value as (...parameters: unknown[]) => unknown).bind(store);
        wrapped[name] = ACCESS_WRITES.has(name)
          ? async (...args: unknown[]) => {
              try {
                return await bound(...args);
              } finally {
                clear();
              }
            }
          : bound;
      }
      prototype = Object.getPrototypeOf(prototype);
    }
    this.store = wrapped as unknown as ControlStore;
  }

  async identify(authorization: string | undefined): Promise<IdentifiedCaller> {
    const ttl = this.options.cacheMs ?? 0;
    // Keyed by the whole header: a hit means the very same secret was presented and verified.
    const key = ttl > 0 && authorization ? authorization : undefined;
    const now = Date.now();
    const cached = key ? this.callers.get(key) : undefined;
    if (cached && cached.until > now) return cached.caller;
    const caller = await identifyCaller(authorization, {
      store: this.store,
      ...(this.options.verifyAccessToken ? { verifyAccessToken: this.options.verifyAccessToken } : {}),
      ...(this.options.nodeTokens
        ? { nodeTokens: this.options.nodeTokens, nodeGroupIssuers: this.nodeGroupIssuers }
        : {}),
      touch: (tokenId, at) => this.touch(tokenId, at),
    });
    // A node token is good for one call: caching it would let a replay past the verifier.
    if (key && caller.via !== 'node') {
      if (this.callers.size > 10_000) this.callers.clear();
      this.callers.set(key, { caller, until: now + ttl });
    }
    return caller;
  }

  async decide(
    caller: IdentifiedCaller,
    product: ProductService,
    action: ProductAction,
  ): Promise<AccessDecision> {
    return decideProductAccess(caller, await this.rules(product), action);
  }

  private async touch(tokenId: string, at: string): Promise<void> {
    const last = this.touched.get(tokenId) ?? 0;
    const now = Date.parse(at);
    if (now - last < TOUCH_INTERVAL_MS) return;
    this.touched.set(tokenId, now);
    await this.store.touchToken(tokenId, at);
  }

  private async rules(product: ProductService): Promise<ProductAccessRules> {
    const ttl = this.options.cacheMs ?? 0;
    const cached = ttl > 0 ? this.rulesCache.get(product.id) : undefined;
    if (cached && cached.until > Date.now()) return cached.rules;
    const [stored, grants] = await Promise.all([
      this.store.getProductAccess(product.id),
      this.store.listGrantsForProduct(product.id),
    ]);
    const defaults = product.accessDefaults();
    const rules: ProductAccessRules = {
      visibility: stored?.visibility ?? defaults.visibility,
      ...(defaults.everyone !== undefined ? { everyone: defaults.everyone } : {}),
      owners: stored?.owners ?? [],
      grants: grants.map((grant) => ({ principal: grant.principal, role: grant.role })),
    };
    if (ttl > 0) this.rulesCache.set(product.id, { rules, until: Date.now() + ttl });
    return rules;
  }
}
