import type { NodeKeyStore, NodeTokenUser, NodeTokenVerifier } from '@plexus/mesh';
import type { MeshConfig } from '@plexus/spec';
import type { IdentifiedCaller } from '../gatekeeper/identifyCaller.ts';
import type { MeshClient } from './MeshClient.ts';

/**
 * A node's place in a mesh: its configuration, its keys, the verifier of calls from trusted nodes and
 * the client for calls to them. `openNodeMesh` builds one; `createServer({ mesh })` publishes the keys
 * and exposes it to routes as `app.mesh`; the verifier is the gatekeeper's (`StoreGatekeeper`'s
 * `nodeTokens` option), since callers are identified there.
 */
export interface NodeMesh {
  config: MeshConfig;
  keys: NodeKeyStore;
  verifier: NodeTokenVerifier;
  client: MeshClient;
}

/** What routes see as `app.mesh` on a node that is part of a mesh. */
export interface ServerMesh extends NodeMesh {
  /** This node's id in the mesh (`config.node.id`). */
  nodeId: string;
  /** The user to name when calling another node for this caller (401 for an anonymous caller). */
  userOf(caller: IdentifiedCaller): Promise<NodeTokenUser>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * The node's mesh, or null when it is in none. Federated routes call other nodes with
     * `app.mesh.client.call(nodeId, 'POST', path, body, { user: await app.mesh.userOf(request.caller),
     * traceparent: request.headers.traceparent })`.
     */
    mesh: ServerMesh | null;
  }
}
