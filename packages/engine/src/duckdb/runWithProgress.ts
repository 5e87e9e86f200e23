import type { DuckDBConnection } from '@duckdb/node-api';

/** Runs a long statement while polling DuckDB's own progress estimate. */
export async function runWithProgress(
  connection: DuckDBConnection,
  sql: string,
  onFraction: (fraction: number) => void,
): Promise<void> {
  const timer = setInterval(() => {
    const percentage = connection.progress.percentage;
    if (percentage >= 0) onFraction(Math.min(1, percentage / 100));
  }, 200);
  try {
    await connection.run(sql);
  } finally {
    clearInterval(timer);
  }
}
