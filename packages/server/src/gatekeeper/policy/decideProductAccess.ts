import {
  type ProductAction,
  type ProductRole,
  roleAllows,
  scopesAllow,
  strongestRole,
  type TokenScope,
} from './roles.ts';

export interface Principal {
  kind: 'user' | 'group';
  id: string;
}

/** Who is calling, as the gatekeeper established it. */
export interface Caller {
  /** Absent for anonymous calls. */
  userId?: string;
  groupIds: readonly string[];
  /** Node administrators manage users, groups and nodes — and see data only through grants like anyone. */
  admin: boolean;
  /** Present when the call carries a personal API token: its scopes bound what it may do. */
  scopes?: readonly TokenScope[];
}

export interface ProductAccessRules {
  visibility: 'public' | 'private';
  /** On a public product, the role every caller has, anonymous ones too (default viewer). */
  everyone?: 'viewer' | 'analyst';
  owners: readonly Principal[];
  grants: ReadonlyArray<{ principal: Principal; role: ProductRole }>;
}

/**
 * allow; forbidden (the caller may know the product exists: 403); hidden (a private product the caller
 * has no grant on: answered as if it did not exist, 404 — its existence is itself information).
 */
export type AccessDecision =
  | { outcome: 'allow'; role: ProductRole | 'public' }
  | { outcome: 'forbidden' | 'hidden'; reason: string };

function holds(caller: Caller, principal: Principal): boolean {
  return principal.kind === 'user' ? principal.id === caller.userId : caller.groupIds.includes(principal.id);
}

/** The caller's role on a product: its owners are owners; otherwise the strongest grant it holds. */
export function roleOf(caller: Caller, rules: ProductAccessRules): ProductRole | undefined {
  if (caller.userId === undefined && caller.groupIds.length === 0) return undefined;
  if (rules.owners.some((owner) => holds(caller, owner))) return 'owner';
  return strongestRole(
    rules.grants.filter((grant) => holds(caller, grant.principal)).map((grant) => grant.role),
  );
}

/**
 * Decides one action on one product. On a public product everyone holds its `everyone` role (viewer:
 * metadata and aggregate counts); anything more needs a grant, and a token's scopes bound every role.
 */
export function decideProductAccess(
  caller: Caller,
  rules: ProductAccessRules,
  action: ProductAction,
): AccessDecision {
  const granted = roleOf(caller, rules);
  const everyone = rules.visibility === 'public' ? (rules.everyone ?? 'viewer') : undefined;
  const role = strongestRole([granted, everyone].filter((held): held is ProductRole => held !== undefined));
  if (role === undefined) return { outcome: 'hidden', reason: 'no grant on a private product' };
  if (caller.scopes && !scopesAllow(caller.scopes, action))
    return {
      outcome: 'forbidden',
      reason: `the token's scopes (${caller.scopes.join(', ')}) do not allow '${action}'`,
    };
  if (roleAllows(role, action)) return { outcome: 'allow', role: granted === role ? role : 'public' };
  return {
    outcome: 'forbidden',
    reason:
      granted === undefined
        ? `'${action}' needs a grant on this product`
        : `the ${granted} role does not allow '${action}'`,
  };
}
