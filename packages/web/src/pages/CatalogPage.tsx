import { useCallback, useId, useRef, useState } from 'react';
import { NO_FILTERS } from '../catalog/catalogItem.ts';
import { FacetFilters } from '../catalog/FacetFilters.tsx';
import { LoadMore } from '../catalog/LoadMore.tsx';
import { ProductCard } from '../catalog/ProductCard.tsx';
import { type CatalogSearch, useCatalogSearch } from '../catalog/useCatalogSearch.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { Page } from '../layout/Page.tsx';

function plural(count: number): string {
  return `${count} product${count === 1 ? '' : 's'}`;
}

/** "12 of 240 products in the mesh catalog": what is shown, of how many match. */
function countText(search: CatalogSearch): string {
  const shown = search.results.length;
  const count = shown < search.total ? `${shown} of ${plural(search.total)}` : plural(shown);
  const where =
    search.source === 'mesh' ? ' in the mesh catalog' : search.source === 'local' ? ' on this node' : '';
  return `${count}${where}`;
}

export function CatalogPage() {
  const searchId = useId();
  const [q, setQ] = useState('');
  const [filters, setFilters] = useState(NO_FILTERS);
  const search = useCatalogSearch(q, filters);
  const grid = useRef<HTMLElement>(null);
  const focusCard = useCallback((index: number) => {
    grid.current?.querySelectorAll<HTMLElement>('.product-card .card-title a')[index]?.focus();
  }, []);

  return (
    <Page title="Catalog">
      <search className="search-bar">
        <label htmlFor={searchId}>Search products</label>
        <input id={searchId} type="search" value={q} onChange={(event) => setQ(event.target.value)} />
      </search>
      <p className="muted" aria-live="polite">
        {search.loading ? 'Searching…' : countText(search)}
      </p>
      <ErrorAlert error={search.error} />
      <div className="catalog-layout">
        <FacetFilters facets={search.facets} filters={filters} onChange={setFilters} />
        <div>
          <section aria-label="Products" className="card-grid" ref={grid}>
            {search.loading && search.results.length === 0 ? (
              <Loading what="Loading products" />
            ) : (
              search.results.map((item) => <ProductCard key={item.key} item={item} />)
            )}
          </section>
          <LoadMore
            shown={search.results.length}
            loading={search.loadingMore || search.loading}
            onLoadMore={search.loadMore}
            focusItem={focusCard}
          />
        </div>
      </div>
    </Page>
  );
}
