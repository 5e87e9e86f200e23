import { randomBytes } from 'node:crypto';

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const ALL_ZERO = /^0+$/;

/**
 * The W3C `traceparent` to send on an outgoing call: the trace of `incoming` continued with a new span
 * id (the same trace id and flags), or a new sampled trace `00-<32 hex>-<16 hex>-01` when there is no
 * usable incoming one.
 */
export function outgoingTraceparent(incoming?: string): string {
  const match = incoming === undefined ? null : TRACEPARENT.exec(incoming.trim().toLowerCase());
  const traceId = match?.[2];
  // Version ff and all-zero ids are invalid by the specification: start a new trace instead.
  if (match && traceId && match[1] !== 'ff' && !ALL_ZERO.test(traceId) && !ALL_ZERO.test(match[3] ?? '')) {
    return `00-${traceId}-${newId(8)}-${match[4]}`;
  }
  return `00-${newId(16)}-${newId(8)}-01`;
}

/** The trace id of a `traceparent`, or undefined when it is not one. */
export function traceIdOf(traceparent: string | undefined): string | undefined {
  return traceparent === undefined ? undefined : TRACEPARENT.exec(traceparent.trim().toLowerCase())?.[2];
}

function newId(bytes: number): string {
  // An all-zero id is invalid; at 64 bits and more it never comes up, but costs nothing to exclude.
  for (;;) {
    const id = randomBytes(bytes).toString('hex');
    if (!ALL_ZERO.test(id)) return id;
  }
}
