import type { TSchema } from '@sinclair/typebox';
import { ErrorBodySchema } from './ErrorBodySchema.ts';
import { refTo } from './refTo.ts';

const descriptions: Record<string, string> = {
  400: 'The request is invalid; details name each bad field.',
  401: 'No valid credentials: present a node API token or an identity-provider access token.',
  403: 'The caller may not do this.',
  404: 'No such product, protocol or route.',
  409: 'The request conflicts with the current state.',
  413: 'The request body is too large.',
  415: 'The request body is not JSON.',
  429: 'Too many requests from this caller; the Retry-After header says when to try again.',
  503: 'Every plugin worker is busy and the queue is full; retry after a moment.',
  '4xx': 'The request cannot be served as sent.',
  '5xx': 'A fault on the server; the body carries an error id for the operator.',
};

/**
 * Error responses of a route, all with the one error body. Every route gets the 4xx and 5xx ranges
 * because the error handler can answer any request with them; the named statuses document the likely ones.
 */
export function errorResponses(
  ...statuses: Array<400 | 401 | 403 | 404 | 409 | 413 | 415 | 503>
): Record<string, TSchema> {
  const responses: Record<string, TSchema> = {};
  // Every route but the health check is rate limited.
  for (const status of [...statuses, 429, '4xx', '5xx']) {
    responses[String(status)] = refTo(ErrorBodySchema, descriptions[String(status)]);
  }
  return responses;
}
