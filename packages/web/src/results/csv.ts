/** CSV encoding (RFC 4180): comma separated, CRLF line ends, fields quoted when they must be. */

import type { Cell } from './tableRows.ts';

/** One field: quoted when it holds a comma, a double quote, CR or LF (quotes doubled inside). */
export function csvField(value: Cell | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export interface CsvColumn {
  label: string;
  unit?: string;
}

/** A whole file: the header row (labels, with the unit in parentheses) and then the rows, CRLF after each. */
export function toCsv(columns: readonly CsvColumn[], rows: readonly (readonly Cell[])[]): string {
  const header = columns.map((column) =>
    csvField(column.unit ? `${column.label} (${column.unit})` : column.label),
  );
  const lines = [header.join(',')];
  for (const row of rows) lines.push(columns.map((_, index) => csvField(row[index])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** A file name from a block id or title: letters, digits, dashes. */
export function csvFileName(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${base || 'table'}.csv`;
}
