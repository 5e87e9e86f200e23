import { useEffect, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { ProductDescriptor } from '../api/types.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { type CatalogItem, fromDescriptor, toCatalogProtocol } from './catalogItem.ts';
import { runLimited } from './runLimited.ts';

export interface LocalProducts {
  items: CatalogItem[];
  loading: boolean;
  error: unknown;
}

/** Requests for products' details under way at once: a node with many products is not flooded. */
const CONCURRENT_REQUESTS = 4;

type Detail = 'model' | 'protocols' | 'access';

/** One product's detail: what it adds to the item, or nothing when the node would not tell. */
async function fetchDetail(
  product: ProductDescriptor,
  detail: Detail,
  signal: AbortSignal,
): Promise<Partial<CatalogItem>> {
  try {
    if (detail === 'model') {
      const { model } = await api.product(product.id, signal);
      return {
        modalities: model.modalities.map((m) => ({ id: m.id, kind: m.kind, label: m.label ?? m.id })),
      };
    }
    if (detail === 'protocols') {
      return { protocols: (await api.protocols(product.id, signal)).map(toCatalogProtocol) };
    }
    return { visibility: (await api.access(product.id, signal)).visibility };
  } catch {
    // Unknown stays null ("unknown"), which is not the same as none: a failed request proves nothing.
    // Access in particular is for owners only: others simply see no lock.
    return {};
  }
}

/**
 * This node's products as catalog items. The node's list carries no modalities, protocols or
 * visibility, so each product's model and protocols are fetched next (and its access for a signed-in
 * caller), a few requests at a time; an item is `pending` until its details are in.
 */
export function useLocalProducts(enabled: boolean): LocalProducts {
  const { me } = useAuth();
  const signedIn = me.user !== null;
  const [state, setState] = useState<LocalProducts>({ items: [], loading: enabled, error: null });

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    const { signal } = controller;
    const patch = (id: string, change: Partial<CatalogItem>) => {
      if (signal.aborted) return;
      setState((old) => ({
        ...old,
        items: old.items.map((item) => (item.id === id ? { ...item, ...change } : item)),
      }));
    };
    const details: Detail[] = signedIn ? ['model', 'protocols', 'access'] : ['model', 'protocols'];
    setState((old) => ({ ...old, loading: true, error: null }));
    api
      .products(signal)
      .then(async (products) => {
        if (signal.aborted) return;
        setState({
          items: products.map((product) => ({ ...fromDescriptor(product), pending: true })),
          loading: false,
          error: null,
        });
        const left = new Map(products.map((product) => [product.id, details.length]));
        const jobs = products.flatMap((product) => details.map((detail) => ({ product, detail })));
        await runLimited(jobs, CONCURRENT_REQUESTS, signal, async ({ product, detail }) => {
          const change = await fetchDetail(product, detail, signal);
          const remaining = (left.get(product.id) ?? 1) - 1;
          left.set(product.id, remaining);
          patch(product.id, remaining === 0 ? { ...change, pending: false } : change);
        });
      })
      .catch((error: unknown) => signal.aborted || setState({ items: [], loading: false, error }));
    return () => controller.abort();
  }, [enabled, signedIn]);

  return state;
}
