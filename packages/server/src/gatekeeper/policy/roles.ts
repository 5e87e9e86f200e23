/** What one may do with a product, from looking at it to managing who else may. */
export type ProductAction = 'see' | 'count' | 'run' | 'export' | 'manage';

export type ProductRole = 'viewer' | 'analyst' | 'exporter' | 'owner';

export const PRODUCT_ROLES: readonly ProductRole[] = ['viewer', 'analyst', 'exporter', 'owner'];

/**
 * Each role includes the ones before it. A viewer sees metadata and aggregate-only answers (cohort
 * counts); an analyst runs every protocol; an exporter also downloads rows; an owner manages grants.
 */
const ROLE_ACTIONS: Record<ProductRole, readonly ProductAction[]> = {
  viewer: ['see', 'count'],
  analyst: ['see', 'count', 'run'],
  exporter: ['see', 'count', 'run', 'export'],
  owner: ['see', 'count', 'run', 'export', 'manage'],
};

export function roleAllows(role: ProductRole, action: ProductAction): boolean {
  return ROLE_ACTIONS[role].includes(action);
}

/** The strongest of several roles (a user may hold one directly and others through groups). */
export function strongestRole(roles: readonly ProductRole[]): ProductRole | undefined {
  let best: ProductRole | undefined;
  for (const role of roles)
    if (best === undefined || PRODUCT_ROLES.indexOf(role) > PRODUCT_ROLES.indexOf(best)) best = role;
  return best;
}

/** Token scopes bound what a token can do whatever its owner's roles. */
export type TokenScope = 'read' | 'run' | 'export' | 'admin';

const SCOPE_ACTIONS: Record<TokenScope, readonly ProductAction[]> = {
  read: ['see', 'count'],
  run: ['run'],
  export: ['export'],
  admin: ['manage'],
};

export function scopesAllow(scopes: readonly TokenScope[], action: ProductAction): boolean {
  return scopes.some((scope) => SCOPE_ACTIONS[scope].includes(action));
}
