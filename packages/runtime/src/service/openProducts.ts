import { InputError, NotFoundError } from '@plexus/spec';
import type { FindLocalProduct } from '../mesh/LocalMeshAccess.ts';
import { PluginHost, type PluginHostOptions } from '../plugins/PluginHost.ts';
import { MeshRequestError } from '../plugins/PluginMesh.ts';
import { ProductRuntime, type ProductRuntimeOptions } from './ProductRuntime.ts';
import type { ProductRegistry } from './ProductService.ts';
import { productTestStatus } from './productTestStatus.ts';

/** Opens every product folder for serving; fails on the first product that cannot be served, naming it. */
export interface OpenProductsOptions extends Omit<ProductRuntimeOptions, 'host'> {
  plugins?: PluginHostOptions;
  /**
   * What to do with each product's tests (tests/*.yaml) before serving it: `enforce` refuses a version
   * whose tests fail, `allow-failing` serves it with its failures in its metadata (an explicit override),
   * `skip` (the default for library use) does not run them.
   */
  productTests?: 'enforce' | 'allow-failing' | 'skip';
  /** Told before each product's tests run (they take a while the first time). */
  onTesting?: (productId: string) => void;
  /**
   * Where to find a product a plugin asks for (ctx.mesh) that is not among those opened: its folder,
   * opened on demand (not served). The CLI looks among the sibling folders of the products it opens.
   */
  findProductDir?: (productId: string) => Promise<string | undefined>;
}

/** Runs a version's tests as the options say; throws InputError when they fail and failures are refused. */
export async function applyProductTests(
  product: ProductRuntime,
  options: OpenProductsOptions,
): Promise<void> {
  const mode = options.productTests ?? 'skip';
  if (mode === 'skip') return;
  options.onTesting?.(product.id);
  const status = await productTestStatus(product);
  if (status.status === 'failed' && mode === 'enforce')
    throw new InputError(
      `product ${product.id} is not served: ${status.failed + status.errors} of its ${status.cases} tests fail (definition ${product.versions.definitionHash}, data version ${product.versions.dataVersion}):\n${status.failures.map((failure) => `  ${failure}`).join('\n')}\nfix the product or its tests (plexus test), or serve it anyway with --allow-failing-tests`,
    );
  product.setTestStatus(status.status === 'failed' ? { ...status, overridden: true } : status);
}

export async function openProducts(
  dirs: readonly string[],
  options: OpenProductsOptions = {},
): Promise<ProductRegistry> {
  const host = new PluginHost(options.plugins);
  const products: ProductRuntime[] = [];
  // Served versions by the id clients use: `<id>` for production, `<id>@<channel>` for other channels.
  const served = new Map<string, ProductRuntime>();
  // Products opened only because a plugin asked for them: not served, closed with the rest.
  const called = new Map<string, Promise<ProductRuntime | undefined>>();
  const findProduct: FindLocalProduct = async (id) => {
    const product = served.get(id);
    if (product || !options.findProductDir) return product;
    let opening = called.get(id);
    if (!opening) {
      opening = openCalledProduct(id, options.findProductDir, runtimeOptions);
      called.set(id, opening);
      opening.catch(() => called.delete(id));
    }
    return opening;
  };
  const runtimeOptions: ProductRuntimeOptions = { ...options, host, findProduct };
  try {
    for (const dir of dirs) {
      const product = await ProductRuntime.open(dir, runtimeOptions);
      if (products.some((existing) => existing.id === product.id)) {
        product.close();
        throw new InputError(
          `two product folders have the id '${product.id}'; product ids must be unique on a node`,
        );
      }
      products.push(product);
      served.set(product.id, product);
    }
    // Tests run once every product is open: a protocol may call the others (ctx.mesh).
    for (const product of products) await applyProductTests(product, options);
  } catch (error) {
    for (const product of products) product.close();
    await closeCalled(called);
    await host.close();
    throw error;
  }
  host.setPreload(products.flatMap((product) => product.pluginModules()));
  const fromFolders = new Set(products.map((product) => product.id));
  // Earlier versions are opened when a re-run asks for them (or were replaced by a deployment) and stay
  // open, read-only, until the node stops: runs still executing on them finish, and re-runs find them.
  const earlier = new Map<string, Promise<ProductRuntime>>();
  const keyOf = (id: string, versions: { definitionHash: string; dataVersion: string }) =>
    `${id}/${versions.definitionHash}/${versions.dataVersion}`;
  const openKept = (snapshotRoot: string, versions: { definitionHash: string; dataVersion: string }) =>
    ProductRuntime.openVersion(snapshotRoot, versions, runtimeOptions);
  return {
    list: () => [...served.entries()].filter(([id]) => !id.includes('@')).map(([, product]) => product),
    get: (id) => served.get(id),
    version: async (id, versions) => {
      const current = served.get(id);
      if (!current) throw new NotFoundError(`this node does not serve a product '${id}'`);
      if (
        current.versions.definitionHash === versions.definitionHash &&
        current.versions.dataVersion === versions.dataVersion
      )
        return current;
      const key = keyOf(id, versions);
      let opening = earlier.get(key);
      if (!opening) {
        opening = openKept(current.snapshotRoot, versions);
        earlier.set(key, opening);
        // A version that cannot be opened is not remembered: the next request tries again.
        opening.catch(() => earlier.delete(key));
      }
      return opening;
    },
    servedFromFolder: (id) => fromFolders.has(id),
    openKept: async (snapshotRoot, versions) => {
      const product = await openKept(snapshotRoot, versions);
      try {
        await applyProductTests(product, { ...options, productTests: 'allow-failing' });
        return product;
      } catch (error) {
        product.close();
        throw error;
      }
    },
    serve: (product, channel = 'production') => {
      const id = channel === 'production' ? product.id : `${product.id}@${channel}`;
      const replaced = served.get(id);
      served.set(id, product);
      if (replaced && replaced !== product)
        earlier.set(keyOf(product.id, replaced.versions), Promise.resolve(replaced));
    },
    close: async () => {
      const open = new Set<ProductRuntime>(served.values());
      for (const opening of earlier.values()) {
        const product = await opening.catch(() => undefined);
        if (product) open.add(product);
      }
      for (const product of open) product.close();
      await closeCalled(called);
      await host.close();
    },
  };
}

/** Opens the folder of a product a plugin asked for; MESH_UNAVAILABLE when it is there but cannot be opened. */
async function openCalledProduct(
  id: string,
  findDir: (productId: string) => Promise<string | undefined>,
  options: ProductRuntimeOptions,
): Promise<ProductRuntime | undefined> {
  const dir = await findDir(id);
  if (!dir) return undefined;
  let product: ProductRuntime;
  try {
    product = await ProductRuntime.open(dir, options);
  } catch (error) {
    throw new MeshRequestError(
      'MESH_UNAVAILABLE',
      `product ${id} (${dir}) cannot be opened: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (product.id === id) return product;
  product.close();
  return undefined;
}

async function closeCalled(called: Map<string, Promise<ProductRuntime | undefined>>): Promise<void> {
  for (const opening of called.values()) (await opening.catch(() => undefined))?.close();
}
