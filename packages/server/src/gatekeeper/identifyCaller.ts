import { NodeTokenError, type NodeTokenVerifier } from '@plexus/mesh';
import type { ControlStore, TokenScope, User } from '../control/ControlStore.ts';
import { parsePresentedToken, tokenIsLive, tokenSecretMatches } from '../control/tokens.ts';
import { identifyNodeCaller, isNodeToken } from './identifyNodeCaller.ts';
import { AuthenticationError } from './oidc/AuthenticationError.ts';
import type { AccessTokenVerifier } from './oidc/verifyAccessToken.ts';
import type { Caller } from './policy/decideProductAccess.ts';

/** The caller as the gatekeeper established it, with how. */
export interface IdentifiedCaller extends Caller {
  via: 'anonymous' | 'token' | 'sso' | 'node';
  user: User | null;
  /** The personal API token used, for audit records. */
  tokenId: string | null;
  /**
   * Set when another node of the mesh calls for `user` (via `node`): which node, the token's one-time
   * id and the W3C trace context it carried.
   */
  node?: { id: string; jti: string; traceparent?: string };
}

export const ANONYMOUS: IdentifiedCaller = Object.freeze({
  via: 'anonymous',
  user: null,
  tokenId: null,
  groupIds: [],
  admin: false,
});

export interface IdentifyOptions {
  store: ControlStore;
  /** Set when the node trusts an identity provider's JWT access tokens. */
  verifyAccessToken?: AccessTokenVerifier;
  /** Set when the node is part of a mesh: verifies the tokens with which trusted nodes call it. */
  nodeTokens?: NodeTokenVerifier;
  /** Identity providers whose groups a node token may carry (default: none). See identifyNodeCaller. */
  nodeGroupIssuers?: ReadonlySet<string>;
  now?: () => Date;
  /** Records a token's last use; default: a store write on every use. */
  touch?: (tokenId: string, at: string) => Promise<void>;
}

/**
 * Who sends an Authorization header: a personal API token (`tok_….<secret>`, checked against its hash,
 * refused at once when revoked or expired) or, with single sign-on configured, a JWT access token of the
 * identity provider (the user is created on first sight and their groups follow the token's claim), or,
 * in a mesh, a node token (`typ: plexus-node+jwt`) of a trusted node calling for one of its users.
 * No header is an anonymous caller; anything unverifiable is an AuthenticationError (401), never anonymous.
 */
export async function identifyCaller(
  authorization: string | undefined,
  options: IdentifyOptions,
): Promise<IdentifiedCaller> {
  if (authorization === undefined || authorization === '') return ANONYMOUS;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match?.[1]) throw new AuthenticationError('malformed', 'expected Authorization: Bearer <token>');
  const presented = match[1];
  const now = (options.now ?? (() => new Date()))();
  if (presented.startsWith('tok_'))
    return identifyByApiToken(
      presented,
      options.store,
      now,
      options.touch ?? ((id, at) => options.store.touchToken(id, at)),
    );
  if (isNodeToken(presented)) {
    // A node that is in no mesh trusts no node.
    if (!options.nodeTokens) throw new NodeTokenError('untrusted-node');
    return identifyNodeCaller(presented, {
      store: options.store,
      verifier: options.nodeTokens,
      groupIssuers: options.nodeGroupIssuers ?? new Set(),
      now,
    });
  }
  if (!options.verifyAccessToken || presented.split('.').length !== 3)
    throw new AuthenticationError('malformed', 'not a token this node issues or trusts');
  const identity = await options.verifyAccessToken(presented);
  const user = await options.store.upsertUserFromIdentity(
    {
      subject: identity.subject,
      issuer: identity.issuer,
      name: identity.name ?? identity.subject,
      email: identity.email ?? null,
    },
    now.toISOString(),
  );
  const groups = await options.store.syncExternalGroups(user.id, identity.groups);
  const local = (await options.store.groupsOfUser(user.id)).filter((group) => !group.external);
  return {
    via: 'sso',
    user,
    tokenId: null,
    userId: user.id,
    groupIds: [...local, ...groups].map((group) => group.id),
    admin: user.admin,
  };
}

async function identifyByApiToken(
  presented: string,
  store: ControlStore,
  now: Date,
  touch: (tokenId: string, at: string) => Promise<void>,
): Promise<IdentifiedCaller> {
  const parsed = parsePresentedToken(presented);
  const token = parsed ? await store.findToken(parsed.id) : null;
  // One answer for an unknown id and a wrong secret: which token ids exist is nobody's business.
  if (!parsed || !token || !tokenSecretMatches(token, parsed.secret))
    throw new AuthenticationError('bad-signature', 'unknown or wrong API token');
  if (!tokenIsLive(token, now.toISOString()))
    throw new AuthenticationError(
      'expired',
      token.revokedAt !== null ? 'the API token was revoked' : 'the API token has expired',
    );
  const user = await store.getUser(token.userId);
  if (!user) throw new AuthenticationError('bad-signature', 'the API token belongs to no user');
  // Last use is bookkeeping: a failure to record it must not refuse the call.
  void touch(token.id, now.toISOString()).catch(() => {});
  const groups = await store.groupsOfUser(user.id);
  return {
    via: 'token',
    user,
    tokenId: token.id,
    userId: user.id,
    groupIds: groups.map((group) => group.id),
    admin: user.admin,
    scopes: token.scopes as TokenScope[],
  };
}
