import { excerpt, formatCount } from '../components/format.ts';
import { href } from '../routing/router.ts';
import type { CatalogItem } from './catalogItem.ts';

function Modalities({ item }: { item: CatalogItem }) {
  if (item.modalities === null) {
    return item.pending ? (
      <>
        <span aria-hidden="true">…</span>
        <span className="visually-hidden">loading</span>
      </>
    ) : (
      <span className="muted">unknown</span>
    );
  }
  if (item.modalities.length === 0) return <>none</>;
  return <>{item.modalities.map((modality) => `${modality.label} (${modality.kind})`).join(', ')}</>;
}

export function ProductCard({ item }: { item: CatalogItem }) {
  const titleId = `card-${item.key.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  return (
    <article className="card product-card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        {item.local ? (
          <a href={href('products', item.id)}>{item.title}</a>
        ) : (
          // A product of another node is opened on that node, where its data and apps live.
          <a href={`${item.node?.url ?? ''}/#/products/${encodeURIComponent(item.id)}`}>{item.title}</a>
        )}
        {item.visibility === 'private' && (
          <span className="badge private">
            <span aria-hidden="true">🔒</span> private
          </span>
        )}
      </h2>
      <p className="card-description">{excerpt(item.description)}</p>
      <dl className="facts">
        <div>
          <dt>{item.entityPlural}</dt>
          <dd>{formatCount(item.entityCount)}</dd>
        </div>
        <div>
          <dt>Domain</dt>
          <dd>{item.domain}</dd>
        </div>
        <div>
          <dt>Modalities</dt>
          <dd>
            <Modalities item={item} />
          </dd>
        </div>
        <div>
          <dt>Owners</dt>
          <dd>{item.owners.map((owner) => owner.name).join(', ')}</dd>
        </div>
        <div>
          <dt>Version</dt>
          <dd>{item.version}</dd>
        </div>
        <div>
          <dt>Tests</dt>
          <dd>
            <span className={`status status-${item.testStatus ?? 'none'}`}>
              {item.testStatus ?? 'not run'}
            </span>
          </dd>
        </div>
        {item.node && (
          <div>
            <dt>Node</dt>
            <dd>
              {item.node.id}
              {item.stale ? ' (not heard from lately)' : ''}
            </dd>
          </div>
        )}
      </dl>
      {item.tags.length > 0 && (
        <ul className="tags" aria-label="Tags">
          {item.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      )}
    </article>
  );
}
