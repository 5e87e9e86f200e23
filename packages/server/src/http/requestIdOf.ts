import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Ids from proxies and callers are kept for tracing, but only when they cannot smuggle anything into logs. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Fastify's `genReqId`: the caller's `x-request-id` when it is a sane token, else a fresh UUID. */
export function requestIdOf(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
