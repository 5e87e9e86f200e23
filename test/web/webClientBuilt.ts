import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const INDEX = join(resolve(import.meta.dirname, '../..'), 'packages/web/dist/index.html');

/**
 * Whether the page is built (`npm run build:web`, which `npm test` runs first). In CI its absence fails
 * the tests rather than skipping them.
 */
export function webClientBuilt(): boolean {
  if (existsSync(INDEX)) return true;
  if (process.env.CI)
    throw new Error('packages/web/dist is missing: npm test runs build:web before the tests');
  return false;
}
