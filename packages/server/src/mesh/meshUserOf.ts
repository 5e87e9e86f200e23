import { LOCAL_USER_ISSUER, type NodeTokenUser } from '@plexus/mesh';
import { UnauthenticatedError } from '@plexus/spec';
import type { ControlStore } from '../control/ControlStore.ts';
import type { IdentifiedCaller } from '../gatekeeper/identifyCaller.ts';

/**
 * The user to name in a call to another node, from a request's caller: their subject, issuer (a local
 * account of this node as `urn:plexus:local`, which the other node knows as `urn:plexus:node:<this
 * node>`), name, e-mail and — for a user of an identity provider — the names of their external groups,
 * i.e. the provider's groups; this node's own groups mean nothing elsewhere and are not sent. A caller
 * who is not signed in cannot be called for (401). A user who came here through another node keeps
 * that node's issuer, which a third node refuses unless it trusts it: trust is not transitive.
 */
export async function meshUserOf(caller: IdentifiedCaller, store: ControlStore): Promise<NodeTokenUser> {
  const { user } = caller;
  if (!user) throw new UnauthenticatedError('sign in to query other nodes of the mesh');
  const groups =
    user.issuer === null
      ? []
      : (await store.groupsOfUser(user.id)).filter((group) => group.external).map((group) => group.name);
  return {
    subject: user.subject,
    issuer: user.issuer ?? LOCAL_USER_ISSUER,
    name: user.name,
    ...(user.email !== null ? { email: user.email } : {}),
    groups,
  };
}
