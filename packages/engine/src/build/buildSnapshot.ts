import { rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { hasErrors, type Problem } from '@plexus/spec';
import { closeDuckDb, duckDbMessage, openDuckDb } from '../duckdb/openDuckDb.ts';
import { quoteIdentifier, quoteLiteral } from '../duckdb/sql.ts';
import { ENGINE_VERSION } from '../engineVersion.ts';
import { loadProductFolder } from '../load/loadProductFolder.ts';
import type { ProductDefinition } from '../load/ProductDefinition.ts';
import { problemAt } from '../load/problemAt.ts';
import { resolveEntityModel } from '../model/EntityModel.ts';
import type { Manifest } from '../snapshot/Manifest.ts';
import { type SnapshotRef, SnapshotStore } from '../snapshot/SnapshotStore.ts';
import { BuildFailedError } from './BuildFailedError.ts';
import { runDataTests } from './dataTests.ts';
import { diagnoseEndpoints } from './diagnoseEndpoints.ts';
import { diagnoseSources } from './diagnoseSources.ts';
import { ENTITY_TABLE, entitySql, ID_COLUMN } from './entitySql.ts';
import { gitState } from './gitCommit.ts';
import { sha256File } from './hashFile.ts';
import { planDataVersion } from './planDataVersion.ts';
import { typedSourceSql } from './sourceSql.ts';
import { summarizeModel } from './summarize.ts';

export type BuildPhase = 'validate' | 'hash' | 'read' | 'test' | 'summarize' | 'publish';

export interface BuildProgress {
  phase: BuildPhase;
  /** Overall fraction done, 0..1. */
  fraction: number;
  message: string;
}

export interface BuildOptions {
  /** Where this product's snapshots are kept. Default: see snapshotRootFor. */
  snapshotRoot?: string;
  /** A folder holding the snapshots of many products, one subfolder per product id. */
  dataDir?: string;
  /** Rebuild even when a snapshot of the same data version exists. */
  force?: boolean;
  onProgress?: (progress: BuildProgress) => void;
  threads?: number;
  memoryLimit?: string;
}

export interface BuildOutcome {
  snapshot: SnapshotRef;
  /** True when an identical snapshot already existed and was reused. */
  reused: boolean;
  /** Warnings (failed data tests of severity warn). */
  problems: Problem[];
}

export function defaultSnapshotRoot(productDir: string): string {
  return join(resolve(productDir), '.plexus');
}

/** `<dataDir>/<product id>` when a data folder is given (read-only product folders, deployments), else `<product>/.plexus`. */
export function snapshotRootFor(
  productDir: string,
  productId: string,
  options: { snapshotRoot?: string; dataDir?: string },
): string {
  if (options.snapshotRoot) return resolve(options.snapshotRoot);
  if (options.dataDir) return join(resolve(options.dataDir), productId);
  return defaultSnapshotRoot(productDir);
}

const PHASE_START: Record<BuildPhase, number> = {
  validate: 0,
  hash: 0.05,
  read: 0.1,
  test: 0.8,
  summarize: 0.9,
  publish: 0.97,
};

/**
 * sources → DuckDB → data tests → snapshot. Everything is written into a staging folder which is
 * renamed into place only when complete, so a failed or killed build leaves the served snapshot alone.
 */
export async function buildSnapshot(dir: string, options: BuildOptions = {}): Promise<BuildOutcome> {
  const report = (phase: BuildPhase, message: string, within = 0) =>
    options.onProgress?.({
      phase,
      message,
      fraction: PHASE_START[phase] + within * (phaseEnd(phase) - PHASE_START[phase] || 0),
    });
  report('validate', 'validating product');
  const loaded = await loadProductFolder(dir);
  if (!loaded.definition) throw new BuildFailedError(loaded.problems);
  const definition = loaded.definition;
  const store = new SnapshotStore(snapshotRootFor(definition.dir, definition.product.id, options));

  report('hash', 'hashing sources');
  const plan = await planDataVersion(definition);
  const existing = await store.readSnapshot(plan.dataVersion);
  if (existing && !options.force) {
    await store.setCurrent(plan.dataVersion);
    report('publish', 'unchanged inputs: snapshot reused', 1);
    return { snapshot: existing, reused: true, problems: loaded.problems };
  }

  const release = await store.lock();
  let staging: string | undefined;
  let duckdb: Awaited<ReturnType<typeof openDuckDb>> | undefined;
  try {
    duckdb = await openDuckDb({
      ...(options.threads !== undefined ? { threads: options.threads } : {}),
      ...(options.memoryLimit !== undefined ? { memoryLimit: options.memoryLimit } : {}),
    });
    await store.removeStaleStaging();
    staging = await store.createStaging();
    await duckdb.connection.run(`SET temp_directory = ${quoteLiteral(join(staging, 'spill'))}`);
    const model = resolveEntityModel(definition.mapping);
    const problems = [...loaded.problems, ...(await checkJoinFanout(duckdb.connection, definition))];
    if (hasErrors(problems)) throw new BuildFailedError(problems);

    report('read', 'reading sources and writing the entity table');
    const entityFile = join(staging, `${ENTITY_TABLE}.parquet`);
    const copy = `COPY (${entitySql(definition.dir, definition.mapping, model)}) TO ${quoteLiteral(entityFile)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`;
    try {
      await withProgress(duckdb.connection, copy, (fraction) =>
        report('read', 'reading sources and writing the entity table', fraction),
      );
    } catch (error) {
      const diagnosed = await diagnoseSources(
        duckdb.connection,
        definition.dir,
        definition.mapping,
        definition.files.mapping,
      );
      if (diagnosed.length === 0) {
        diagnosed.push(
          ...(await diagnoseEndpoints(
            duckdb.connection,
            definition.dir,
            definition.mapping,
            definition.files.mapping,
          )),
        );
      }
      throw new BuildFailedError(diagnosed.length > 0 ? diagnosed : [buildQueryProblem(definition, error)]);
    }

    const table = `read_parquet(${quoteLiteral(entityFile)})`;
    report('test', 'running data tests');
    const entityProblems = await checkEntityIds(duckdb.connection, table, definition);
    const tests = await runDataTests(duckdb.connection, table, model.attributes, {
      productDir: definition.dir,
      mapping: definition.mapping,
      mappingFile: definition.files.mapping,
    });
    problems.push(...entityProblems, ...tests.problems);
    if (hasErrors(problems)) throw new BuildFailedError(problems);

    report('summarize', 'summarising attributes');
    const summary = await summarizeModel(duckdb.connection, table, model.attributes, model.endpoints);
    const described = await duckdb.connection.runAndReadAll(`DESCRIBE SELECT * FROM ${table}`);
    const counted = await duckdb.connection.runAndReadAll(`SELECT count(*) AS n FROM ${table}`);
    const version = await duckdb.connection.runAndReadAll('SELECT version() AS v');
    const rows = Number(counted.getRowObjectsJS()[0]?.n ?? 0);

    report('publish', 'writing manifest');
    const manifest: Manifest = {
      apiVersion: 'plexus.dev/v1',
      kind: 'Snapshot',
      dataVersion: plan.dataVersion,
      product: {
        id: definition.product.id,
        version: definition.product.version,
        entity: definition.product.entity,
      },
      builtAt: new Date().toISOString(),
      engineVersion: ENGINE_VERSION,
      duckdbVersion: String(version.getRowObjectsJS()[0]?.v ?? ''),
      git: await gitState(definition.dir),
      mappingSha256: plan.mappingSha256,
      sources: plan.sources,
      tables: [
        {
          name: ENTITY_TABLE,
          file: `${ENTITY_TABLE}.parquet`,
          rows,
          bytes: (await stat(entityFile)).size,
          sha256: await sha256File(entityFile),
          columns: described
            .getRowObjectsJS()
            .map((row) => ({ name: String(row.column_name), type: String(row.column_type) })),
        },
      ],
      model: {
        idColumn: ID_COLUMN,
        entityCount: rows,
        attributes: summary.attributes,
        endpoints: summary.endpoints,
      },
      tests: tests.results,
    };
    await store.writeManifest(staging, manifest);
    const snapshot = await store.publish(staging, plan.dataVersion);
    staging = undefined;
    await store.setCurrent(plan.dataVersion);
    report('publish', 'done', 1);
    return { snapshot, reused: false, problems };
  } finally {
    if (duckdb) closeDuckDb(duckdb);
    if (staging) await rm(staging, { recursive: true, force: true });
    await release();
  }
}

function phaseEnd(phase: BuildPhase): number {
  const order: BuildPhase[] = ['validate', 'hash', 'read', 'test', 'summarize', 'publish'];
  const next = order[order.indexOf(phase) + 1];
  return next ? PHASE_START[next] : 1;
}

/** Runs a long statement while polling DuckDB's own progress estimate. */
async function withProgress(
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

function buildQueryProblem(definition: ProductDefinition, error: unknown): Problem {
  return problemAt(
    definition.files.mapping,
    [],
    'type-mismatch',
    `building the entity table failed: ${duckDbMessage(error)}`,
  );
}

/** A joined source must have at most one row per key, or it would multiply entities. */
async function checkJoinFanout(
  connection: DuckDBConnection,
  definition: ProductDefinition,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const [index, join] of (definition.mapping.joins ?? []).entries()) {
    const source = definition.mapping.sources[join.source];
    if (!source) continue;
    const key = quoteIdentifier(join.on.right);
    const reader = await connection
      .runAndReadAll(
        `SELECT CAST(${key} AS VARCHAR) AS key, count(*) AS n FROM (${typedSourceSql(definition.dir, join.source, source, false)}) WHERE ${key} IS NOT NULL GROUP BY 1 HAVING count(*) > 1 ORDER BY 1 LIMIT 5`,
      )
      .catch(() => undefined);
    const rows = reader?.getRowObjectsJS() ?? [];
    if (rows.length > 0) {
      const examples = rows.map((row) => `${String(row.key)} (${Number(row.n)} rows)`).join(', ');
      problems.push(
        problemAt(
          definition.files.mapping,
          ['joins', index],
          'join-fanout',
          `source '${join.source}' has more than one row per '${join.on.right}', e.g. ${examples}; aggregate it first or model it as a modality`,
        ),
      );
    }
  }
  return problems;
}

/** The entity id must be present and unique: everything downstream keys on it. */
async function checkEntityIds(
  connection: DuckDBConnection,
  table: string,
  definition: ProductDefinition,
): Promise<Problem[]> {
  const id = quoteIdentifier(ID_COLUMN);
  const reader = await connection.runAndReadAll(
    `SELECT count(*) FILTER (WHERE ${id} IS NULL) AS missing, count(${id}) - count(DISTINCT ${id}) AS duplicated FROM ${table}`,
  );
  const row = reader.getRowObjectsJS()[0] ?? {};
  const missing = Number(row.missing ?? 0);
  const duplicated = Number(row.duplicated ?? 0);
  if (missing === 0 && duplicated === 0) return [];
  const sample = await connection.runAndReadAll(
    `SELECT ${id} AS id FROM ${table} WHERE ${id} IS NOT NULL GROUP BY 1 HAVING count(*) > 1 ORDER BY 1 LIMIT 5`,
  );
  const examples = sample.getRowObjectsJS().map((r) => String(r.id));
  const message = `entity id must be present and unique: ${missing} missing, ${duplicated} duplicated${examples.length ? ` (e.g. ${examples.join(', ')})` : ''}`;
  return [problemAt(definition.files.mapping, ['entity', 'id'], 'duplicate-entity-id', message)];
}
