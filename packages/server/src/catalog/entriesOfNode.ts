import type { CatalogStore } from '@plexus/mesh';

const PAGE = 100;

/** The ids of the products a node has in the catalog, stale or not. */
export function entriesOfNode(store: CatalogStore, nodeId: string): string[] {
  const ids: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { results } = store.search({ includeStale: true, limit: PAGE, offset });
    for (const hit of results) if (hit.node.id === nodeId) ids.push(hit.id);
    if (results.length < PAGE) return ids;
  }
}
