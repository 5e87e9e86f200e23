import type { ModelView } from '../api/types.ts';
import { Distribution } from './Distribution.tsx';
import { FeatureSearch } from './FeatureSearch.tsx';

function describeType(attribute: ModelView['attributes'][number]): string {
  const parts: string[] = [attribute.type];
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
                  <Distribution summary={attribute.summary} label={attribute.label} />
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
              const { summary } = endpoint;
              return (
                <li key={endpoint.id}>
                  <strong>{endpoint.label}</strong> <code className="muted">{endpoint.id}</code>
                  {` (${endpoint.unit}) · ${summary.events} events, ${summary.censored} censored`}
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
