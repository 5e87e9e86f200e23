import type { CatalogEntry } from '@plexus/spec';

/** Where a node serves the HTTP API of a product: its descriptor, model, protocols and runs. */
export function productApiUrl(entry: CatalogEntry): string {
  return `${entry.node.url}/api/v1/products/${encodeURIComponent(entry.id)}`;
}
