import type { DuckDBDataChunk } from '@duckdb/node-api';
import type { SqlValue } from '../cohort/cohortSql.ts';

/** Runs one statement with bound values and returns its rows as objects; the reader's only way to DuckDB here. */
export type RunQuery = (sql: string, params?: readonly SqlValue[]) => Promise<Array<Record<string, unknown>>>;

/** Streams a statement's result chunk by chunk, for results too large to hold as JS objects. */
export type StreamQuery = (
  sql: string,
  params: readonly SqlValue[],
  onChunk: (chunk: DuckDBDataChunk) => void,
) => Promise<void>;

/** Runs one statement and returns its columns (one array per column): far fewer objects than rows for long results. */
export type ColumnsQuery = (sql: string, params?: readonly SqlValue[]) => Promise<Record<string, unknown[]>>;
