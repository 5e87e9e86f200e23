import { NotAllowedError } from '@plexus/spec';
import type { FastifyRequest } from 'fastify';
import type { TokenScope } from '../control/ControlStore.ts';

/** Tokens that never expire are not offered: 90 days unless the caller asks for another span. */
export function tokenExpiry(expiresInDays = 90, now = Date.now()): string {
  return new Date(now + expiresInDays * 86_400_000).toISOString();
}

/**
 * A token can only hand on what it has: a read-only token must not mint an admin one. Refuses the scopes
 * asked for that the caller's own token lacks (a browser signed in through SSO holds them all).
 */
export function assertScopesHeld(request: FastifyRequest, scopes: readonly TokenScope[]): void {
  const held = request.caller.scopes;
  const beyond = held ? scopes.filter((scope) => !held.includes(scope)) : [];
  if (beyond.length > 0)
    throw new NotAllowedError(
      `the token used has no ${beyond.join(', ')} scope, so it cannot create a token with it`,
    );
}
