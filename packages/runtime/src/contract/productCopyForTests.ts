import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

/** Test support: a temporary copy of a product's YAML files (product.yaml, mapping.yaml, protocols/). */
export async function copyProduct(productDir: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'plexus-contract-'));
  for (const entry of ['product.yaml', 'mapping.yaml', 'protocols'])
    await cp(join(productDir, entry), join(dir, entry), { recursive: true });
  return dir;
}

/** Test support: rewrites a YAML file through `edit`, which changes the parsed document in place. */
// biome-ignore lint/suspicious/noExplicitAny: tests reach freely into the parsed YAML.
export async function editYaml(path: string, edit: (document: any) => void): Promise<void> {
  const document = parse(await readFile(path, 'utf8'));
  edit(document);
  await writeFile(path, stringify(document));
}
