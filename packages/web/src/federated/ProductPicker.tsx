import type { CatalogItem } from '../catalog/catalogItem.ts';

/** A checkbox per product that answers federated questions; products of other nodes carry their node. */
export function ProductPicker({
  items,
  chosen,
  onToggle,
}: {
  items: CatalogItem[];
  chosen: string[];
  onToggle: (key: string, on: boolean) => void;
}) {
  return (
    <fieldset className="product-picker">
      <legend>Products</legend>
      {items.length === 0 && <p className="muted">No product takes part in federated questions.</p>}
      {items.map((item) => (
        <div key={item.key} className="check-row">
          <label className="check">
            <input
              type="checkbox"
              checked={chosen.includes(item.key)}
              onChange={(event) => onToggle(item.key, event.target.checked)}
            />
            {item.title}
          </label>
          <span className="muted">
            {' '}
            {item.node && !item.local ? `on ${item.node.id}` : 'on this node'} · {item.id}
          </span>
        </div>
      ))}
    </fieldset>
  );
}
