import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { type CatalogItem, type Facets, type Filters, fromEntry, searchLocally } from './catalogItem.ts';
import { useLocalProducts } from './useLocalProducts.ts';

export interface CatalogSearch {
  /** `mesh`: the catalog node answered; `local`: this node's products, searched in the browser. */
  source: 'mesh' | 'local' | 'unknown';
  results: CatalogItem[];
  facets: Facets;
  loading: boolean;
  error: unknown;
}

const EMPTY_FACETS: Facets = { domain: [], modality: [], tag: [] };

/** Searches the mesh catalog; a node that is no catalog answers 404, and then its own products are searched. */
export function useCatalogSearch(q: string, filters: Filters): CatalogSearch {
  const [source, setSource] = useState<CatalogSearch['source']>('unknown');
  const [mesh, setMesh] = useState<{ results: CatalogItem[]; facets: Facets }>({
    results: [],
    facets: EMPTY_FACETS,
  });
  const [meshLoading, setMeshLoading] = useState(true);
  const [meshError, setMeshError] = useState<unknown>(null);
  const local = useLocalProducts(source === 'local');

  useEffect(() => {
    if (source === 'local') return;
    let live = true;
    setMeshLoading(true);
    // Typing fires a request per pause, not per key.
    const timer = window.setTimeout(() => {
      api
        .catalogSearch({ q, domain: filters.domain, modality: filters.modality, tag: filters.tag })
        .then((answer) => {
          if (!live) return;
          setSource('mesh');
          setMeshError(null);
          setMesh({
            results: answer.results.map((entry) => fromEntry(entry, window.location.origin)),
            facets: {
              domain: answer.facets.domain,
              modality: answer.facets.modality,
              tag: answer.facets.tag,
            },
          });
        })
        .catch((error: unknown) => {
          if (!live) return;
          if (error instanceof ApiError && error.status === 404) setSource('local');
          else setMeshError(error);
        })
        .finally(() => live && setMeshLoading(false));
    }, 200);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [source, q, filters]);

  const localResults = useMemo(() => searchLocally(local.items, q, filters), [local.items, q, filters]);

  if (source === 'local') {
    return { source, ...localResults, loading: local.loading, error: local.error };
  }
  return { source, ...mesh, loading: meshLoading, error: meshError };
}
