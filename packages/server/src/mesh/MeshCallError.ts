import { UnavailableError } from '@plexus/spec';

/**
 * How a call to another node failed:
 * - `timeout`: no complete answer within the call's time limit;
 * - `unreachable`: no answer at all (connection refused, DNS, TLS, reset);
 * - `refused`: the node answered 401 or 403 — it does not accept this node's token, or the user lacks
 *   the grant there; `reason` carries the node's refusal code when it gave one (e.g. `expired`);
 * - `not-found`: the node answered 404 (for a private product, also what a missing grant looks like);
 * - `error`: any other failure status, or an answer that is not JSON.
 */
export type MeshCallErrorKind = 'timeout' | 'unreachable' | 'refused' | 'not-found' | 'error';

export interface MeshCallErrorOptions {
  nodeId: string;
  /** The HTTP status the node answered, when it answered. */
  status?: number;
  /** The `error.code` of the node's error body, when it sent one. */
  code?: string;
  /** The node's refusal reason for a node token (`details[0].found` of its 401), when given. */
  reason?: string;
  cause?: unknown;
}

/**
 * A call to another node of the mesh failed. Thrown out of a route it answers 503 (the federated
 * answer is unavailable); routes that can say more catch it and look at `kind`. The message names the
 * node and repeats the node's own message, never a token.
 */
export class MeshCallError extends UnavailableError {
  readonly kind: MeshCallErrorKind;
  readonly nodeId: string;
  readonly status: number | undefined;
  readonly remoteCode: string | undefined;
  readonly reason: string | undefined;

  constructor(kind: MeshCallErrorKind, message: string, options: MeshCallErrorOptions) {
    super(message);
    this.kind = kind;
    this.nodeId = options.nodeId;
    this.status = options.status;
    this.remoteCode = options.code;
    this.reason = options.reason;
    if ('cause' in options) this.cause = options.cause;
  }
}
