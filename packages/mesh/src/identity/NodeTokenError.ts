import { UnauthenticatedError } from '@plexus/spec';

/** Why a node token was refused: stable codes for responses, logs and metrics. */
export type NodeTokenReason =
  | 'untrusted-node'
  | 'bad-signature'
  | 'expired'
  | 'not-yet-valid'
  | 'too-long-lived'
  | 'wrong-audience'
  | 'replayed'
  | 'untrusted-user-issuer'
  | 'malformed';

const MESSAGES: Record<NodeTokenReason, string> = {
  'untrusted-node': 'node token comes from a node this node does not trust',
  'bad-signature': 'node token signature is invalid or uses an algorithm other than EdDSA',
  expired: 'node token has expired',
  'not-yet-valid': 'node token is not valid yet',
  'too-long-lived': 'node token lives longer than a node token may',
  'wrong-audience': 'node token is not meant for this node',
  replayed: 'node token has been used before',
  'untrusted-user-issuer': "node token's user comes from an identity provider this node does not trust",
  malformed: 'node token is malformed or lacks required claims',
};

/**
 * A call from another node was refused (401). The message is fixed per reason and carries nothing of
 * the token, so the error can be logged and returned as is.
 */
export class NodeTokenError extends UnauthenticatedError {
  readonly reason: NodeTokenReason;

  constructor(reason: NodeTokenReason) {
    super(MESSAGES[reason]);
    this.reason = reason;
  }
}
