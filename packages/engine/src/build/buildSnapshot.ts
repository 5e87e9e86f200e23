import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { hasErrors, type Problem, type Product } from '@plexus/spec';
import { closeDuckDb, duckDbMessage, openDuckDb } from '../duckdb/openDuckDb.ts';
import { runWithProgress } from '../duckdb/runWithProgress.ts';
import { quoteLiteral } from '../duckdb/sql.ts';
import { ENGINE_VERSION } from '../engineVersion.ts';
import { loadProductFolder } from '../load/loadProductFolder.ts';
import type { ProductDefinition } from '../load/ProductDefinition.ts';
import { problemAt } from '../load/problemAt.ts';
import { buildModalities } from '../modalities/buildModalities.ts';
import { resolveEntityModel } from '../model/EntityModel.ts';
import type { Manifest } from '../snapshot/Manifest.ts';
import { type SnapshotRef, SnapshotStore } from '../snapshot/SnapshotStore.ts';
import { snapshotRootFor } from '../snapshot/snapshotRoot.ts';
import { BuildFailedError } from './BuildFailedError.ts';
import { checkEntityIds, ENTITY_ID_AGGREGATES } from './checkEntityIds.ts';
import { checkJoinFanout } from './checkJoinFanout.ts';
import { runDataTests } from './dataTests.ts';
import { diagnoseEndpoints } from './diagnoseEndpoints.ts';
import { diagnoseSources } from './diagnoseSources.ts';
import { ENTITY_TABLE, entitySql, ID_COLUMN } from './entitySql.ts';
import { gitState } from './gitState.ts';
import { sha256File } from './hashFile.ts';
import { levelWarnings } from './levelWarnings.ts';
import { fingerprintSources, planDataVersion, type SourceFingerprints } from './planDataVersion.ts';
import { summarizeModel } from './summarize.ts';

export type BuildPhase = 'validate' | 'hash' | 'read' | 'test' | 'modalities' | 'summarize' | 'publish';

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
  /** The product as product.yaml describes it now. */
  product: Product;
}

const PHASE_START: Record<BuildPhase, number> = {
  validate: 0,
  hash: 0.05,
  read: 0.1,
  test: 0.6,
  modalities: 0.65,
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
  // Hashing the sources and reading the git state need little of the validation: they run meanwhile.
  let fingerprints: Promise<SourceFingerprints> | undefined;
  const [loaded, git] = await Promise.all([
    loadProductFolder(dir, (productDir, mapping) => {
      fingerprints = fingerprintSources(productDir, mapping);
      fingerprints.catch(() => {}); // a missing file is reported by validation; nothing to hash then
    }),
    gitState(dir),
  ]);
  if (!loaded.definition) throw new BuildFailedError(loaded.problems);
  const definition = loaded.definition;
  const store = new SnapshotStore(snapshotRootFor(definition.dir, definition.product.id, options));

  report('hash', 'hashing sources');
  const plan = await planDataVersion(definition, fingerprints);
  const existing = await store.readSnapshot(plan.dataVersion);
  if (existing && !options.force) {
    await store.setCurrent(plan.dataVersion);
    report('publish', 'unchanged inputs: snapshot reused', 1);
    return { snapshot: existing, reused: true, problems: loaded.problems, product: definition.product };
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
    // DuckDB tracks query progress only with its progress bar on; we poll it and draw our own.
    await duckdb.connection.run('SET enable_progress_bar = true');
    await duckdb.connection.run('SET enable_progress_bar_print = false');
    const model = resolveEntityModel(definition.mapping);
    const problems = [...loaded.problems, ...(await checkJoinFanout(duckdb.connection, definition))];
    if (hasErrors(problems)) throw new BuildFailedError(problems);

    report('read', 'reading sources and writing the entity table');
    const entityFile = join(staging, `${ENTITY_TABLE}.parquet`);
    const copy = `COPY (${entitySql(definition.dir, definition.mapping, model)}) TO ${quoteLiteral(entityFile)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`;
    try {
      await runWithProgress(duckdb.connection, copy, (fraction) =>
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
    const tests = await runDataTests(
      duckdb.connection,
      table,
      model.attributes,
      {
        productDir: definition.dir,
        mapping: definition.mapping,
        mappingFile: definition.files.mapping,
      },
      ENTITY_ID_AGGREGATES,
    );
    const entityProblems = await checkEntityIds(duckdb.connection, table, definition, tests.aggregates);
    problems.push(...entityProblems, ...tests.problems);
    if (hasErrors(problems)) throw new BuildFailedError(problems);

    const handle = duckdb;
    const stagingDir = staging;
    const modalityCount = definition.mapping.modalities?.length ?? 0;
    const scratch = join(staging, 'scratch');
    await mkdir(scratch, { recursive: true });
    const modalities = await buildModalities(
      {
        connection: duckdb.connection,
        definition,
        staging,
        entities: table,
        scratch,
      },
      (index, count, id) => report('modalities', `building modality ${id}`, index / count),
    );
    await rm(scratch, { recursive: true, force: true });
    if (modalityCount > 0) report('modalities', 'modalities built', 1);
    for (const result of modalities) problems.push(...result.problems);

    report('summarize', 'summarising attributes');
    const counted = await duckdb.connection.runAndReadAll(`SELECT count(*) AS n FROM ${table}`);
    const rows = Number(counted.getRowObjectsJS()[0]?.n ?? 0);
    const summary = await summarizeModel(duckdb.connection, table, model.attributes, model.endpoints, rows);
    problems.push(...levelWarnings(model.attributes, summary.attributes, definition.files.mapping));
    const described = await duckdb.connection.runAndReadAll(`DESCRIBE SELECT * FROM ${table}`);
    const version = await duckdb.connection.runAndReadAll('SELECT version() AS v');

    report('publish', 'writing manifest');
    const manifest: Manifest = {
      apiVersion: 'plexus.dev/v1',
      kind: 'Snapshot',
      dataVersion: plan.dataVersion,
      // Only the id: title, version and entity names are the product's, not the data's, and a reused
      // snapshot must not carry stale ones.
      product: { id: definition.product.id },
      builtAt: new Date().toISOString(),
      engineVersion: ENGINE_VERSION,
      duckdbVersion: String(version.getRowObjectsJS()[0]?.v ?? ''),
      git,
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
        ...(await Promise.all(
          modalities
            .flatMap((result) => result.tables)
            .map((name) => describeTable(handle, stagingDir, name)),
        )),
      ],
      model: {
        idColumn: ID_COLUMN,
        entityCount: rows,
        attributes: summary.attributes,
        endpoints: summary.endpoints,
        modalities: modalities.map((result) => result.modality),
      },
      tests: tests.results,
    };
    await store.writeManifest(staging, manifest);
    const snapshot = await store.publish(staging, plan.dataVersion);
    staging = undefined;
    await store.setCurrent(plan.dataVersion);
    report('publish', 'done', 1);
    return { snapshot, reused: false, problems, product: definition.product };
  } finally {
    if (duckdb) closeDuckDb(duckdb);
    if (staging) await rm(staging, { recursive: true, force: true });
    await store.removeEmptyStaging();
    await release();
  }
}

function phaseEnd(phase: BuildPhase): number {
  const order: BuildPhase[] = ['validate', 'hash', 'read', 'test', 'modalities', 'summarize', 'publish'];
  const next = order[order.indexOf(phase) + 1];
  return next ? PHASE_START[next] : 1;
}

/** A snapshot table's manifest entry: its file, size, digest and columns. */
async function describeTable(
  duckdb: Awaited<ReturnType<typeof openDuckDb>>,
  staging: string,
  name: string,
): Promise<Manifest['tables'][number]> {
  const file = join(staging, `${name}.parquet`);
  const relation = `read_parquet(${quoteLiteral(file)})`;
  // Separate connections: the statements run concurrently with the other tables' descriptions.
  const connection = await duckdb.instance.connect();
  try {
    const counted = await connection.runAndReadAll(`SELECT count(*) AS n FROM ${relation}`);
    const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${relation}`);
    return {
      name,
      file: `${name}.parquet`,
      rows: Number(counted.getRowObjectsJS()[0]?.n ?? 0),
      bytes: (await stat(file)).size,
      sha256: await sha256File(file),
      columns: described
        .getRowObjectsJS()
        .map((row) => ({ name: String(row.column_name), type: String(row.column_type) })),
    };
  } finally {
    connection.closeSync();
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
