import type { CatalogStore } from '@plexus/mesh';
import {
  MAX_MESH_CALL_DEPTH,
  MESH_CALL_DEPTH_HEADER,
  type MeshAccess,
  type ProductRegistry,
} from '@plexus/runtime';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Gatekeeper } from '../gatekeeper/Gatekeeper.ts';
import type { RunManager } from '../runs/RunManager.ts';
import { catalogLookup } from './catalogLookup.ts';
import { NodeMeshAccess } from './NodeMeshAccess.ts';

/** Builds the mesh access of a run from the request that starts it. */
export type MeshAccessFor = (request: FastifyRequest) => MeshAccess;

/**
 * How runs started by a request reach other products: for the request's caller and trace. A request
 * from another node continues that node's chain of calls (its depth header); one from a user starts one.
 */
export function meshAccessFor(
  app: FastifyInstance,
  registry: ProductRegistry,
  gatekeeper: Gatekeeper,
  runs: RunManager,
  catalog: CatalogStore | undefined,
): MeshAccessFor {
  const findOnCatalog = catalogLookup(app, catalog);
  const node = { registry, gatekeeper, runs, mesh: app.mesh, ...(findOnCatalog ? { findOnCatalog } : {}) };
  return (request) => {
    const traceparent = request.headers.traceparent;
    return new NodeMeshAccess(node, {
      caller: request.caller,
      ...(typeof traceparent === 'string' ? { traceparent } : {}),
      requestId: String(request.id),
      depth: callDepthOf(request),
    });
  };
}

/** Only another node may say a request is part of a chain; a user's request always starts at 0. */
function callDepthOf(request: FastifyRequest): number {
  if (!request.caller.node) return 0;
  const header = request.headers[MESH_CALL_DEPTH_HEADER];
  const depth = typeof header === 'string' && /^[0-9]{1,2}$/.test(header) ? Number(header) : 0;
  return Math.min(depth, MAX_MESH_CALL_DEPTH);
}
