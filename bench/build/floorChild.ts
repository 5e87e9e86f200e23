import { stat } from 'node:fs/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { cpuMs, reportAtExit } from './childReport.ts';

/** The floor's report: the one statement that any CSV → Parquet conversion must pay for. */
export interface FloorReport {
  copyMs: number;
  /** CPU time spent during the COPY, all threads. */
  copyCpuMs: number;
  outputBytes: number;
  maxRssKiB: number;
  processCpuMs: number;
}

const [csvPath, outPath] = process.argv.slice(2);
if (!csvPath || !outPath) throw new Error('usage: floorChild.ts <csv> <out.parquet>');

let copyMs = Number.NaN;
let copyCpuMs = Number.NaN;
let outputBytes = 0;
reportAtExit(() => ({ copyMs, copyCpuMs, outputBytes }));

// Same defaults as the build (in-memory database, DuckDB's own thread count), so the only
// difference is what Plexus adds around the conversion.
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
const started = performance.now();
const cpuStarted = cpuMs();
await connection.run(
  `COPY (SELECT * FROM read_csv(${quote(csvPath)})) TO ${quote(outPath)} (FORMAT parquet, COMPRESSION zstd)`,
);
copyMs = performance.now() - started;
copyCpuMs = cpuMs() - cpuStarted;
outputBytes = (await stat(outPath)).size;
connection.closeSync();
instance.closeSync();
