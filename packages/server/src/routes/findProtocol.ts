import type { ProductService, ProtocolSummary } from '@plexus/runtime';
import { describeValue, didYouMean, NotFoundError } from '@plexus/spec';

/** The protocol with this id, or a NotFoundError that names the id and lists the product's protocols. */
export function findProtocol(product: ProductService, protocolId: string): ProtocolSummary {
  const protocols = product.protocols();
  const protocol = protocols.find((candidate) => candidate.id === protocolId);
  if (protocol !== undefined) return protocol;
  const ids = protocols.map((candidate) => candidate.id);
  const existing = ids.length === 0 ? 'It has no protocols.' : `Its protocols: ${ids.join(', ')}.`;
  // didYouMean ends in '?' when it suggests something; otherwise the sentence needs its full stop.
  const hint = didYouMean(protocolId, ids) || '.';
  throw new NotFoundError(
    `Data product '${product.id}' has no protocol ${describeValue(protocolId)}${hint} ${existing}`,
    [{ at: 'protocolId', message: 'no such protocol', found: protocolId, allowed: ids }],
  );
}
