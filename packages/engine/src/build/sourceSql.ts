import { extname, resolve } from 'node:path';
import type { Source, SourceColumn } from '@plexus/spec';
import { quoteIdentifier, quoteLiteral, sqlList } from '../duckdb/sql.ts';

export const DEFAULT_NULL_VALUES = ['', 'NA'];
export const DEFAULT_TRUE_VALUES = ['true', 't', 'yes', 'y', '1'];
export const DEFAULT_FALSE_VALUES = ['false', 'f', 'no', 'n', '0'];
/** Row number in file order; rows of the entity source get their row-number ids from it. */
export const ROW_COLUMN = '__plexus_row';

export type SourceFormat = 'csv' | 'tsv' | 'parquet';

export function sourceFormat(source: Source): SourceFormat {
  if (source.format) return source.format;
  const path = source.path.toLowerCase().replace(/\.(gz|gzip|zst)$/, '');
  const extension = extname(path);
  if (extension === '.parquet' || extension === '.pq') return 'parquet';
  if (extension === '.tsv' || extension === '.tab' || extension === '.txt') return 'tsv';
  return 'csv';
}

/**
 * The native type the CSV reader can parse a column into while reading — far cheaper than parsing text
 * afterwards. Integers are read as DOUBLE because the reader rounds '1.5' into an integer column; the
 * whole-number check follows in typedValueSql. Columns with a value map or a date format stay text.
 */
function parsedType(column: SourceColumn): 'DOUBLE' | 'DATE' | undefined {
  if (column.values) return undefined;
  if (column.type === 'integer' || column.type === 'number') return 'DOUBLE';
  if (column.type === 'date' && column.format === undefined) return 'DATE';
  return undefined;
}

/**
 * The table function reading a source file: every CSV field as text (for diagnosis), or with `parsed`
 * the declared numbers and dates parsed by the reader itself. Parquet is read as typed.
 */
export function readSourceSql(productDir: string, source: Source, parsed = false): string {
  const path = quoteLiteral(resolve(productDir, source.path));
  const format = sourceFormat(source);
  if (format === 'parquet') return `read_parquet(${path})`;
  const delimiter = source.delimiter ?? (format === 'tsv' ? '\t' : ',');
  const nulls = source.nullValues ?? DEFAULT_NULL_VALUES;
  const types = parsed
    ? Object.entries(source.columns)
        .map(([columnId, column]) => [fileColumnName(columnId, column), parsedType(column)] as const)
        .filter(([, type]) => type !== undefined)
        .map(([name, type]) => `${quoteLiteral(name)}: '${type}'`)
    : [];
  const typed = types.length > 0 ? `, types = {${types.join(', ')}}` : '';
  // CSV quotes fields as RFC 4180 says; left to the sniffer, a file whose first rows hold no quotes would
  // have a later "a,b" split in two. TSV usually quotes nothing, so a quote there is just a character.
  const quoting = format === 'csv' ? `, quote = '"', escape = '"'` : '';
  return `read_csv(${path}, header = ${source.header ?? true}, delim = ${quoteLiteral(delimiter)}${quoting}, all_varchar = true, nullstr = ${sqlList(nulls)}${typed})`;
}

/** Header name of a declared column in the file. */
export function fileColumnName(columnId: string, column: SourceColumn): string {
  return column.name ?? columnId;
}

/** The declared value map applied to a raw value; an unmapped code stops the build (diagnosed later). */
function mappedValueSql(raw: string, column: SourceColumn, what: string): string {
  if (!column.values) return raw;
  const cases = Object.entries(column.values)
    .map(([code, value]) => `WHEN ${raw} = ${quoteLiteral(code)} THEN ${quoteLiteral(String(value))}`)
    .join(' ');
  return `CASE WHEN ${raw} IS NULL THEN NULL ${cases} ELSE error(${quoteLiteral(`${what}: code `)} || ${raw} || ' is not in the value map') END`;
}

/** SQL turning the raw value into the declared type; bad values stop the query and are diagnosed afterwards. */
export function typedValueSql(raw: string, column: SourceColumn, what: string, parsed = false): string {
  if (parsed) return parsedValueSql(raw, column, what);
  const text = mappedValueSql(`CAST(${raw} AS VARCHAR)`, column, what);
  const fail = `error(${quoteLiteral(`${what}: cannot read `)} || ${text} || ${quoteLiteral(` as ${column.type}`)})`;
  switch (column.type) {
    case 'integer':
      return `CASE WHEN ${text} IS NULL THEN NULL WHEN TRY_CAST(${text} AS BIGINT) = TRY_CAST(${text} AS DOUBLE) THEN CAST(${text} AS BIGINT) ELSE ${fail} END`;
    case 'number':
      // NaN and infinities are not measurements: list such tokens in nullValues if the file uses them.
      return `CASE WHEN ${text} IS NULL THEN NULL WHEN isfinite(TRY_CAST(${text} AS DOUBLE)) THEN CAST(${text} AS DOUBLE) ELSE ${fail} END`;
    case 'boolean': {
      const trues = sqlList((column.trueValues ?? DEFAULT_TRUE_VALUES).map((token) => token.toLowerCase()));
      const falses = sqlList(
        (column.falseValues ?? DEFAULT_FALSE_VALUES).map((token) => token.toLowerCase()),
      );
      return `CASE WHEN ${text} IS NULL THEN NULL WHEN list_contains(${trues}, lower(trim(${text}))) THEN true WHEN list_contains(${falses}, lower(trim(${text}))) THEN false ELSE ${fail} END`;
    }
    case 'date': {
      const parsed = column.format
        ? `TRY_STRPTIME(${text}, ${quoteLiteral(column.format)})`
        : `TRY_CAST(${text} AS DATE)`;
      return `CASE WHEN ${text} IS NULL THEN NULL WHEN ${parsed} IS NOT NULL THEN CAST(${parsed} AS DATE) ELSE ${fail} END`;
    }
    case 'category':
    case 'text':
      return text;
  }
}

/** Checks on values the reader already parsed (see parsedType): whole numbers, finite numbers. */
function parsedValueSql(raw: string, column: SourceColumn, what: string): string {
  const fail = `error(${quoteLiteral(`${what}: cannot read `)} || CAST(${raw} AS VARCHAR) || ${quoteLiteral(` as ${column.type}`)})`;
  if (column.type === 'integer') {
    return `CASE WHEN ${raw} IS NULL THEN NULL WHEN isfinite(${raw}) AND ${raw} = trunc(${raw}) THEN CAST(${raw} AS BIGINT) ELSE ${fail} END`;
  }
  if (column.type === 'number')
    return `CASE WHEN ${raw} IS NULL OR isfinite(${raw}) THEN ${raw} ELSE ${fail} END`;
  return raw;
}

/** Predicate that is true when a raw value is acceptable for its column (used to find bad rows). */
export function validValueSql(raw: string, column: SourceColumn): string {
  const text = `CAST(${raw} AS VARCHAR)`;
  const keys = column.values ? Object.keys(column.values) : undefined;
  if (keys) return `list_contains(${sqlList(keys)}, ${text})`;
  switch (column.type) {
    case 'integer':
      return `coalesce(TRY_CAST(${text} AS BIGINT) = TRY_CAST(${text} AS DOUBLE), false)`;
    case 'number':
      return `coalesce(isfinite(TRY_CAST(${text} AS DOUBLE)), false)`;
    case 'boolean': {
      const tokens = [
        ...(column.trueValues ?? DEFAULT_TRUE_VALUES),
        ...(column.falseValues ?? DEFAULT_FALSE_VALUES),
      ];
      return `list_contains(${sqlList(tokens.map((token) => token.toLowerCase()))}, lower(trim(${text})))`;
    }
    case 'date':
      return column.format
        ? `TRY_STRPTIME(${text}, ${quoteLiteral(column.format)}) IS NOT NULL`
        : `TRY_CAST(${text} AS DATE) IS NOT NULL`;
    case 'category':
    case 'text':
      return 'true';
  }
}

/**
 * A relation with one typed column per declared column (named by its key), plus the file-order row
 * number when asked for.
 */
export function typedSourceSql(
  productDir: string,
  sourceId: string,
  source: Source,
  withRowNumber: boolean,
): string {
  const csv = sourceFormat(source) !== 'parquet';
  const columns = Object.entries(source.columns).map(([columnId, column]) => {
    const raw = quoteIdentifier(fileColumnName(columnId, column));
    const parsed = csv && parsedType(column) !== undefined;
    return `${typedValueSql(raw, column, `${sourceId}.${columnId}`, parsed)} AS ${quoteIdentifier(columnId)}`;
  });
  // row_number() makes DuckDB read on one thread: ask for it only where file order is needed.
  if (withRowNumber) columns.unshift(`row_number() OVER () AS ${ROW_COLUMN}`);
  return `SELECT ${columns.join(', ')} FROM ${readSourceSql(productDir, source, csv)}`;
}

/** Lines before the first data row: a row number plus this is the line number people see in an editor. */
export function headerLineCount(source: Source): number {
  return sourceFormat(source) !== 'parquet' && (source.header ?? true) ? 1 : 0;
}
