import { useId, useState } from 'react';
import { NO_FILTERS } from '../catalog/catalogItem.ts';
import { FacetFilters } from '../catalog/FacetFilters.tsx';
import { ProductCard } from '../catalog/ProductCard.tsx';
import { useCatalogSearch } from '../catalog/useCatalogSearch.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { Page } from '../layout/Page.tsx';

export function CatalogPage() {
  const searchId = useId();
  const [q, setQ] = useState('');
  const [filters, setFilters] = useState(NO_FILTERS);
  const search = useCatalogSearch(q, filters);

  return (
    <Page title="Catalog">
      <search className="search-bar">
        <label htmlFor={searchId}>Search products</label>
        <input id={searchId} type="search" value={q} onChange={(event) => setQ(event.target.value)} />
      </search>
      <p className="muted" aria-live="polite">
        {search.loading
          ? 'Searching…'
          : `${search.results.length} product${search.results.length === 1 ? '' : 's'}${
              search.source === 'mesh'
                ? ' in the mesh catalog'
                : search.source === 'local'
                  ? ' on this node'
                  : ''
            }`}
      </p>
      <ErrorAlert error={search.error} />
      <div className="catalog-layout">
        <FacetFilters facets={search.facets} filters={filters} onChange={setFilters} />
        <section aria-label="Products" className="card-grid">
          {search.loading && search.results.length === 0 ? (
            <Loading what="Loading products" />
          ) : (
            search.results.map((item) => <ProductCard key={item.key} item={item} />)
          )}
        </section>
      </div>
    </Page>
  );
}
