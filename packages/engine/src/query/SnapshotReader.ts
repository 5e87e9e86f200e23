import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance, StatementType } from '@duckdb/node-api';
import { didYouMean, InputError } from '@plexus/spec';
import { ENTITY_TABLE, ID_COLUMN } from '../build/entitySql.ts';
import { duckDbMessage } from '../duckdb/openDuckDb.ts';
import { quoteIdentifier, quoteLiteral } from '../duckdb/sql.ts';
import type { Manifest } from '../snapshot/Manifest.ts';
import type { SnapshotRef } from '../snapshot/SnapshotStore.ts';
import { compileCohort } from './compileCohort.ts';
import type { Frame, FrameColumn, FrameRequest } from './Frame.ts';
import { toFrameColumn } from './toFrameColumn.ts';

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
  private constructor(
    readonly snapshot: SnapshotRef,
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async open(
    snapshot: SnapshotRef,
    options: { threads?: number; memoryLimit?: string } = {},
  ): Promise<SnapshotReader> {
    const instance = await DuckDBInstance.create(':memory:', {
      threads: String(options.threads ?? 2),
      // Plugin SQL runs here, inside the node's process: bound it.
      memory_limit: options.memoryLimit ?? '1GB',
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
    return new SnapshotReader(snapshot, instance, connection);
  }

  get manifest(): Manifest {
    return this.snapshot.manifest;
  }

  async count(cohort?: FrameRequest['cohort']): Promise<number> {
    const compiled = compileCohort(cohort, this.manifest.model.attributes);
    const reader = await this.connection.runAndReadAll(
      `SELECT count(*) AS n FROM ${ENTITY_TABLE} WHERE ${compiled.where}`,
      compiled.params,
    );
    return Number(reader.getRowObjectsJS()[0]?.n ?? 0);
  }

  /**
   * How many entities remain after each criterion of a cohort, in order (an attrition table), in one
   * scan: step 0 is every entity, step i applies criteria 1..i.
   */
  async attrition(cohort?: FrameRequest['cohort']): Promise<{ total: number; steps: number[] }> {
    const compiled = compileCohort(cohort, this.manifest.model.attributes);
    const cumulative = compiled.conditions.map(
      (_condition, index) =>
        `count(*) FILTER (WHERE ${compiled.conditions
          .slice(0, index + 1)
          .map((condition) => `(${condition})`)
          .join(' AND ')}) AS s${index}`,
    );
    const reader = await this.connection.runAndReadAll(
      `SELECT ${['count(*) AS total', ...cumulative].join(', ')} FROM ${ENTITY_TABLE}`,
      compiled.params,
    );
    const row = reader.getRowObjectsJS()[0] ?? {};
    return {
      total: Number(row.total ?? 0),
      steps: compiled.conditions.map((_condition, index) => Number(row[`s${index}`] ?? 0)),
    };
  }

  /** Typed columns for the entities of a cohort, ordered by entity id (stable across runs). */
  async frame(request: FrameRequest): Promise<Frame> {
    const { attributes, endpoints } = this.manifest.model;
    const selected: string[] = [];
    const decoders: Array<(columns: unknown[][], offset: number) => [string, FrameColumn]> = [];
    for (const name of request.columns) {
      const offset = selected.length + 1;
      if (name.startsWith('endpoint:')) {
        const endpoint = endpoints.find((candidate) => candidate.id === name.slice('endpoint:'.length));
        if (!endpoint) {
          const known = endpoints.map((candidate) => `endpoint:${candidate.id}`);
          throw new InputError(`unknown column '${name}'${didYouMean(name, known)}`, [
            { at: name, message: `unknown endpoint`, allowed: known },
          ]);
        }
        selected.push(quoteIdentifier(endpoint.timeColumn), quoteIdentifier(endpoint.eventColumn));
        decoders.push((columns) => [
          name,
          toFrameColumn({ type: 'endpoint' }, columns[offset] ?? [], columns[offset + 1] ?? []),
        ]);
        continue;
      }
      const attribute = attributes.find((candidate) => candidate.id === name);
      if (!attribute) {
        const known = attributes.map((candidate) => candidate.id);
        throw new InputError(`unknown attribute '${name}'${didYouMean(name, known)}`, [
          { at: name, message: 'unknown attribute', allowed: known },
        ]);
      }
      selected.push(
        attribute.type === 'date'
          ? `epoch_ms(${quoteIdentifier(attribute.id)}) / 86400000.0`
          : quoteIdentifier(attribute.id),
      );
      decoders.push((columns) => [name, toFrameColumn(attribute, columns[offset] ?? [])]);
    }
    const compiled = compileCohort(request.cohort, attributes);
    const sql = `SELECT ${[quoteIdentifier(ID_COLUMN), ...selected].join(', ')} FROM ${ENTITY_TABLE} WHERE ${compiled.where} ORDER BY ${quoteIdentifier(ID_COLUMN)}`;
    const reader = await this.connection.runAndReadAll(sql, compiled.params);
    const columns = reader.getColumnsJS() as unknown[][];
    const ids = (columns[0] ?? []).map(String);
    return {
      ids,
      length: ids.length,
      columns: Object.fromEntries(decoders.map((decode) => decode(columns, 0))),
    };
  }

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
  }
}
