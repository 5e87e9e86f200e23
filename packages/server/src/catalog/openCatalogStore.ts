import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CatalogStore } from '@plexus/mesh';

/** The catalog a catalog node keeps: `<data dir>/catalog.db`, the folder created when missing. */
export function openCatalogStore(dataDir: string): CatalogStore {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return new CatalogStore(join(dataDir, 'catalog.db'));
}
