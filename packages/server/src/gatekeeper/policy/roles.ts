/** What one may do with a product, from looking at it to managing who else may. */
export type ProductAction = 'see' | 'count' | 'run' | 'export' | 'manage';

import { ROLES, type Role, type TokenScope } from '../../control/ControlStore.ts';

/** Roles and scopes are the control store's: one definition for what is stored and what is decided. */
export type ProductRole = Role;
export type { TokenScope };

export const PRODUCT_ROLES: readonly ProductRole[] = ROLES;

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

const SCOPE_ACTIONS: Record<TokenScope, readonly ProductAction[]> = {
  read: ['see', 'count'],
  run: ['run'],
  export: ['export'],
  admin: ['manage'],
};

export function scopesAllow(scopes: readonly TokenScope[], action: ProductAction): boolean {
  return scopes.some((scope) => SCOPE_ACTIONS[scope].includes(action));
}
