import type { ProductRegistry, ProductService } from '@plexus/runtime';
import { describeValue, NotAllowedError, NotFoundError } from '@plexus/spec';
import type { FastifyRequest } from 'fastify';
import type { Gatekeeper } from './Gatekeeper.ts';
import type { IdentifiedCaller } from './identifyCaller.ts';
import type { ProductAction } from './policy/roles.ts';

/** The 404 of a product that does not exist, which a hidden private product answers too. */
export function productNotFound(productId: string): NotFoundError {
  return new NotFoundError(`There is no data product ${describeValue(productId)} on this node.`, [
    { at: 'productId', message: 'no such product', found: productId },
  ]);
}

/**
 * The product, when the caller may do this with it. A private product the caller has no grant on gets
 * exactly the 404 of a product that does not exist: its existence is itself information.
 */
export async function authorizeProduct(
  gatekeeper: Gatekeeper,
  registry: ProductRegistry,
  request: FastifyRequest,
  productId: string,
  action: ProductAction,
): Promise<ProductService> {
  return authorizeProductFor(gatekeeper, registry, request.caller, productId, action);
}

/** authorizeProduct for a caller known outside a request (a plugin's call to another product). */
export async function authorizeProductFor(
  gatekeeper: Gatekeeper,
  registry: ProductRegistry,
  caller: IdentifiedCaller,
  productId: string,
  action: ProductAction,
): Promise<ProductService> {
  const product = registry.get(productId);
  if (product === undefined) throw productNotFound(productId);
  const decision = await gatekeeper.decide(caller, product, action);
  if (decision.outcome === 'allow') return product;
  if (decision.outcome === 'hidden') throw productNotFound(productId);
  throw new NotAllowedError(
    `${caller.via === 'anonymous' ? 'sign in or present an API token: ' : ''}${decision.reason}`,
    [{ at: 'productId', message: decision.reason, found: productId }],
  );
}

/** The products the caller may see, in the registry's order. */
export async function visibleProducts(
  gatekeeper: Gatekeeper,
  registry: ProductRegistry,
  request: FastifyRequest,
): Promise<ProductService[]> {
  const products = registry.list();
  const decisions = await Promise.all(
    products.map((product) => gatekeeper.decide(request.caller, product, 'see')),
  );
  return products.filter((_product, index) => decisions[index]?.outcome === 'allow');
}

/**
 * A protocol its owners restricted to groups runs only for members of those groups — and for the
 * product's owners, who set the restriction.
 */
export async function authorizeProtocol(
  gatekeeper: Gatekeeper,
  request: FastifyRequest,
  product: ProductService,
  protocolId: string,
): Promise<void> {
  return authorizeProtocolFor(gatekeeper, request.caller, product, protocolId);
}

/** authorizeProtocol for a caller known outside a request. */
export async function authorizeProtocolFor(
  gatekeeper: Gatekeeper,
  caller: IdentifiedCaller,
  product: ProductService,
  protocolId: string,
): Promise<void> {
  const restriction = await gatekeeper.store.getProtocolRestriction(product.id, protocolId);
  if (!restriction) return;
  if (restriction.groupIds.some((groupId) => caller.groupIds.includes(groupId))) return;
  const owner = (await gatekeeper.decide(caller, product, 'manage')).outcome === 'allow';
  if (owner) return;
  throw new NotAllowedError(
    `protocol ${protocolId} of ${product.id} is restricted to some groups, and you are in none of them`,
    [{ at: 'protocolId', message: 'restricted to groups', found: protocolId }],
  );
}
