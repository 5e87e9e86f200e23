import { NODE_TOKEN_TYPE, type NodeTokenVerifier } from '@plexus/mesh';
import { type ControlStore, type Group, TOKEN_SCOPES, type TokenScope } from '../control/ControlStore.ts';
import type { IdentifiedCaller } from './identifyCaller.ts';

export interface IdentifyNodeCallerOptions {
  store: ControlStore;
  verifier: NodeTokenVerifier;
  /**
   * The identity providers whose group names a node token may carry into this node's external groups:
   * by default the `trust.issuers` of the mesh configuration. Groups named for any other user — a
   * calling node's local account above all — are ignored.
   */
  groupIssuers: ReadonlySet<string>;
  now: Date;
}

/** Scopes a node call can carry: never `admin` — a node call administers nothing on this node. */
const NODE_CALL_SCOPES: readonly TokenScope[] = TOKEN_SCOPES.filter((scope) => scope !== 'admin');

/**
 * Whether a bearer credential is a node token: a compact JWS whose protected header has
 * `typ: plexus-node+jwt`. Only the header is decoded; nothing is verified here.
 */
export function isNodeToken(presented: string): boolean {
  const dot = presented.indexOf('.');
  if (dot <= 0 || dot > 2048) return false;
  try {
    const header: unknown = JSON.parse(Buffer.from(presented.slice(0, dot), 'base64url').toString('utf8'));
    return (
      header !== null && typeof header === 'object' && (header as { typ?: unknown }).typ === NODE_TOKEN_TYPE
    );
  } catch {
    return false;
  }
}

/**
 * The caller of a node-to-node call: the user on whose behalf the node calls, known here by
 * (issuer, subject) — a local account of the calling node by `urn:plexus:node:<node id>`, so it never
 * matches an account of this node. The user is created on first sight; the groups the token names are
 * mirrored as external groups only for users of a trusted identity provider (`groupIssuers`); this
 * node's own (local) groups of the user count as always. This node's grants apply, bounded by the
 * token's scopes (`read`, `run`, `export`; others are ignored, no `scope` claim means all three), and a
 * node call is never administrative. Refusals throw the verifier's `NodeTokenError` (401).
 */
export async function identifyNodeCaller(
  presented: string,
  options: IdentifyNodeCallerOptions,
): Promise<IdentifiedCaller> {
  const call = await options.verifier.verify(presented);
  const { store } = options;
  const user = await store.upsertUserFromIdentity(
    {
      subject: call.user.subject,
      issuer: call.user.issuer,
      name: call.user.name ?? call.user.subject,
      email: call.user.email ?? null,
    },
    options.now.toISOString(),
  );
  const mirrorsGroups = !call.user.local && options.groupIssuers.has(call.user.issuer);
  const external: Group[] = mirrorsGroups ? await store.syncExternalGroups(user.id, call.user.groups) : [];
  const local = (await store.groupsOfUser(user.id)).filter((group) => !group.external);
  return {
    via: 'node',
    user,
    tokenId: null,
    node: { id: call.node.id, jti: call.jti, ...(call.traceparent ? { traceparent: call.traceparent } : {}) },
    userId: user.id,
    groupIds: [...local, ...external].map((group) => group.id),
    admin: false,
    scopes: scopesOfCall(call.scopes),
  };
}

/** No `scope` claim (the verifier reports none): bounded by the grants alone, `admin` aside. */
function scopesOfCall(scopes: readonly string[]): TokenScope[] {
  if (scopes.length === 0) return [...NODE_CALL_SCOPES];
  return NODE_CALL_SCOPES.filter((scope) => scopes.includes(scope));
}
