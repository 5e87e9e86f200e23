/** The `typ` header of node tokens (RFC 8725 §3.11), so that no other JWT can pass for one. */
export const NODE_TOKEN_TYPE = 'plexus-node+jwt';

/** A node token lives a minute at most: it authorises one call, not a session. */
export const MAX_NODE_TOKEN_TTL_SECONDS = 60;
export const DEFAULT_NODE_TOKEN_TTL_SECONDS = 30;

/**
 * The `user_iss` of a token whose user is a local account of the calling node (an API token user
 * rather than one of an identity provider). The callee knows such a user as `localUserIssuer(node)`.
 */
export const LOCAL_USER_ISSUER = 'urn:plexus:local';

/** The issuer under which a callee knows the local accounts of node `nodeId`: never mixed with its own. */
export function localUserIssuer(nodeId: string): string {
  return `urn:plexus:node:${nodeId}`;
}

/** W3C Trace Context `traceparent` (version 00 layout), carried so a federated call joins its trace. */
export const TRACEPARENT_PATTERN = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** The user a node acts for, as the calling node knows them. */
export interface NodeTokenUser {
  /** The user's subject at their issuer (`sub`). */
  subject: string;
  /** The user's identity provider issuer, or `LOCAL_USER_ISSUER` for a local account of the calling node. */
  issuer: string;
  name?: string;
  email?: string;
  groups?: string[];
}
