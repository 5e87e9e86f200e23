import type { FastifyInstance } from 'fastify';
import { answerError } from './answerError.ts';
import { errorBody } from './errorBody.ts';

/** URLs are echoed in 404 messages; a long one is cut so the body stays small. */
const MAX_ECHOED_PATH = 200;

/**
 * Every error response from a route, a hook, a body parser or an unknown URL goes through here. (The few
 * errors Fastify's router raises before any hook, such as a malformed URL, go through `frameworkErrors`
 * in createServer, which calls the same `answerError`.)
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request, reply) => answerError(error, request, reply));

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const shown = path.length > MAX_ECHOED_PATH ? `${path.slice(0, MAX_ECHOED_PATH)}...` : path;
    const body = errorBody('NOT_FOUND', `There is no route ${request.method} ${shown}.`);
    return reply.code(404).type('application/json; charset=utf-8').send(body);
  });
}
