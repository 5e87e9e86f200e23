import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * The web page's policy: its own scripts, styles and connections only. Inline style attributes are
 * allowed (React and the chart library set them); scripts are never inline and never evaluated from
 * text — charts use Vega's expression interpreter instead of `new Function`.
 */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** Paths of the API and of the node's own documents: never answered with the page. */
const NOT_THE_PAGE = /^\/(api|auth|\.well-known|healthz)(\/|$|\?)/;

const isPagePath = (request: FastifyRequest) => !NOT_THE_PAGE.test(request.url);

/**
 * Serves the built web client (packages/web/dist) at `/`: its files as they are (hashed assets cached
 * for a year, index.html never), and index.html for any other path a browser asks for, so that links
 * into the page (/products/va-lung-trial) work. Without a built client, `/` says how to build it.
 */
export async function serveWebClient(app: FastifyInstance, root: string | undefined): Promise<void> {
  const index = root ? join(root, 'index.html') : undefined;
  app.addHook('onSend', async (request, reply, payload) => {
    if (!isPagePath(request) || reply.statusCode >= 400) return payload;
    reply.header('content-security-policy', WEB_CSP);
    reply.header(
      'cache-control',
      request.url.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    return payload;
  });
  if (!root || !index || !existsSync(index)) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send(
          'The web client is not built: run `npm run build:web` and restart the node. The API is at /api/v1 (OpenAPI: /api/v1/openapi.json).\n',
        ),
    );
    return;
  }
  // The build writes .br and .gz copies of the assets; they are sent as they are to browsers that accept them.
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: false,
    preCompressed: true,
  });
  const page = await readFile(index);
  const sendPage = async (_request: FastifyRequest, reply: import('fastify').FastifyReply) =>
    reply.type('text/html; charset=utf-8').send(page);
  app.get('/', { schema: { hide: true } }, sendPage);
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (!isPagePath(request) || request.url.startsWith('/assets/')) return reply.callNotFound();
    return sendPage(request, reply);
  });
}
