import { readFile, rm } from 'node:fs/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { cpuMs, reportAtExit } from './childReport.ts';

/** One way of writing the entity table, timed several times in the same database. */
export interface VariantTiming {
  name: string;
  wallMs: number[];
  cpuMs: number[];
}

const ROW_NUMBER = /row_number\(\) OVER \(\) AS "?__plexus_row"?, /;

/**
 * Profiling aid: runs the entity COPY the engine sent (taken from a traced build) next to the floor
 * and next to the same statement without its row_number() window, interleaved, so that the cost of
 * each difference shows directly. The engine is not changed; only its recorded SQL is replayed.
 */
const [sqlFile, csvPath, outPath, roundsText] = process.argv.slice(2);
if (!sqlFile || !csvPath || !outPath)
  throw new Error('usage: entityCopyChild.ts <sql file> <csv> <out> [rounds]');
const variants: VariantTiming[] = [];
reportAtExit(() => ({ variants }));

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
const engine = (await readFile(sqlFile, 'utf8')).replace(/ TO '[^']*' \(/, ` TO ${quote(outPath)} (`);
const statements: Array<[string, string]> = [
  [
    'floor: COPY read_csv → parquet',
    `COPY (SELECT * FROM read_csv(${quote(csvPath)})) TO ${quote(outPath)} (FORMAT parquet, COMPRESSION zstd)`,
  ],
  ['engine entity COPY as sent', engine],
];
// Only when nothing else uses the row number (ids from rowNumber and joins do), or the SQL breaks.
if (ROW_NUMBER.test(engine) && engine.split('__plexus_row').length === 2)
  statements.push(['engine COPY minus row_number() OVER ()', engine.replace(ROW_NUMBER, '')]);

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
for (const [name] of statements) variants.push({ name, wallMs: [], cpuMs: [] });
for (let round = 0; round < Number(roundsText ?? 3); round++) {
  for (const [index, [, sql]] of statements.entries()) {
    const started = performance.now();
    const cpuStarted = cpuMs();
    await connection.run(sql);
    variants[index]?.wallMs.push(performance.now() - started);
    variants[index]?.cpuMs.push(cpuMs() - cpuStarted);
    await rm(outPath, { force: true });
  }
}
connection.closeSync();
instance.closeSync();
