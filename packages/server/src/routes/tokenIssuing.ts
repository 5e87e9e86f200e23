import type { FastifyRequest } from 'fastify';
import type { TokenScope } from '../control/ControlStore.ts';

/** Tokens that never expire are not offered: 90 days unless the caller asks for another span. */
export function tokenExpiry(expiresInDays = 90, now = Date.now()): string {
  return new Date(now + expiresInDays * 86_400_000).toISOString();
}

/** A token can only hand on what it has: the scopes asked for that the caller's own token lacks. */
export function tokenScopesBeyondCaller(
  request: FastifyRequest,
  scopes: readonly TokenScope[],
): TokenScope[] {
  const held = request.caller.scopes;
  return held ? scopes.filter((scope) => !held.includes(scope)) : [];
}
