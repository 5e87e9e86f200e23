import type { AttributeSummary, ModelView } from '../api/types.ts';
import { isRecord } from '../components/isRecord.ts';
import { Distribution } from './Distribution.tsx';
import { FeatureSearch } from './FeatureSearch.tsx';

// Every field of a summary is optional, so any object is one; the node leaves it out when it has none.
function isSummary(value: unknown): value is AttributeSummary {
  return isRecord(value);
}

function describeType(attribute: ModelView['attributes'][number]): string {
  const parts = [attribute.type];
  if (attribute.unit) parts.push(attribute.unit);
  if (attribute.levels && attribute.levels.length > 0) parts.push(attribute.levels.join(', '));
  return parts.join(' · ');
}

export function ModelSection({ productId, model }: { productId: string; model: ModelView }) {
  return (
    <section aria-labelledby="model-heading" className="panel">
      <h2 id="model-heading">
        Model: {model.entity.count.toLocaleString()} {model.entity.plural}
      </h2>
      <h3>Attributes</h3>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Attribute</th>
              <th scope="col">Type</th>
              <th scope="col">Distribution</th>
            </tr>
          </thead>
          <tbody>
            {model.attributes.map((attribute) => (
              <tr key={attribute.id}>
                <th scope="row">
                  {attribute.label} <code className="muted">{attribute.id}</code>
                  {attribute.description && <div className="hint">{attribute.description}</div>}
                </th>
                <td>{describeType(attribute)}</td>
                <td>
                  {isSummary(attribute.summary) ? (
                    <Distribution summary={attribute.summary} label={attribute.label} />
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {model.endpoints.length > 0 && (
        <>
          <h3>Endpoints</h3>
          <ul>
            {model.endpoints.map((endpoint) => {
              const summary = endpoint.summary as { events?: number; censored?: number } | undefined;
              return (
                <li key={endpoint.id}>
                  <strong>{endpoint.label}</strong> <code className="muted">{endpoint.id}</code>
                  {typeof endpoint.unit === 'string' && ` (${endpoint.unit})`}
                  {summary?.events !== undefined &&
                    ` · ${summary.events} events, ${summary.censored ?? 0} censored`}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {model.modalities.length > 0 && (
        <>
          <h3>Modalities</h3>
          {model.modalities.map((modality) => (
            <div key={modality.id} className="modality">
              <h4>
                {modality.label ?? modality.id} <span className="muted">({modality.kind})</span>
              </h4>
              <FeatureSearch
                productId={productId}
                modality={modality.id}
                label={modality.label ?? modality.id}
              />
            </div>
          ))}
        </>
      )}
    </section>
  );
}
