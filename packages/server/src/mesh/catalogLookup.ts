import { type CatalogStore, LOCAL_USER_ISSUER, type NodeTokenUser } from '@plexus/mesh';
import type { FastifyInstance } from 'fastify';
import type { FindOnCatalog } from './NodeMeshAccess.ts';

/** Whom a node asks the catalog for: itself (the search is public anyway). */
const LOOKUP: NodeTokenUser = {
  subject: 'plexus:catalog-lookup',
  issuer: LOCAL_USER_ISSUER,
  name: 'Catalog lookup',
  groups: [],
};

/**
 * Where a product is served, by the catalog: the catalog node searches its own store, another node asks
 * the catalog its mesh configuration names. Undefined when the node knows no catalog. Stale entries
 * (nodes that stopped sending heartbeats) are left out.
 */
export function catalogLookup(
  app: FastifyInstance,
  local: CatalogStore | undefined,
): FindOnCatalog | undefined {
  if (local)
    return async (productId) =>
      local.search({ product: productId, limit: 100 }).results.map((entry) => entry.node.id);
  const mesh = app.mesh;
  const catalog = mesh?.config.catalog;
  if (!mesh || catalog === undefined) return undefined;
  return async (productId) => {
    const { body } = await mesh.client.call<{ results?: Array<{ node?: { id?: string } }> }>(
      catalog,
      'GET',
      `/api/v1/catalog/search?product=${encodeURIComponent(productId)}&limit=100`,
      undefined,
      { user: LOOKUP, timeoutMs: 5_000 },
    );
    return (body.results ?? []).flatMap((entry) =>
      typeof entry.node?.id === 'string' ? [entry.node.id] : [],
    );
  };
}
