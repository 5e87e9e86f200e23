import { useEffect, useId, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { FeatureHitView } from '../api/types.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useDebounced } from '../components/useDebounced.ts';

/** Looks up the features (genes, event names) of one modality, as the cohort builder's pickers do. */
export function FeatureSearch({
  productId,
  modality,
  label,
}: {
  productId: string;
  modality: string;
  label: string;
}) {
  const inputId = useId();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<FeatureHitView[]>([]);
  const [error, setError] = useState<unknown>(null);

  const query = useDebounced(q.trim(), 250);

  useEffect(() => {
    if (query === '') {
      setHits([]);
      setError(null);
      return;
    }
    // An answer for an earlier query may arrive after a later one: only the latest may show.
    let live = true;
    api
      .searchFeatures(productId, modality, query)
      .then((found) => {
        if (!live) return;
        setHits(found);
        setError(null);
      })
      .catch((failure: unknown) => live && setError(failure));
    return () => {
      live = false;
    };
  }, [productId, modality, query]);

  return (
    <div className="feature-search">
      <label htmlFor={inputId}>Search features in {label}</label>
      <input id={inputId} type="search" value={q} onChange={(event) => setQ(event.target.value)} />
      <ErrorAlert error={error} />
      {hits.length > 0 && (
        <ul className="feature-hits" aria-live="polite">
          {hits.map((hit) => (
            <li key={hit.id}>
              <code>{hit.id}</code>
              {typeof hit.name === 'string' && hit.name !== hit.id && ` ${hit.name}`}
              {typeof hit.entities === 'number' && (
                <span className="muted"> · {hit.entities.toLocaleString()}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
