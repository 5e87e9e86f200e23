import { access, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InputError } from '@plexus/spec';

const isProduct = (dir: string) =>
  access(join(dir, 'product.yaml')).then(
    () => true,
    () => false,
  );

/**
 * A folder holding product.yaml is a product; any other folder is searched one level down, so that
 * `plexus serve products` serves every product in it.
 */
export async function findProductDirs(paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const dir = resolve(path);
    if (await isProduct(dir)) {
      found.push(dir);
      continue;
    }
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => {
      throw new InputError(`${path} is not a folder`);
    });
    const children = entries
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => join(dir, entry.name));
    const products = [];
    for (const child of children.sort()) if (await isProduct(child)) products.push(child);
    if (products.length === 0) throw new InputError(`${path} holds no product.yaml, nor do its subfolders`);
    found.push(...products);
  }
  return found;
}
