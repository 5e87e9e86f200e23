import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Headers for a JSON-only API. The CSP forbids everything, so that a response opened in a browser can
 * never run or load anything even if some text in it looks like HTML. `no-store` because answers may
 * describe patients and should not linger in shared caches.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'cache-control': 'no-store',
};

/** The security headers and the request id, on one reply. */
export function applySecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply.headers(SECURITY_HEADERS);
  reply.header('x-request-id', request.id);
}

/** Set in onRequest (not onSend) so they survive every error path, including Fastify's fallback handler. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => applySecurityHeaders(request, reply));
}
