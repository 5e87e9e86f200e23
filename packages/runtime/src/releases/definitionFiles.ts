import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Product } from '@plexus/spec';
import { pluginSourceFiles } from '../protocols/hashPluginSources.ts';
import type { LoadedProtocol } from '../protocols/LoadedProtocol.ts';

async function yamlFilesIn(productDir: string, folder: string): Promise<string[]> {
  const names = await readdir(join(productDir, folder)).catch(() => [] as string[]);
  return names.filter((name) => /\.ya?ml$/.test(name)).map((name) => join(folder, name));
}

async function present(productDir: string, file: string): Promise<string[]> {
  const names = await readdir(productDir).catch(() => [] as string[]);
  return names.includes(file) ? [file] : [];
}

/**
 * The files that make up a product's definition, relative to its folder: product.yaml, the mapping, the
 * protocol files, every plugin module with the product modules it imports, the product tests and
 * package.json. Source data is not among them: the snapshot holds the data.
 */
export async function definitionFiles(
  productDir: string,
  product: Product,
  protocols: readonly LoadedProtocol[],
): Promise<string[]> {
  const files = new Set<string>(['product.yaml', product.mapping ?? 'mapping.yaml']);
  for (const protocol of protocols) {
    files.add(protocol.file);
    for (const source of (await pluginSourceFiles(protocol.modulePath, productDir)).keys()) files.add(source);
  }
  for (const test of await yamlFilesIn(productDir, 'tests')) files.add(test);
  for (const extra of await present(productDir, 'package.json')) files.add(extra);
  return [...files].sort();
}
