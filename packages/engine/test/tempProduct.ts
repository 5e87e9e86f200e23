import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const VA_LUNG_TRIAL = resolve(import.meta.dirname, '../../../products/va-lung-trial');

/** A private copy of a product folder (without its snapshots), removed by the returned cleanup. */
export async function tempProduct(
  source = VA_LUNG_TRIAL,
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'plexus-test-'));
  const dir = join(root, 'product');
  await cp(source, dir, { recursive: true, filter: (path) => !path.includes('/.plexus') });
  return { dir, cleanup: () => rm(root, { recursive: true, force: true }) };
}
