import { NotAllowedError, UnauthenticatedError } from '@plexus/spec';
import type { FastifyRequest } from 'fastify';

/** The caller's user id; a 401 for anonymous callers. */
export function requireSignedIn(request: FastifyRequest): string {
  const { userId } = request.caller;
  if (userId === undefined) throw new UnauthenticatedError('sign in or present an API token first');
  return userId;
}

/** Node administrators only, and through a token that carries the admin scope when a token is used. */
export function requireAdmin(request: FastifyRequest, what: string): string {
  const userId = requireSignedIn(request);
  if (!callerIsAdmin(request))
    throw new NotAllowedError(`only node administrators (with a token of admin scope) ${what}`);
  return userId;
}

/** A node administrator, through a token that carries the admin scope when a token is used. */
export function callerIsAdmin(request: FastifyRequest): boolean {
  const { admin, scopes } = request.caller;
  return admin && (scopes === undefined || scopes.includes('admin'));
}
