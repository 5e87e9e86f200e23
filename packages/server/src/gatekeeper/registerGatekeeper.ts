import { NodeTokenError } from '@plexus/mesh';
import type { FastifyInstance } from 'fastify';
import { errorBody } from '../errors/errorBody.ts';
import type { Gatekeeper } from './Gatekeeper.ts';
import { ANONYMOUS, type IdentifiedCaller } from './identifyCaller.ts';
import { AuthenticationError } from './oidc/AuthenticationError.ts';
import { IdentityProviderError } from './oidc/IdentityProviderError.ts';
import { sessionTokenOf } from './ssoRoutes.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling, established before any route runs. */
    caller: IdentifiedCaller;
  }
}

/**
 * Identifies every request's caller before routing: a bad or revoked token is a 401 at once — never a
 * silent downgrade to anonymous, which would make a typo look like missing data.
 */
export function registerGatekeeper(app: FastifyInstance, gatekeeper: Gatekeeper): void {
  // Fastify refuses an object as a shared default (every request would share it): null, then set per request.
  app.decorateRequest('caller', null as unknown as IdentifiedCaller);
  app.addHook('onRequest', async (request, reply) => {
    request.caller = ANONYMOUS;
    try {
      const session = request.headers.authorization === undefined ? sessionTokenOf(request) : undefined;
      request.caller = await gatekeeper.identify(
        session !== undefined ? `Bearer ${session}` : request.headers.authorization,
      );
      if (request.caller.node)
        request.log.info(
          {
            node: request.caller.node.id,
            userId: request.caller.userId,
            traceparent: request.caller.node.traceparent,
          },
          'call from a node of the mesh',
        );
    } catch (error) {
      if (error instanceof NodeTokenError) {
        // The reason is a fixed code: it tells the calling node's operator what to fix, and carries
        // nothing of the token.
        return reply
          .code(401)
          .header('www-authenticate', `Bearer error="invalid_token", error_description="${error.reason}"`)
          .send(
            errorBody('UNAUTHENTICATED', error.message, [
              {
                at: 'authorization',
                message: error.message,
                expected: 'a node token this node accepts',
                found: error.reason,
              },
            ]),
          );
      }
      if (error instanceof AuthenticationError) {
        return reply
          .code(401)
          .header(
            'www-authenticate',
            `Bearer error="invalid_token", error_description="${error.message.replaceAll('"', "'")}"`,
          )
          .send(errorBody('UNAUTHENTICATED', `${error.message}: sign in again or use a valid API token`));
      }
      if (error instanceof IdentityProviderError) {
        return reply
          .code(503)
          .header('retry-after', '10')
          .send(
            errorBody(
              'UNAVAILABLE',
              'the identity provider cannot be reached to check the token; retry shortly',
            ),
          );
      }
      throw error;
    }
  });
}
