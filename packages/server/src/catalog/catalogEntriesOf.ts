import { buildCatalogEntry, resolveDisclosurePolicy } from '@plexus/mesh';
import type { ProductRegistry, ProductService } from '@plexus/runtime';
import type { CatalogEntry } from '@plexus/spec';
import type { ControlStore } from '../control/ControlStore.ts';

export interface CatalogEntriesOptions {
  /** This node: its id and the URL by which the mesh reaches it. */
  node: { id: string; url: string };
  /** When the entries are published; now unless given. */
  publishedAt?: Date;
  /** Told about a product whose entry cannot be built (it is left out). */
  onError?: (productId: string, error: unknown) => void;
}

/**
 * The catalog entries of the products this node serves to everyone. A private product is never
 * listed: it is invisible to whoever holds no grant on it, and a catalog is read by anyone. Visibility is
 * the product's rule in the control store (its owners may have changed it) or what product.yaml says;
 * the entity count goes through disclosure control with the product's own `disclosure.minCellCount`.
 * Only the production channel is listed (a product served as `<id>@<channel>` is a preview).
 */
export async function catalogEntriesOf(
  registry: ProductRegistry,
  store: ControlStore,
  options: CatalogEntriesOptions,
): Promise<CatalogEntry[]> {
  const entries: CatalogEntry[] = [];
  for (const product of registry.list()) {
    if (product.id.includes('@')) continue;
    try {
      const stored = await store.getProductAccess(product.id);
      if ((stored?.visibility ?? product.accessDefaults().visibility) !== 'public') continue;
      entries.push(entryOf(product, options));
    } catch (error) {
      options.onError?.(product.id, error);
    }
  }
  return entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function entryOf(product: ProductService, options: CatalogEntriesOptions): CatalogEntry {
  const descriptor = product.descriptor();
  const policy = resolveDisclosurePolicy(product.disclosure?.());
  const tests = descriptor.tests;
  return buildCatalogEntry(
    {
      ...descriptor,
      ...(tests
        ? { tests: { status: tests.status, cases: tests.cases, passed: tests.passed, failed: tests.failed } }
        : {}),
      modalities: product.model().modalities.map((modality) => ({
        id: modality.id,
        kind: modality.kind,
        ...(modality.label ? { label: modality.label } : {}),
      })),
      protocols: product.protocols().map((protocol) => ({
        id: protocol.id,
        version: protocol.version,
        title: protocol.title,
        category: protocol.category,
        ...(protocol.federation ? { federated: { combine: protocol.federation.combine } } : {}),
      })),
    },
    {
      node: options.node,
      visibility: 'public',
      minCellCount: policy.minCellCount,
      // A version served although its own tests fail (--allow-failing-tests) is listed as degraded.
      health: tests?.status === 'failed' ? 'degraded' : 'ok',
      ...(options.publishedAt ? { publishedAt: options.publishedAt } : {}),
    },
  );
}
