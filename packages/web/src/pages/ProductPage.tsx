import { api } from '../api/endpoints.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { Markdown } from '../components/Markdown.tsx';
import { useAsync } from '../components/useAsync.ts';
import { Page } from '../layout/Page.tsx';
import { AccessSection } from '../product/AccessSection.tsx';
import { AppsSection } from '../product/AppsSection.tsx';
import { ModelSection } from '../product/ModelSection.tsx';
import { VersionsSection } from '../product/VersionsSection.tsx';
import { StatusBadge } from '../run/StatusBadge.tsx';

export function ProductPage({ productId }: { productId: string }) {
  const detail = useAsync(() => api.product(productId), [productId]);
  const protocols = useAsync(() => api.protocols(productId), [productId]);

  if (detail.loading) {
    return (
      <Page title="Product">
        <Loading />
      </Page>
    );
  }
  if (!detail.data) {
    return (
      <Page title="Product not found">
        <ErrorAlert error={detail.error} />
        <p>
          <a href="#/">Back to the catalog</a>
        </p>
      </Page>
    );
  }
  const { product, model } = detail.data;
  return (
    <Page title={product.title}>
      <p className="muted">
        {product.domain} · version {product.version} · tests <StatusBadge status={product.tests?.status} />
        {product.tags.length > 0 && ` · ${product.tags.join(', ')}`}
      </p>
      <div className="product-layout">
        <div className="product-main">
          <section aria-label="Description" className="panel">
            <Markdown text={product.description} />
          </section>
          {protocols.data ? (
            <AppsSection productId={productId} protocols={protocols.data} />
          ) : (
            <ErrorAlert error={protocols.error} />
          )}
          <ModelSection productId={productId} model={model} />
        </div>
        <div className="product-side">
          <VersionsSection productId={productId} entity={product.entity} />
          <AccessSection productId={productId} owners={product.owners} />
        </div>
      </div>
    </Page>
  );
}
