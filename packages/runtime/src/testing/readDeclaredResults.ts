import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readYamlFile } from '@plexus/engine';
import type { DeclaredResult } from './ProductTestCase.ts';

function declaredResults(value: unknown): DeclaredResult[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const results: DeclaredResult[] = [];
  for (const item of value) {
    if (item === null || typeof item !== 'object') continue;
    const { id, type, optional } = item as Record<string, unknown>;
    if (typeof id !== 'string') continue;
    results.push({
      id,
      ...(typeof type === 'string' ? { type } : {}),
      ...(optional === true ? { optional: true } : {}),
    });
  }
  return results;
}

/**
 * The result blocks each protocol of a product declares (`results:` in protocols/*.yaml), read leniently:
 * a protocol without the field, or a file that does not parse, declares nothing. Validation of the
 * protocol files is `plexus validate`'s job.
 */
export async function readDeclaredResults(productDir: string): Promise<Map<string, DeclaredResult[]>> {
  const declared = new Map<string, DeclaredResult[]>();
  const product = await readYamlFile(resolve(productDir, 'product.yaml'), 'product.yaml');
  const configured = (product.value as { protocols?: unknown } | undefined)?.protocols;
  const folder = typeof configured === 'string' ? configured : 'protocols';
  const names = (await readdir(resolve(productDir, folder)).catch(() => [] as string[]))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
  for (const name of names) {
    const file = await readYamlFile(resolve(productDir, folder, name), join(folder, name));
    const value = file.value as { id?: unknown; results?: unknown } | undefined;
    const results = declaredResults(value?.results);
    if (typeof value?.id === 'string' && results) declared.set(value.id, results);
  }
  return declared;
}

/** Declared results as a protocol listing may carry them (`results` on a protocol summary), if it does. */
export function declaredResultsOf(protocol: unknown): DeclaredResult[] | undefined {
  return declaredResults((protocol as { results?: unknown } | null)?.results);
}
