import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/**
 * Where the CLI looks for a product a plugin asks for (ctx.mesh) when it is not one of those opened:
 * the folders given with --with, then the sibling folders of the opened ones — products kept side by
 * side in one repository (as in products/) find each other by id, as they would on one node.
 */
export function productFinder(
  opened: readonly string[],
  withDirs: readonly string[] = [],
): (productId: string) => Promise<string | undefined> {
  let index: Promise<Map<string, string>> | undefined;
  return async (productId) => {
    index ??= indexProducts([
      ...withDirs.map((dir) => resolve(dir)),
      ...(await siblingFolders(opened.map((dir) => resolve(dir)))),
    ]);
    return (await index).get(productId);
  };
}

async function siblingFolders(dirs: readonly string[]): Promise<string[]> {
  const folders: string[] = [];
  for (const parent of new Set(dirs.map((dir) => dirname(dir)))) {
    const entries = await readdir(parent, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) if (entry.isDirectory()) folders.push(join(parent, entry.name));
  }
  return folders.sort();
}

/** Product ids by folder, from the `id:` line of each product.yaml; the first folder with an id wins. */
async function indexProducts(folders: readonly string[]): Promise<Map<string, string>> {
  const byId = new Map<string, string>();
  for (const folder of folders) {
    const text = await readFile(join(folder, 'product.yaml'), 'utf8').catch(() => undefined);
    const id =
      text === undefined ? undefined : /^id:\s*["']?([a-z][a-z0-9-]*)["']?\s*(#.*)?$/m.exec(text)?.[1];
    if (id !== undefined && !byId.has(id)) byId.set(id, folder);
  }
  return byId;
}
