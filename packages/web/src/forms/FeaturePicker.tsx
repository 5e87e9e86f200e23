import { useEffect, useId, useState } from 'react';
import type { FeatureHitView } from '../api/types.ts';
import { useDebounced } from '../components/useDebounced.ts';

/** A text input with type-ahead suggestions of a modality's features (genes, event names, probe sets). */
export function FeaturePicker(props: {
  label: string;
  modality: string;
  value: string;
  onChange: (value: string) => void;
  searchFeatures: (modality: string, text: string) => Promise<FeatureHitView[]>;
  required?: boolean;
  describedBy?: string;
  invalid?: boolean;
}) {
  const id = useId();
  const [hits, setHits] = useState<FeatureHitView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const query = useDebounced(props.value.trim(), 250);
  const { modality, searchFeatures } = props;
  const searchErrorId = `${id}-search-error`;
  const describedBy = [props.describedBy, error ? searchErrorId : undefined].filter(Boolean).join(' ');

  useEffect(() => {
    if (!modality || query === '') {
      setHits([]);
      return;
    }
    let current = true;
    searchFeatures(modality, query)
      .then((found) => {
        if (current) {
          setHits(found.slice(0, 50));
          setError(null);
        }
      })
      .catch((reason: unknown) => {
        if (current) setError(reason instanceof Error ? reason.message : String(reason));
      });
    return () => {
      current = false;
    };
  }, [modality, query, searchFeatures]);

  return (
    <div className="form-field">
      <label htmlFor={id}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <input
        id={id}
        type="text"
        list={`${id}-hits`}
        autoComplete="off"
        value={props.value}
        required={props.required}
        aria-describedby={describedBy || undefined}
        aria-invalid={props.invalid || undefined}
        onChange={(event) => props.onChange(event.target.value)}
      />
      <datalist id={`${id}-hits`}>
        {hits.map((hit) => (
          <option key={hit.id} value={hit.id}>
            {typeof hit.name === 'string' && hit.name ? `${hit.name} (${hit.id})` : hit.id}
          </option>
        ))}
      </datalist>
      {/* An alert: the suggestions stop without a word otherwise, and the user would wait for them. */}
      {error ? (
        <span id={searchErrorId} role="alert" className="form-error">
          Search failed: {error}
        </span>
      ) : null}
    </div>
  );
}
