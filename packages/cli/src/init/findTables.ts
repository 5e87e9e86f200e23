import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '@plexus/spec';

/** The CSV/TSV files of a folder by lower-case table name ("ADSL.csv" → adsl). */
export async function findTables(folder: string): Promise<Map<string, string>> {
  const tables = new Map<string, string>();
  for (const name of (await readdir(folder)).sort()) {
    const match = name.match(/^(.+)\.(csv|tsv)(\.gz)?$/i);
    if (match?.[1]) tables.set(match[1].toLowerCase(), join(folder, name));
  }
  if (tables.size === 0) throw new InputError(`${folder} holds no .csv or .tsv files`);
  return tables;
}
