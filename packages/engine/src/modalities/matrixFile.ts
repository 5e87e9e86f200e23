import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { MatrixModality } from '@plexus/spec';
import { splitCsvLine } from '../load/readCsvHeader.ts';

export type MatrixFileFormat = 'tsv' | 'csv' | 'gct';

export interface MatrixFileLayout {
  format: MatrixFileFormat;
  delimiter: string;
  /** Lines before the header line (GCT has a version line and a dimensions line). */
  skipLines: number;
  /** Every column name of the header line, in order. */
  header: string[];
  /** The first column: feature ids (features-by-entities) or entity ids (entities-by-features). */
  keyColumn: string;
  /** GCT's Description column, which holds feature names. */
  nameColumn?: string;
  /** The columns holding numbers: entity ids or feature ids, depending on the orientation. */
  valueColumns: string[];
}

export function matrixFileFormat(wide: NonNullable<MatrixModality['wide']>): MatrixFileFormat {
  if (wide.format) return wide.format;
  const extension = extname(wide.path.toLowerCase().replace(/\.(gz|gzip)$/, ''));
  if (extension === '.gct') return 'gct';
  if (extension === '.csv') return 'csv';
  return 'tsv';
}

/** Reads the first lines of a matrix file (gzip or not) and tells its layout; throws with a reason when it has none. */
export async function readMatrixLayout(path: string, format: MatrixFileFormat): Promise<MatrixFileLayout> {
  const delimiter = format === 'csv' ? ',' : '\t';
  const skipLines = format === 'gct' ? 2 : 0;
  const raw = createReadStream(path, { highWaterMark: 64 * 1024 });
  const stream = /\.gz(ip)?$/i.test(path) ? raw.pipe(createGunzip()) : raw;
  const lines: string[] = [];
  const reader = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of reader) {
      lines.push(line);
      if (lines.length > skipLines) break;
    }
  } finally {
    reader.close();
    raw.destroy();
  }
  if (format === 'gct' && !/^#1\.[23]/.test(lines[0] ?? ''))
    throw new Error(`a GCT file starts with #1.2 or #1.3, found '${(lines[0] ?? '').slice(0, 40)}'`);
  const headerLine = lines[skipLines];
  if (headerLine === undefined) throw new Error('the file has no header line');
  const header = splitCsvLine(headerLine.replace(/^\uFEFF/, ''), delimiter);
  const keyColumn = header[0] ?? '';
  const nameColumn = format === 'gct' ? header[1] : undefined;
  const valueColumns = header.slice(format === 'gct' ? 2 : 1);
  if (valueColumns.length === 0)
    throw new Error(
      `the header has no value columns after '${keyColumn}': is the delimiter ${format === 'csv' ? 'a comma' : 'a tab'}?`,
    );
  const duplicate = valueColumns.find((name, index) => valueColumns.indexOf(name) !== index);
  if (duplicate !== undefined) throw new Error(`column '${duplicate}' appears twice in the header`);
  return {
    format,
    delimiter,
    skipLines,
    header,
    keyColumn,
    ...(nameColumn !== undefined ? { nameColumn } : {}),
    valueColumns,
  };
}
