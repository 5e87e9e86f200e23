import type { ProtocolSummary } from '../api/types.ts';
import { href } from '../routing/router.ts';

/** The product's apps (protocols), grouped by category, each linking to its run page. */
export function AppsSection({ productId, protocols }: { productId: string; protocols: ProtocolSummary[] }) {
  const byCategory = new Map<string, ProtocolSummary[]>();
  for (const protocol of protocols) {
    byCategory.set(protocol.category, [...(byCategory.get(protocol.category) ?? []), protocol]);
  }
  return (
    <section aria-labelledby="apps-heading" className="panel">
      <h2 id="apps-heading">Apps</h2>
      {protocols.length === 0 && <p className="muted">This product offers no apps.</p>}
      {[...byCategory].map(([category, list]) => (
        <div key={category} className="app-group">
          <h3 className="category">{category}</h3>
          <ul className="app-list">
            {list.map((protocol) => (
              <li key={protocol.id}>
                <a href={href('products', productId, 'apps', protocol.id)}>{protocol.title}</a>
                <span className="muted"> v{protocol.version}</span>
                {protocol.federation && (
                  <span className="badge">federated: {protocol.federation.combine}</span>
                )}
                <div className="hint">{protocol.description.split('\n')[0]}</div>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
