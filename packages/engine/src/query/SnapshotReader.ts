import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance, StatementType } from '@duckdb/node-api';
import { didYouMean, InputError } from '@plexus/spec';
import { ENTITY_TABLE, ID_COLUMN } from '../build/entitySql.ts';
import { ENTITY_ALIAS } from '../cohort/cohortSql.ts';
import { type CompiledCohort, compileCohort } from '../cohort/compileCohort.ts';
import { duckDbMessage } from '../duckdb/openDuckDb.ts';
import { quoteIdentifier, quoteLiteral } from '../duckdb/sql.ts';
import type { Manifest, ManifestMatrixModality } from '../snapshot/Manifest.ts';
import type { SnapshotRef } from '../snapshot/SnapshotStore.ts';
import { eventTable } from './eventTable.ts';
import type {
  EventsRequest,
  EventTable,
  Frame,
  FrameColumn,
  FrameRequest,
  MatrixRequest,
  MatrixSlice,
} from './Frame.ts';
import { type FeatureHit, lookupFeature, searchFeatures } from './featureLookup.ts';
import { matrixSlice } from './matrixSlice.ts';
import { modalityColumn } from './modalityColumn.ts';
import type { ColumnsQuery, RunQuery, StreamQuery } from './SnapshotQueries.ts';
import { toFrameColumn } from './toFrameColumn.ts';

const ALIAS = quoteIdentifier(ENTITY_ALIAS);
const ENTITY_ID = `${ALIAS}.${quoteIdentifier(ID_COLUMN)}`;
const FROM_ENTITIES = `${quoteIdentifier(ENTITY_TABLE)} AS ${ALIAS}`;

export interface QueryResult {
  columns: Array<{ name: string; type: string }>;
  rows: unknown[][];
  /** True when the result was cut at maxRows. */
  truncated: boolean;
}

export interface QueryOptions {
  maxRows?: number;
  timeoutMs?: number;
}

/**
 * Read access to one snapshot. The DuckDB behind it sees only the snapshot's folder: external access
 * is switched off and the configuration locked once the views exist, so even SQL written by a plugin
 * cannot read or write other files.
 */
export class SnapshotReader {
  /** The shared connection runs one statement at a time: concurrent runs of a product queue here. */
  private turn: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly snapshot: SnapshotRef,
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly spill: string,
  ) {}

  static async open(
    snapshot: SnapshotRef,
    options: { threads?: number; memoryLimit?: string } = {},
  ): Promise<SnapshotReader> {
    // Large sorts spill to disk; by default DuckDB would spill into the node's working directory.
    const spill = join(tmpdir(), `plexus-reader-${randomUUID()}`);
    const instance = await DuckDBInstance.create(':memory:', {
      threads: String(options.threads ?? 2),
      // Plugin SQL runs here, inside the node's process: bound it.
      memory_limit: options.memoryLimit ?? '1GB',
      temp_directory: spill,
    });
    const connection = await instance.connect();
    try {
      for (const table of snapshot.manifest.tables) {
        const file = quoteLiteral(join(snapshot.dir, table.file));
        await connection.run(
          `CREATE VIEW ${quoteIdentifier(table.name)} AS SELECT * FROM read_parquet(${file})`,
        );
      }
      await connection.run(`SET allowed_directories = [${quoteLiteral(`${snapshot.dir}/`)}]`);
      await connection.run('SET enable_external_access = false');
      await connection.run('SET lock_configuration = true');
    } catch (error) {
      connection.closeSync();
      instance.closeSync();
      throw error;
    }
    return new SnapshotReader(snapshot, instance, connection, spill);
  }

  get manifest(): Manifest {
    return this.snapshot.manifest;
  }

  /** Phases 1–3 of the cohort compiler against this snapshot's model; errors name the path under `prefix`. */
  compileCohort(cohort: unknown, prefix = 'cohort'): Promise<CompiledCohort> {
    return compileCohort(
      cohort,
      this.manifest.model,
      (modality, feature) => lookupFeature(this.run, modality, feature),
      prefix,
    );
  }

  async count(cohort?: unknown): Promise<number> {
    const compiled = await this.compileCohort(cohort ?? {});
    const rows = await this.run(
      `SELECT count(*) AS n FROM ${FROM_ENTITIES} WHERE ${compiled.where}`,
      compiled.params,
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** The entity ids of a cohort, sorted. Only for code inside the node: ids are row-level data. */
  async cohortIds(cohort?: unknown): Promise<string[]> {
    const compiled = await this.compileCohort(cohort ?? {});
    const rows = await this.run(
      `SELECT ${ENTITY_ID} AS id FROM ${FROM_ENTITIES} WHERE ${compiled.where} ORDER BY ${ENTITY_ID}`,
      compiled.params,
    );
    return rows.map((row) => String(row.id));
  }

  /**
   * How many entities remain after each step of a cohort (an attrition table), in one scan: for a
   * top-level all, step i applies its criteria 1..i; otherwise the one step is the whole cohort.
   */
  async attrition(
    cohort?: unknown,
    prefix = 'cohort',
  ): Promise<{ total: number; steps: Array<{ label: string; count: number }> }> {
    const compiled = await this.compileCohort(cohort ?? {}, prefix);
    // Each criterion is evaluated once, as a column, and the steps combine the columns: written as
    // nested ANDs, DuckDB would evaluate (and scan for) a criterion again in every later step.
    const flags = compiled.steps.map((step, index) => `(${step.condition}) AS c${index}`);
    const cumulative = compiled.steps.map(
      (_step, index) =>
        `count(*) FILTER (WHERE ${compiled.steps
          .slice(0, index + 1)
          .map((_earlier, earlier) => `c${earlier}`)
          .join(' AND ')}) AS s${index}`,
    );
    const rows = await this.run(
      `SELECT ${['count(*) AS total', ...cumulative].join(', ')} FROM (SELECT ${['1 AS one', ...flags].join(', ')} FROM ${FROM_ENTITIES})`,
      compiled.stepParams,
    );
    const row = rows[0] ?? {};
    return {
      total: Number(row.total ?? 0),
      steps: compiled.steps.map((step, index) => ({
        label: step.label,
        count: Number(row[`s${index}`] ?? 0),
      })),
    };
  }

  /** Typed columns for the entities of a cohort, ordered by entity id (stable across runs). */
  async frame(request: FrameRequest): Promise<Frame> {
    const { attributes, endpoints } = this.manifest.model;
    const selected: string[] = [];
    const decoders: Array<(columns: unknown[][], ids: string[]) => Promise<[string, FrameColumn]>> = [];
    for (const name of request.columns) {
      const offset = selected.length + 1;
      const separator = name.indexOf(':');
      if (name.startsWith('endpoint:')) {
        const endpoint = endpoints.find((candidate) => candidate.id === name.slice('endpoint:'.length));
        if (!endpoint) {
          const known = endpoints.map((candidate) => `endpoint:${candidate.id}`);
          throw new InputError(`unknown column '${name}'${didYouMean(name, known)}`, [
            { at: name, message: `unknown endpoint`, allowed: known },
          ]);
        }
        selected.push(
          `${ALIAS}.${quoteIdentifier(endpoint.timeColumn)}`,
          `${ALIAS}.${quoteIdentifier(endpoint.eventColumn)}`,
        );
        decoders.push(async (columns) => [
          name,
          toFrameColumn({ type: 'endpoint' }, columns[offset] ?? [], columns[offset + 1] ?? []),
        ]);
        continue;
      }
      if (separator > 0) {
        const column = await modalityColumn(
          this.run,
          this.manifest.model.modalities,
          name,
          (modality, feature) => lookupFeature(this.run, modality, feature),
        );
        decoders.push(async (_columns, ids) => [name, await column.decode(ids)]);
        continue;
      }
      const attribute = attributes.find((candidate) => candidate.id === name);
      if (!attribute) {
        const known = attributes.map((candidate) => candidate.id);
        throw new InputError(`unknown attribute '${name}'${didYouMean(name, known)}`, [
          { at: name, message: 'unknown attribute', allowed: known },
        ]);
      }
      const column = `${ALIAS}.${quoteIdentifier(attribute.id)}`;
      selected.push(attribute.type === 'date' ? `epoch_ms(${column}) / 86400000.0` : column);
      decoders.push(async (columns) => [name, toFrameColumn(attribute, columns[offset] ?? [])]);
    }
    const compiled = await this.compileCohort(request.cohort ?? {});
    const sql = `SELECT ${[ENTITY_ID, ...selected].join(', ')} FROM ${FROM_ENTITIES} WHERE ${compiled.where} ORDER BY ${ENTITY_ID}`;
    const reader = await this.exclusive(() => this.connection.runAndReadAll(sql, compiled.params as never));
    const columns = reader.getColumnsJS() as unknown[][];
    const ids = (columns[0] ?? []).map(String);
    const decoded: Array<[string, FrameColumn]> = [];
    for (const decode of decoders) decoded.push(await decode(columns, ids));
    return { ids, length: ids.length, columns: Object.fromEntries(decoded) };
  }

  /** Features × entities of a matrix modality for the entities of a cohort that have values. */
  async matrix(request: MatrixRequest): Promise<MatrixSlice> {
    const compiled = await this.compileCohort(request.cohort ?? {});
    return matrixSlice(this.run, this.stream, this.manifest.model.modalities, request, compiled);
  }

  /** The events of a modality for the entities of a cohort, ordered by entity and time. */
  async events(request: EventsRequest): Promise<EventTable> {
    const compiled = await this.compileCohort(request.cohort ?? {});
    return eventTable(this.columns, this.manifest.model.modalities, request, compiled);
  }

  /** A matrix feature by id or unique name. */
  findFeature(
    modality: ManifestMatrixModality,
    text: string,
  ): Promise<{ id: string } | { error: string; allowed?: string[] }> {
    return lookupFeature(this.run, modality, text);
  }

  /** Feature ids/names, event names or genes of a modality matching a search text (for pickers). */
  async searchFeatures(modalityId: string, text: string, limit = 20): Promise<FeatureHit[]> {
    const modality = this.manifest.model.modalities.find((candidate) => candidate.id === modalityId);
    if (!modality) {
      const known = this.manifest.model.modalities.map((candidate) => candidate.id);
      throw new InputError(
        `unknown modality '${modalityId}'${didYouMean(modalityId, known)}${known.length > 0 ? ` (the product has: ${known.join(', ')})` : ' (the product has no modalities)'}`,
        [{ at: 'modality', message: 'unknown modality', found: modalityId, allowed: known }],
      );
    }
    return searchFeatures(this.run, modality, text, limit);
  }

  /** Runs a statement of the reader's own and returns its columns. */
  private readonly columns: ColumnsQuery = async (sql, params = []) => {
    const reader = await this.exclusive(() => this.connection.runAndReadAll(sql, params as never));
    const names = reader.columnNames();
    const columns = reader.getColumnsJS() as unknown[][];
    return Object.fromEntries(names.map((name, index) => [name, columns[index] ?? []]));
  };

  /**
   * Streams a statement of the reader's own chunk by chunk, on a connection of its own: a statement run
   * on the shared connection meanwhile would invalidate the stream (its chunks would read as missing).
   */
  private readonly stream: StreamQuery = async (sql, params, onChunk) => {
    const connection = await this.instance.connect();
    try {
      const result = await connection.stream(sql, params as never);
      for (;;) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        onChunk(chunk);
      }
    } finally {
      connection.closeSync();
    }
  };

  /** Runs work on the shared connection once every statement queued before it has finished. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const mine = this.turn.then(work, work);
    this.turn = mine.catch(() => undefined);
    return mine;
  }

  /** Runs a statement of the reader's own (model identifiers, bound values) and returns its rows. */
  private readonly run: RunQuery = async (sql, params = []) => {
    const reader = await this.exclusive(() => this.connection.runAndReadAll(sql, params as never));
    return reader.getRowObjectsJS() as Array<Record<string, unknown>>;
  };

  /** Runs one read-only SELECT (with $1.. parameters) on the snapshot's tables. */
  async query(sql: string, params: unknown[] = [], options: QueryOptions = {}): Promise<QueryResult> {
    const maxRows = options.maxRows ?? 100_000;
    const connection = await this.instance.connect();
    let timedOut = false;
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          connection.interrupt();
        }, options.timeoutMs)
      : undefined;
    // Messages go back to callers: they must not reveal where the node keeps its files.
    const message = (error: unknown) => duckDbMessage(error).replaceAll(this.snapshot.dir, '<snapshot>');
    try {
      const statements = await connection.extractStatements(sql).catch((error: unknown) => {
        throw new InputError(`SQL does not parse: ${message(error)}`);
      });
      if (statements.count !== 1)
        throw new InputError(`expected one SELECT statement, found ${statements.count} statements`);
      const prepared = await statements.prepare(0).catch((error: unknown) => {
        throw new InputError(`SQL is not valid on this snapshot: ${message(error)}`);
      });
      if (prepared.statementType !== StatementType.SELECT) {
        throw new InputError(
          `only SELECT is allowed on a snapshot, found a ${StatementType[prepared.statementType]} statement`,
        );
      }
      if (params.length > 0) prepared.bind(params as never);
      const reader = await prepared.runAndReadUntil(maxRows + 1).catch((error: unknown) => {
        if (timedOut) throw new Error(`the query was stopped after ${(options.timeoutMs ?? 0) / 1000} s`);
        throw new InputError(`query failed: ${message(error)}`);
      });
      const rows = reader.getRowsJS() as unknown[][];
      const names = reader.columnNames();
      const types = reader.columnTypes().map((type) => type.toString());
      return {
        columns: names.map((name, index) => ({ name, type: types[index] ?? 'UNKNOWN' })),
        rows: rows
          .slice(0, maxRows)
          .map((row) => row.map((value) => (typeof value === 'bigint' ? Number(value) : value))),
        truncated: rows.length > maxRows,
      };
    } finally {
      if (timer) clearTimeout(timer);
      connection.closeSync();
    }
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
    rmSync(this.spill, { recursive: true, force: true });
  }
}
