import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';

export interface CsvTable {
  /** The file as given on the command line. */
  path: string;
  delimiter: string;
  header: string[];
  /** Data rows, each as long as the header (short rows are padded with empty fields). */
  rows: string[][];
}

/** The delimiter of a header line: the one of comma, tab, semicolon and pipe that splits it most. */
export function sniffDelimiter(firstLine: string, path = ''): string {
  if (/\.tsv(\.gz)?$|\.tab$/i.test(path)) return '\t';
  const counts = [',', '\t', ';', '|'].map((delimiter) => ({
    delimiter,
    count: firstLine.split(delimiter).length - 1,
  }));
  counts.sort((a, b) => b.count - a.count);
  return (counts[0]?.count ?? 0) > 0 ? (counts[0]?.delimiter ?? ',') : ',';
}

/**
 * Parses delimited text as RFC 4180 does: double quotes around fields, "" for a quote inside them,
 * line breaks inside quotes, CRLF or LF line ends, an optional byte-order mark.
 */
export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (quoted) {
      if (char === '"' && source[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === delimiter) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[index + 1] === '\n') index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  // A blank line (often the last one) is not a row.
  return rows.filter((fields) => !(fields.length === 1 && fields[0] === ''));
}

/** Reads a CSV/TSV file (gzip or not) whole: init profiles every value to infer types and keys. */
export async function readCsv(path: string): Promise<CsvTable> {
  const bytes = await readFile(path);
  const text = (/\.gz$/i.test(path) ? gunzipSync(bytes) : bytes).toString('utf8');
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n/))) || text;
  const delimiter = sniffDelimiter(firstLine, path);
  const [header = [], ...rows] = parseCsv(text, delimiter);
  const width = header.length;
  return {
    path,
    delimiter,
    header: header.map((name) => name.trim()),
    rows: rows.map((fields) =>
      fields.length >= width ? fields : [...fields, ...new Array<string>(width - fields.length).fill('')],
    ),
  };
}

/**
 * The header and the first rows of a CSV file, reading at most `maxBytes`: enough to learn a large
 * table's date format without loading it. The last row, possibly cut short, is dropped.
 */
export async function readCsvHead(path: string, maxBytes = 1 << 20): Promise<CsvTable> {
  const { open } = await import('node:fs/promises');
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(maxBytes);
    const { bytesRead } = await handle.read(buffer, 0, maxBytes, 0);
    let text = buffer.subarray(0, bytesRead).toString('utf8');
    const whole = bytesRead < maxBytes;
    if (!whole) text = text.slice(0, text.lastIndexOf('\n') + 1);
    const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n/))) || text;
    const delimiter = sniffDelimiter(firstLine, path);
    const [header = [], ...rows] = parseCsv(text, delimiter);
    return { path, delimiter, header: header.map((name) => name.trim()), rows };
  } finally {
    await handle.close();
  }
}

/** A CSV line of fields, quoted where needed. */
export function formatCsvRow(fields: readonly string[]): string {
  return fields.map((field) => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field)).join(',');
}
