import type { CatalogProtocol } from '../api/types.ts';
import type { CatalogItem } from '../catalog/catalogItem.ts';

/** Federated protocols every chosen product serves under the same combination rule (else MIXED_RULES). */
export function sharedProtocols(chosen: CatalogItem[]): CatalogProtocol[] {
  const [first, ...rest] = chosen;
  if (!first?.protocols) return [];
  return first.protocols.filter(
    (protocol) =>
      protocol.federated &&
      rest.every((item) =>
        (item.protocols ?? []).some(
          (other) => other.id === protocol.id && other.federated?.combine === protocol.federated?.combine,
        ),
      ),
  );
}
