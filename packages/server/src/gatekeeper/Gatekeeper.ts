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

/**
 * The gatekeeper over a control store. A product's rules are its row in the store (visibility and owners,
 * which its owners manage) or, until it has one, what product.yaml says; grants always come from the store.
 */
export class StoreGatekeeper implements Gatekeeper {
  constructor(
    readonly store: ControlStore,
    private readonly options: { verifyAccessToken?: AccessTokenVerifier } = {},
  ) {}

  identify(authorization: string | undefined): Promise<IdentifiedCaller> {
    return identifyCaller(authorization, {
      store: this.store,
      ...(this.options.verifyAccessToken ? { verifyAccessToken: this.options.verifyAccessToken } : {}),
    });
  }

  async decide(
    caller: IdentifiedCaller,
    product: ProductService,
    action: ProductAction,
  ): Promise<AccessDecision> {
    return decideProductAccess(caller, await this.rules(product), action);
  }

  private async rules(product: ProductService): Promise<ProductAccessRules> {
    const [stored, grants] = await Promise.all([
      this.store.getProductAccess(product.id),
      this.store.listGrantsForProduct(product.id),
    ]);
    const defaults = product.accessDefaults();
    return {
      visibility: stored?.visibility ?? defaults.visibility,
      ...(defaults.everyone !== undefined ? { everyone: defaults.everyone } : {}),
      owners: stored?.owners ?? [],
      grants: grants.map((grant) => ({ principal: grant.principal, role: grant.role })),
    };
  }
}
