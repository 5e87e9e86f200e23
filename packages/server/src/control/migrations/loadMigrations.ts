import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type Backend = 'sqlite' | 'postgres';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_NAME = /^(\d+)_([a-z0-9_]+)\.sql$/;

/**
 * The migrations of one backend, in order. A migration is a file `NNNN_name.sql` in `migrations/<backend>`;
 * once released it is never edited, only followed by a new one, because nodes remember versions, not text.
 */
export function loadMigrations(backend: Backend): Migration[] {
  const directory = fileURLToPath(new URL(`./${backend}/`, import.meta.url));
  const migrations: Migration[] = [];
  for (const file of readdirSync(directory)) {
    const match = FILE_NAME.exec(file);
    if (match === null) continue;
    migrations.push({
      version: Number(match[1]),
      name: match[2] ?? file,
      sql: readFileSync(`${directory}${file}`, 'utf8'),
    });
  }
  migrations.sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]?.version === migrations[i - 1]?.version) {
      throw new Error(`two ${backend} control-plane migrations share version ${migrations[i]?.version}`);
    }
  }
  return migrations;
}
