import type { ProductRegistry, ProductService } from '@plexus/runtime';
import { describeValue, NotFoundError } from '@plexus/spec';

/**
 * The product with this id, or a NotFoundError naming the id. Other products are not listed: once a
 * gatekeeper hides products from some callers, a 404 must not reveal what exists.
 */
export function findProduct(registry: ProductRegistry, productId: string): ProductService {
  const product = registry.get(productId);
  if (product !== undefined) return product;
  throw new NotFoundError(`There is no data product ${describeValue(productId)} on this node.`, [
    { at: 'productId', message: 'no such product', found: productId },
  ]);
}
