import { InputError } from '@plexus/spec';
import { PluginHost, type PluginHostOptions } from '../plugins/PluginHost.ts';
import { ProductRuntime, type ProductRuntimeOptions } from './ProductRuntime.ts';
import type { ProductRegistry } from './ProductService.ts';

/** Opens every product folder for serving; fails on the first product that cannot be served, naming it. */
export async function openProducts(
  dirs: readonly string[],
  options: Omit<ProductRuntimeOptions, 'host'> & { plugins?: PluginHostOptions } = {},
): Promise<ProductRegistry> {
  const host = new PluginHost(options.plugins);
  const products: ProductRuntime[] = [];
  try {
    for (const dir of dirs) {
      const product = await ProductRuntime.open(dir, { ...options, host });
      if (products.some((existing) => existing.id === product.id)) {
        product.close();
        throw new InputError(
          `two product folders have the id '${product.id}'; product ids must be unique on a node`,
        );
      }
      products.push(product);
    }
  } catch (error) {
    for (const product of products) product.close();
    await host.close();
    throw error;
  }
  const byId = new Map(products.map((product) => [product.id, product]));
  return {
    list: () => [...products],
    get: (id) => byId.get(id),
    close: async () => {
      for (const product of products) product.close();
      await host.close();
    },
  };
}
