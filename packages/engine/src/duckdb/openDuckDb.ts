import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

export interface DuckDbOptions {
  threads?: number;
  memoryLimit?: string;
  tempDirectory?: string;
}

/** An in-memory DuckDB with one connection; the caller closes it. */
export async function openDuckDb(
  options: DuckDbOptions = {},
): Promise<{ instance: DuckDBInstance; connection: DuckDBConnection }> {
  const config: Record<string, string> = {};
  if (options.threads !== undefined) config.threads = String(options.threads);
  if (options.memoryLimit !== undefined) config.memory_limit = options.memoryLimit;
  if (options.tempDirectory !== undefined) config.temp_directory = options.tempDirectory;
  const instance = await DuckDBInstance.create(':memory:', config);
  const connection = await instance.connect();
  return { instance, connection };
}

export function closeDuckDb(handle: { instance: DuckDBInstance; connection: DuckDBConnection }): void {
  handle.connection.closeSync();
  handle.instance.closeSync();
}

/** DuckDB prefixes messages with their class ("Binder Error: ..."); people need the rest, on one line. */
export function duckDbMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('LINE ') && !/^\s*\^\s*$/.test(line))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
