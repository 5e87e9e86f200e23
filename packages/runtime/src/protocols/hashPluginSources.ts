import { access, readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { canonicalJson, sha256Text } from '@plexus/engine';

const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

async function existing(candidates: string[]): Promise<string | undefined> {
  for (const candidate of candidates) {
    try {
      await access(candidate);
      return candidate;
    } catch {
      // try the next spelling
    }
  }
  return undefined;
}

/**
 * A plugin module and every module of the product it imports by relative path, as paths relative to the
 * product folder mapped to the sha256 of their text. Packages (`@plexus/stats`, …) are not followed:
 * the engine version covers them.
 */
export async function pluginSourceFiles(entry: string, productDir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    const name = relative(productDir, file);
    if (hashes.has(name) || name.startsWith('..')) continue;
    const text = await readFile(file, 'utf8');
    hashes.set(name, sha256Text(text));
    for (const match of text.matchAll(RELATIVE_IMPORT)) {
      const target = resolve(dirname(file), match[1] ?? '');
      const found = await existing([
        target,
        `${target}.ts`,
        target.replace(/\.js$/, '.ts'),
        resolve(target, 'index.ts'),
      ]);
      if (found) queue.push(found);
    }
  }
  return hashes;
}

/** One sha256 over a plugin's source files (in code-point order, the same on every machine whatever its locale), so that editing a helper file changes the recorded plugin hash too. */
export async function hashPluginSources(entry: string, productDir: string): Promise<string> {
  const hashes = await pluginSourceFiles(entry, productDir);
  return sha256Text(
    canonicalJson(Object.fromEntries([...hashes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))),
  );
}
