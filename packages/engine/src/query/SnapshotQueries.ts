import type { SqlValue } from '../cohort/cohortSql.ts';

/** Runs one statement with bound values and returns its rows as objects; the reader's only way to DuckDB here. */
export type RunQuery = (sql: string, params?: readonly SqlValue[]) => Promise<Array<Record<string, unknown>>>;
