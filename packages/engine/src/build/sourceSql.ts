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

/** The table function reading a source file as it is: every CSV field as text, Parquet as typed. */
export function readSourceSql(productDir: string, source: Source): string {
  const path = quoteLiteral(resolve(productDir, source.path));
  const format = sourceFormat(source);
  if (format === 'parquet') return `read_parquet(${path})`;
  const delimiter = source.delimiter ?? (format === 'tsv' ? '\t' : ',');
  const nulls = source.nullValues ?? DEFAULT_NULL_VALUES;
  return `read_csv(${path}, header = ${source.header ?? true}, delim = ${quoteLiteral(delimiter)}, all_varchar = true, nullstr = ${sqlList(nulls)})`;
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
export function typedValueSql(raw: string, column: SourceColumn, what: string): string {
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
  const columns = Object.entries(source.columns).map(([columnId, column]) => {
    const raw = quoteIdentifier(fileColumnName(columnId, column));
    return `${typedValueSql(raw, column, `${sourceId}.${columnId}`)} AS ${quoteIdentifier(columnId)}`;
  });
  if (withRowNumber) columns.unshift(`row_number() OVER () AS ${ROW_COLUMN}`);
  return `SELECT ${columns.join(', ')} FROM ${readSourceSql(productDir, source)}`;
}

/** Lines before the first data row: a row number plus this is the line number people see in an editor. */
export function headerLineCount(source: Source): number {
  return sourceFormat(source) !== 'parquet' && (source.header ?? true) ? 1 : 0;
}
