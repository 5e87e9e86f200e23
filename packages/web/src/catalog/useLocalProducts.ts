import { useEffect, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { type CatalogItem, fromDescriptor, toCatalogProtocol } from './catalogItem.ts';

export interface LocalProducts {
  items: CatalogItem[];
  loading: boolean;
  error: unknown;
}

/**
 * This node's products as catalog items. The node's list carries no modalities, protocols or
 * visibility, so each product's model and protocols are fetched next (and its access for a signed-in
 * caller, which only owners get: others simply see no lock).
 */
export function useLocalProducts(enabled: boolean): LocalProducts {
  const { me } = useAuth();
  const signedIn = me.user !== null;
  const [state, setState] = useState<LocalProducts>({ items: [], loading: enabled, error: null });

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const patch = (id: string, change: Partial<CatalogItem>) => {
      if (!live) return;
      setState((old) => ({
        ...old,
        items: old.items.map((item) => (item.id === id ? { ...item, ...change } : item)),
      }));
    };
    setState((old) => ({ ...old, loading: true, error: null }));
    api
      .products()
      .then((products) => {
        if (!live) return;
        setState({ items: products.map(fromDescriptor), loading: false, error: null });
        for (const product of products) {
          api
            .product(product.id)
            .then((detail) =>
              patch(product.id, {
                modalities: detail.model.modalities.map((m) => ({
                  id: m.id,
                  kind: m.kind,
                  label: m.label ?? m.id,
                })),
              }),
            )
            .catch(() => patch(product.id, { modalities: [] }));
          api
            .protocols(product.id)
            .then((protocols) => patch(product.id, { protocols: protocols.map(toCatalogProtocol) }))
            .catch(() => patch(product.id, { protocols: [] }));
          if (signedIn) {
            api
              .access(product.id)
              .then((access) => patch(product.id, { visibility: access.visibility }))
              .catch(() => undefined);
          }
        }
      })
      .catch((error: unknown) => live && setState({ items: [], loading: false, error }));
    return () => {
      live = false;
    };
  }, [enabled, signedIn]);

  return state;
}
