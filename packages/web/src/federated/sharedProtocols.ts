import type { CatalogProtocol } from '../api/types.ts';
import type { CatalogItem } from '../catalog/catalogItem.ts';

/**
 * Federated protocols every chosen product serves under the same combination rule (else MIXED_RULES).
 * A product whose protocols are unknown (its list did not come) may serve them: it does not narrow the
 * choice, and if it does not serve the one asked, its site answers so in the site table.
 */
export function sharedProtocols(chosen: CatalogItem[]): CatalogProtocol[] {
  const known = chosen.flatMap((item) => (item.protocols ? [item.protocols] : []));
  const [first, ...rest] = known;
  if (!first) return [];
  return first.filter(
    (protocol) =>
      protocol.federated &&
      rest.every((protocols) =>
        protocols.some(
          (other) => other.id === protocol.id && other.federated?.combine === protocol.federated?.combine,
        ),
      ),
  );
}
