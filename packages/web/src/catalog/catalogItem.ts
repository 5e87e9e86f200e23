// One shape for a product in lists, whether it comes from the mesh catalog (entries of many nodes)
// or, on a node without a catalog, from the node's own product list.
import type {
  CatalogEntry,
  CatalogModality,
  CatalogProtocol,
  FacetCount,
  Owner,
  ProductDescriptor,
  ProtocolSummary,
} from '../api/types.ts';

export interface CatalogItem {
  /** Unique across nodes: node id (or "local") and product id. */
  key: string;
  id: string;
  title: string;
  description: string;
  domain: string;
  owners: Owner[];
  tags: string[];
  entityCount: number | null;
  entityPlural: string;
  /**
   * Null while not known (the node's list has none; they come with each product's model and protocol
   * list, which may also fail to come): never taken for "none".
   */
  modalities: CatalogModality[] | null;
  protocols: CatalogProtocol[] | null;
  /** This node's products: their details are still being fetched (so null means "not yet", not "unknown"). */
  pending?: boolean;
  version: string;
  testStatus: 'passed' | 'failed' | 'none' | null;
  visibility: 'public' | 'private' | null;
  /** The node serving it, for entries of the mesh catalog; undefined for this node's own products. */
  node?: { id: string; url: string };
  /** Served by the node this page came from (its pages and forms work here). */
  local: boolean;
  stale?: boolean;
}

export interface Facets {
  domain: FacetCount[];
  modality: FacetCount[];
  tag: FacetCount[];
}

export interface Filters {
  domain: string[];
  modality: string[];
  tag: string[];
}

export const NO_FILTERS: Filters = { domain: [], modality: [], tag: [] };

export function fromEntry(entry: CatalogEntry, origin: string): CatalogItem {
  return {
    key: `${entry.node.id}/${entry.id}`,
    id: entry.id,
    title: entry.title,
    description: entry.description,
    domain: entry.domain,
    owners: entry.owners,
    tags: entry.tags,
    entityCount: entry.entity.count,
    entityPlural: entry.entity.plural,
    modalities: entry.modalities,
    protocols: entry.protocols,
    version: entry.versions.productVersion,
    testStatus: entry.tests.status,
    visibility: entry.visibility,
    node: entry.node,
    local: sameOrigin(entry.node.url, origin),
    stale: entry.stale,
  };
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

export function fromDescriptor(product: ProductDescriptor): CatalogItem {
  return {
    key: `local/${product.id}`,
    id: product.id,
    title: product.title,
    description: product.description,
    domain: product.domain,
    owners: product.owners,
    tags: product.tags,
    entityCount: product.entity.count,
    entityPlural: product.entity.plural,
    modalities: null,
    protocols: null,
    version: product.version,
    testStatus: product.tests?.status ?? null,
    visibility: null,
    local: true,
  };
}

export function toCatalogProtocol(protocol: ProtocolSummary): CatalogProtocol {
  return {
    id: protocol.id,
    version: protocol.version,
    title: protocol.title,
    category: protocol.category,
    federated: protocol.federation ? { combine: protocol.federation.combine } : undefined,
  };
}

function values(item: CatalogItem, facet: keyof Filters): string[] {
  if (facet === 'domain') return [item.domain];
  if (facet === 'tag') return item.tags;
  return [...new Set((item.modalities ?? []).map((modality) => modality.kind))];
}

function matchesFacet(item: CatalogItem, facet: keyof Filters, chosen: string[]): boolean {
  if (chosen.length === 0) return true;
  const wanted = new Set(chosen.map((value) => value.toLowerCase()));
  return values(item, facet).some((value) => wanted.has(value.toLowerCase()));
}

function matchesText(item: CatalogItem, q: string): boolean {
  const terms = q.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const haystack = [
    item.title,
    item.description,
    item.domain,
    ...item.tags,
    ...item.owners.map((owner) => owner.name),
    ...(item.modalities ?? []).map((modality) => modality.label),
    ...(item.protocols ?? []).map((protocol) => protocol.title),
  ]
    .join(' ')
    .toLowerCase();
  return terms.every((term) => haystack.includes(term));
}

const FACETS: Array<keyof Filters> = ['domain', 'modality', 'tag'];

/**
 * The catalog node's rules, applied in the browser: all terms must match; several values of one facet
 * match any; each facet is counted ignoring its own filter but applying the others (drill-down).
 */
export function searchLocally(
  items: CatalogItem[],
  q: string,
  filters: Filters,
): { results: CatalogItem[]; facets: Facets } {
  const textHits = items.filter((item) => matchesText(item, q));
  const results = textHits
    .filter((item) => FACETS.every((facet) => matchesFacet(item, facet, filters[facet])))
    .sort((a, b) => a.title.localeCompare(b.title));
  const facets: Facets = { domain: [], modality: [], tag: [] };
  for (const facet of FACETS) {
    const counts = new Map<string, number>();
    for (const item of textHits) {
      if (!FACETS.every((other) => other === facet || matchesFacet(item, other, filters[other]))) continue;
      for (const value of new Set(values(item, facet))) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    facets[facet] = [...counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
      .slice(0, 50);
  }
  return { results, facets };
}
