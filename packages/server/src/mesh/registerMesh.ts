import type { FastifyInstance } from 'fastify';
import type { Gatekeeper } from '../gatekeeper/Gatekeeper.ts';
import { jwksRoute } from './jwksRoute.ts';
import { meshUserOf } from './meshUserOf.ts';
import type { NodeMesh, ServerMesh } from './NodeMesh.ts';

/**
 * Makes the node's mesh available to routes as `app.mesh` (null without one) and, with one, publishes
 * the node's keys at `/.well-known/jwks.json`.
 */
export function registerMesh(app: FastifyInstance, gatekeeper: Gatekeeper, mesh: NodeMesh | undefined): void {
  if (!mesh) {
    app.decorate('mesh', null);
    return;
  }
  const nodeId = mesh.config.node.id;
  if (mesh.client.nodeId !== nodeId) {
    throw new TypeError(`the mesh client signs as ${mesh.client.nodeId}, but this node is ${nodeId}`);
  }
  const server: ServerMesh = {
    ...mesh,
    nodeId,
    userOf: (caller) => meshUserOf(caller, gatekeeper.store),
  };
  app.decorate('mesh', server);
  jwksRoute(app, mesh.keys);
}
