import type { ProductRegistry, ProductService } from '@plexus/runtime';
import { NotFoundError } from '@plexus/spec';

/** Test fixture: a registry over products already made, which holds no earlier versions of them. */
export function registryOf(products: readonly ProductService[]): ProductRegistry {
  const find = (id: string) => products.find((product) => product.id === id);
  return {
    list: () => [...products],
    get: find,
    version: async (id, versions) => {
      const product = find(id);
      if (
        product?.versions.definitionHash === versions.definitionHash &&
        product.versions.dataVersion === versions.dataVersion
      )
        return product;
      throw new NotFoundError(`this node does not hold version ${versions.definitionHash} of '${id}'`);
    },
    close: async () => {},
  };
}
