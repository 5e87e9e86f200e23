import { resolve } from 'node:path';
import { loadProductFolder, modelChoicesFromMapping } from '@plexus/engine';
import type { Problem } from '@plexus/spec';
import { loadProtocols } from './loadProtocols.ts';

function byLocation(a: Problem, b: Problem): number {
  const fileOrder = (a.at?.file ?? '').localeCompare(b.at?.file ?? '');
  if (fileOrder !== 0) return fileOrder;
  return (a.at?.line ?? 0) - (b.at?.line ?? 0) || (a.at?.column ?? 0) - (b.at?.column ?? 0);
}

/** Every problem of a product folder — product, mapping, sources, expressions, protocols, plugins — sorted by place. */
export async function validateProduct(dir: string): Promise<Problem[]> {
  const loaded = await loadProductFolder(dir);
  const problems = [...loaded.problems];
  const { product, mapping } = loaded.partial;
  const folder = product?.protocols ?? 'protocols';
  problems.push(
    ...(await loadProtocols(resolve(dir), folder, mapping ? modelChoicesFromMapping(mapping) : undefined))
      .problems,
  );
  return problems.sort(byLocation);
}
