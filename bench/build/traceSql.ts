import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

export interface TracedStatement {
  phase: string;
  ms: number;
  sql: string;
}

/**
 * Times every statement the engine sends to DuckDB, and every database it opens, without touching engine code: all its queries
 * go through DuckDBConnection.run (runAndReadAll calls it too), and the engine resolves the same
 * @duckdb/node-api module as this file does. Used only for profiling runs.
 */
export function traceSql(phase: () => string): TracedStatement[] {
  const statements: TracedStatement[] = [];
  const original = DuckDBConnection.prototype.run;
  DuckDBConnection.prototype.run = async function run(this: DuckDBConnection, ...args) {
    const started = performance.now();
    const phaseAtStart = phase();
    try {
      return await original.apply(this, args);
    } finally {
      statements.push({ phase: phaseAtStart, ms: performance.now() - started, sql: args[0] });
    }
  };
  // Opening a database is not a statement but costs time too (extension loading, buffer pool).
  const create = DuckDBInstance.create.bind(DuckDBInstance);
  DuckDBInstance.create = async (...args) => {
    const started = performance.now();
    const phaseAtStart = phase();
    try {
      return await create(...args);
    } finally {
      statements.push({
        phase: phaseAtStart,
        ms: performance.now() - started,
        sql: '(DuckDBInstance.create)',
      });
    }
  };
  return statements;
}
