// Measured child: cohort counts, attrition and feature fetches through SnapshotReader, each next to a
// hand-written query on a second DuckDB instance over the same Parquet files, in the same process.
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { SnapshotReader, SnapshotStore } from '@plexus/engine';
import { reportAtExit } from '../build/childReport.ts';
import { Random } from '../build/prng.ts';
import {
  COHORT,
  handAttritionSql,
  handCountSql,
  handFeatureSql,
  type SnapshotFiles,
} from './cohortQueries.ts';
import { featureId } from './shape.ts';

export interface QueryReport {
  cohortCount: number;
  attrition: number[];
  /** ms per repetition; engine and hand-written alternate. */
  count: { engine: number[]; hand: number[] };
  attritionMs: { engine: number[]; hand: number[] };
  /** Where the engine's count goes: compiling (resolve + feature lookup) and the compiled SQL alone. */
  countParts: { compile: number[]; sql: number[] };
  fetch: { features: string[]; frame: number[]; matrix: number[]; hand: number[] };
  /** Where the frame's time goes: its base query (every entity id, sorted) on the reader's files. */
  frameParts: { entityIds: number[] };
  entities: number;
  profiled: number;
  maxRssKiB: number;
  processCpuMs: number;
}

const [snapshotRoot, repsText, featuresText, seedText] = process.argv.slice(2);
if (!snapshotRoot || !repsText || !featuresText || !seedText)
  throw new Error('usage: queryChild.ts <snapshot root> <reps> <features to fetch> <seed>');
const reps = Number(repsText);
const fetchCount = Number(featuresText);

let report: Omit<QueryReport, 'maxRssKiB' | 'processCpuMs'> | undefined;
reportAtExit(() => ({ ...report }));

const snapshot = await new SnapshotStore(snapshotRoot).current();
if (!snapshot) throw new Error(`no snapshot in ${snapshotRoot}`);
const file = (name: string) => {
  const table = snapshot.manifest.tables.find((candidate) => candidate.name === name);
  if (!table) throw new Error(`the snapshot has no table ${name}`);
  return join(snapshot.dir, table.file);
};
const files: SnapshotFiles = {
  entities: file('entities'),
  events: file('events_events'),
  matrix: file('matrix_expression'),
  positions: file('positions_expression'),
};

const reader = await SnapshotReader.open(snapshot);
// The baseline gets what the reader gets: two threads, 1 GB.
const instance = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '1GB' });
const hand = await instance.connect();

const time = async <T>(work: () => Promise<T>): Promise<[number, T]> => {
  const started = performance.now();
  const value = await work();
  return [performance.now() - started, value];
};
const rows = async (connection: DuckDBConnection, sql: string) =>
  (await connection.runAndReadAll(sql)).getRowObjectsJS();
const same = (what: string, engine: unknown, baseline: unknown) => {
  if (JSON.stringify(engine) !== JSON.stringify(baseline))
    throw new Error(
      `${what}: the engine says ${JSON.stringify(engine)}, DuckDB by hand ${JSON.stringify(baseline)}`,
    );
};

// Cohort count.
const countHand = async () => Number((await rows(hand, handCountSql(files)))[0]?.n);
const countEngine = () => reader.count(COHORT);
const expected = await countHand();
same('cohort count', await countEngine(), expected);
const count = { engine: [] as number[], hand: [] as number[] };
for (let rep = 0; rep < reps; rep++) {
  // Alternate which side goes first, so neither always finds the other's warm caches.
  const order = rep % 2 === 0 ? (['engine', 'hand'] as const) : (['hand', 'engine'] as const);
  for (const side of order) {
    const [ms, n] = await time(side === 'engine' ? countEngine : countHand);
    same('cohort count', n, expected);
    count[side].push(ms);
  }
}
const countParts = { compile: [] as number[], sql: [] as number[] };
for (let rep = 0; rep < reps; rep++) {
  const [compileMs, compiled] = await time(() => reader.compileCohort(COHORT));
  countParts.compile.push(compileMs);
  const [sqlMs] = await time(() =>
    reader.query(`SELECT count(*) AS n FROM entities AS entity WHERE ${compiled.where}`, compiled.params),
  );
  countParts.sql.push(sqlMs);
}

// Attrition.
const attritionHand = async () => {
  const row = (await rows(hand, handAttritionSql(files)))[0] ?? {};
  return [row.total, row.s0, row.s1, row.s2].map(Number);
};
const attritionEngine = async () => {
  const table = await reader.attrition(COHORT);
  return [table.total, ...table.steps.map((step) => step.count)];
};
const expectedSteps = await attritionHand();
same('attrition', await attritionEngine(), expectedSteps);
const attritionMs = { engine: [] as number[], hand: [] as number[] };
for (let rep = 0; rep < reps; rep++) {
  const order = rep % 2 === 0 ? (['engine', 'hand'] as const) : (['hand', 'engine'] as const);
  for (const side of order) {
    const [ms, steps] = await time(side === 'engine' ? attritionEngine : attritionHand);
    same('attrition', steps, expectedSteps);
    attritionMs[side].push(ms);
  }
}

// One feature across every profiled sample.
const positions = new Map(
  (await rows(hand, `SELECT id, pos FROM read_parquet('${files.positions.replaceAll("'", "''")}')`)).map(
    (row) => [String(row.id), Number(row.pos)],
  ),
);
const prepared = await hand.prepare(handFeatureSql(files));
const fetchHand = async (feature: string) => {
  prepared.bindVarchar(1, feature);
  const result = await prepared.runAndReadAll();
  return (result.getRowsJS()[0]?.[0] ?? []) as Array<number | null>;
};
const featureCount = snapshot.manifest.model.modalities.find((modality) => modality.kind === 'matrix');
const total = featureCount && 'features' in featureCount ? featureCount.features : 0;
const random = new Random(Number(seedText) + 7);
const chosen = new Set<string>();
while (chosen.size < Math.min(fetchCount, total)) chosen.add(featureId(random.integer(0, total - 1)));
const warmUp = [featureId(0), featureId(total - 1)];
const features = [...chosen];
const fetch = { features, frame: [] as number[], matrix: [] as number[], hand: [] as number[] };
const methods = {
  frame: (feature: string) => reader.frame({ columns: [`expression:${feature}`] }),
  matrix: (feature: string) => reader.matrix({ modality: 'expression', features: [feature] }),
  hand: fetchHand,
} as const;
for (const feature of warmUp) for (const method of Object.values(methods)) await method(feature);
const sides = ['frame', 'matrix', 'hand'] as const;
for (const [index, feature] of features.entries()) {
  // Rotate which method reads a feature first: the first read of a feature may be the coldest.
  for (let turn = 0; turn < sides.length; turn++) {
    const side = sides[(index + turn) % sides.length] ?? 'hand';
    const [ms] = await time(async () => {
      await methods[side](feature);
    });
    fetch[side].push(ms);
  }
}
// Same values everywhere (checked after the timing, on a few features).
for (const feature of features.slice(0, 5)) {
  const baseline = await fetchHand(feature);
  const slice = await reader.matrix({ modality: 'expression', features: [feature] });
  slice.ids.forEach((id, column) => {
    const value = baseline[positions.get(id) ?? -1] ?? null;
    const got = slice.values[column];
    if (!(value === null ? Number.isNaN(got) : got === value))
      throw new Error(`matrix(${feature}) differs at ${id}: ${got} vs ${value}`);
  });
  const frame = await reader.frame({ columns: [`expression:${feature}`] });
  const column = frame.columns[`expression:${feature}`];
  if (column?.type !== 'number') throw new Error('frame column is not numeric');
  let present = 0;
  frame.ids.forEach((id, row) => {
    const at = positions.get(id);
    const value = at === undefined ? null : (baseline[at] ?? null);
    const got = column.values[row] ?? Number.NaN;
    if (!(value === null ? Number.isNaN(got) : got === value))
      throw new Error(`frame(${feature}) differs at ${id}: ${got} vs ${value}`);
    if (!Number.isNaN(got)) present++;
  });
  if (present === 0) throw new Error(`frame(${feature}) has no values`);
}
const frameParts = { entityIds: [] as number[] };
for (let rep = 0; rep < reps; rep++) {
  const [ms] = await time(() =>
    reader.query('SELECT entity.id FROM entities AS entity WHERE true ORDER BY entity.id', [], {
      maxRows: 10_000_000,
    }),
  );
  frameParts.entityIds.push(ms);
}

report = {
  cohortCount: expected,
  attrition: expectedSteps,
  count,
  attritionMs,
  countParts,
  fetch,
  frameParts,
  entities: snapshot.manifest.model.entityCount,
  profiled: positions.size,
};
prepared.destroySync();
hand.closeSync();
instance.closeSync();
reader.close();
