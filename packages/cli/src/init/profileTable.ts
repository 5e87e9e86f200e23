import { basename } from 'node:path';
import { uniqueIdentifier } from './identifiers.ts';
import { type ColumnProfile, inferColumn } from './inferColumn.ts';
import { DEFAULT_NULLS } from './nullTokens.ts';
import { type CsvTable, readCsv } from './readCsv.ts';

/** A profiled column with the identifier the mapping will call it. */
export interface ProfiledColumn extends ColumnProfile {
  id: string;
}

/** A file as init sees it: where it goes in the product, its columns and their inferred types. */
export interface TableProfile {
  /** The file as given. */
  path: string;
  /** File name inside data/. */
  fileName: string;
  /** Source id in the mapping. */
  sourceId: string;
  delimiter: string;
  rows: number;
  columns: ProfiledColumn[];
  /** Null tokens to declare: the defaults plus ".", "NULL" when the file uses them. */
  nullValues: string[];
}

export function columnByHeader(table: TableProfile, header: string): ProfiledColumn | undefined {
  const lower = header.toLowerCase();
  return table.columns.find((column) => column.header.toLowerCase() === lower);
}

export function profileCsv(table: CsvTable, sourceId: string): TableProfile {
  const taken = new Set<string>();
  const columns = table.header.map((header, index) => ({
    ...inferColumn(
      header,
      table.rows.map((row) => row[index] ?? ''),
    ),
    id: uniqueIdentifier(header, taken),
  }));
  const extra = new Set(columns.flatMap((column) => column.nullTokens));
  const nullValues = [
    ...DEFAULT_NULLS,
    ...[...extra].filter((token) => !DEFAULT_NULLS.includes(token)).sort(),
  ];
  return {
    path: table.path,
    fileName: basename(table.path),
    sourceId,
    delimiter: table.delimiter,
    rows: table.rows.length,
    columns,
    nullValues,
  };
}

/** Reads and profiles files, giving each a distinct source id from its file name. */
export async function profileFiles(paths: readonly string[]): Promise<TableProfile[]> {
  const taken = new Set<string>();
  const profiles: TableProfile[] = [];
  for (const path of paths) {
    const stem = basename(path)
      .replace(/(\.gz)?$/i, '')
      .replace(/\.[^.]*$/, '');
    profiles.push(profileCsv(await readCsv(path), uniqueIdentifier(stem, taken, 'source')));
  }
  return profiles;
}
