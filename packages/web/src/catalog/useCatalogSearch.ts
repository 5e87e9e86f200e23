import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { CatalogSearchAnswer } from '../api/types.ts';
import { useDebounced } from '../components/useDebounced.ts';
import { type CatalogItem, type Facets, type Filters, fromEntry, searchLocally } from './catalogItem.ts';
import { useLocalProducts } from './useLocalProducts.ts';

export interface CatalogSearch {
  /** `mesh`: the catalog node answered; `local`: this node's products, searched in the browser. */
  source: 'mesh' | 'local' | 'unknown';
  results: CatalogItem[];
  /** Every match, of which `results` are the ones loaded so far. */
  total: number;
  facets: Facets;
  loading: boolean;
  /** A next page is under way (see loadMore). */
  loadingMore: boolean;
  error: unknown;
  /** Loads the next page of matches; null when all are loaded. */
  loadMore: (() => void) | null;
}

interface MeshPages {
  results: CatalogItem[];
  total: number;
  facets: Facets;
}

const EMPTY: MeshPages = { results: [], total: 0, facets: { domain: [], modality: [], tag: [] } };

/** Typing fires a request per pause, not per key. */
const TYPING_PAUSE_MS = 200;

function items(answer: CatalogSearchAnswer): CatalogItem[] {
  return answer.results.map((entry) => fromEntry(entry, window.location.origin));
}

/** Searches the mesh catalog; a node that is no catalog answers 404, and then its own products are searched. */
export function useCatalogSearch(q: string, filters: Filters): CatalogSearch {
  const [source, setSource] = useState<CatalogSearch['source']>('unknown');
  const [mesh, setMesh] = useState<MeshPages>(EMPTY);
  const [meshLoading, setMeshLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [meshError, setMeshError] = useState<unknown>(null);
  const settledQ = useDebounced(q, TYPING_PAUSE_MS);
  const isLocal = source === 'local';
  const local = useLocalProducts(isLocal);
  // The next page's request, ended when the search it continues is replaced.
  const nextPage = useRef<AbortController | null>(null);

  const query = useMemo(
    () => ({ q: settledQ, domain: filters.domain, modality: filters.modality, tag: filters.tag }),
    [settledQ, filters],
  );

  useEffect(() => {
    if (isLocal) return;
    const controller = new AbortController();
    const { signal } = controller;
    setMeshLoading(true);
    setLoadingMore(false);
    api
      .catalogSearch(query, signal)
      .then((answer) => {
        if (signal.aborted) return;
        setSource('mesh');
        setMeshError(null);
        setMesh({
          results: items(answer),
          total: answer.total,
          facets: { domain: answer.facets.domain, modality: answer.facets.modality, tag: answer.facets.tag },
        });
      })
      .catch((error: unknown) => {
        if (signal.aborted) return;
        if (error instanceof ApiError && error.status === 404) {
          setSource('local');
          return;
        }
        // The previous search's products must not pass for this one's.
        setMesh(EMPTY);
        setMeshError(error);
      })
      .finally(() => signal.aborted || setMeshLoading(false));
    return () => {
      controller.abort();
      nextPage.current?.abort();
    };
  }, [isLocal, query]);

  const loaded = mesh.results.length;
  const loadMore = useCallback(() => {
    nextPage.current?.abort();
    const controller = new AbortController();
    nextPage.current = controller;
    const { signal } = controller;
    setLoadingMore(true);
    api
      .catalogSearch({ ...query, offset: loaded }, signal)
      .then((answer) => {
        if (signal.aborted) return;
        setMeshError(null);
        setMesh((old) => {
          // The catalog may have changed between pages: an entry already shown is not listed twice.
          const known = new Set(old.results.map((item) => item.key));
          const fresh = items(answer).filter((item) => !known.has(item.key));
          return { ...old, results: [...old.results, ...fresh], total: answer.total };
        });
      })
      .catch((error: unknown) => signal.aborted || setMeshError(error))
      .finally(() => signal.aborted || setLoadingMore(false));
  }, [query, loaded]);

  const localResults = useMemo(() => searchLocally(local.items, q, filters), [local.items, q, filters]);

  if (isLocal) {
    return {
      source,
      ...localResults,
      total: localResults.results.length,
      loading: local.loading,
      loadingMore: false,
      error: local.error,
      loadMore: null,
    };
  }
  return {
    source,
    ...mesh,
    // While typing, the results shown are the last pause's.
    loading: meshLoading || q !== settledQ,
    loadingMore,
    error: meshError,
    loadMore: loaded < mesh.total ? loadMore : null,
  };
}
