// Measured child: DuckDB alone turning each source into Parquet of the shape the snapshot needs,
// without checks, sorting or summaries. The build's baseline, per table.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DuckDBInstance } from '@duckdb/node-api';
import { cpuMs, reportAtExit } from '../build/childReport.ts';

export interface FloorReport {
  /** One entry per statement: entities, events, expression, and variants when they are a table. */
  steps: Array<{ step: string; ms: number; bytes: number }>;
  totalMs: number;
  totalCpuMs: number;
  maxRssKiB: number;
  processCpuMs: number;
}

const [dir, out] = process.argv.slice(2);
if (!dir || !out) throw new Error('usage: floorChild.ts <product dir> <output folder>');

const steps: FloorReport['steps'] = [];
let totalMs = Number.NaN;
let totalCpuMs = Number.NaN;
reportAtExit(() => ({ steps, totalMs, totalCpuMs }));

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
const ident = (text: string) => `"${text.replaceAll('"', '""')}"`;

async function firstLine(path: string): Promise<string> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

const data = join(dir, 'data');
const header = (await firstLine(join(data, 'expression.tsv'))).split('\t');
const samples = header.slice(1);
const types = [`'feature': 'VARCHAR'`, ...samples.map((sample) => `${quote(sample)}: 'DOUBLE'`)].join(', ');
const variantsCsv = join(data, 'variants.csv');
const hasVariantTable = await stat(variantsCsv).then(
  () => true,
  () => false,
);

const statements: Array<[string, string]> = [
  ['entities', `SELECT * FROM read_csv(${quote(join(data, 'patients.csv'))})`],
  ['events', `SELECT * FROM read_csv(${quote(join(data, 'events.csv'))})`],
  [
    'expression',
    `SELECT feature, [${samples.map(ident).join(', ')}]::DOUBLE[] AS "values" FROM read_csv(${quote(join(data, 'expression.tsv'))}, header = true, delim = '\t', nullstr = 'NA', types = {${types}})`,
  ],
  ...(hasVariantTable
    ? [['variants', `SELECT * FROM read_csv(${quote(variantsCsv)})`] as [string, string]]
    : []),
];

// Same defaults as the build: an in-memory database with DuckDB's own thread count.
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const started = performance.now();
const cpuStarted = cpuMs();
for (const [step, select] of statements) {
  const file = join(out, `${step}.parquet`);
  const at = performance.now();
  await connection.run(`COPY (${select}) TO ${quote(file)} (FORMAT parquet, COMPRESSION zstd)`);
  steps.push({ step, ms: performance.now() - at, bytes: (await stat(file)).size });
}
totalMs = performance.now() - started;
totalCpuMs = cpuMs() - cpuStarted;
connection.closeSync();
instance.closeSync();
