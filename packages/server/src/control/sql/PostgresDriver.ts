import pg from 'pg';
import { loadMigrations } from '../migrations/loadMigrations.ts';
import {
  ForeignKeyViolation,
  type SqlDriver,
  type SqlExecutor,
  type SqlRow,
  type SqlValue,
  UniqueViolation,
} from './SqlDriver.ts';

/** Any constant works, as long as every node of a deployment uses the same one: 'plx-ctrl' in ASCII. */
const MIGRATION_LOCK_KEY = '8100981966070116972';

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<pg.QueryResult>;
}

/** A pg Pool behind the driver interface; transactions hold one pooled client from BEGIN to COMMIT. */
export class PostgresDriver implements SqlDriver {
  readonly #pool: pg.Pool;
  #closed = false;

  private constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /** Connects and brings the schema up to date; fails fast when the database is unreachable. */
  static async open(connectionString: string, poolSize = 10): Promise<PostgresDriver> {
    const pool = new pg.Pool({ connectionString, max: poolSize });
    // An idle client losing its connection must not crash the node; the next query reconnects.
    pool.on('error', () => {});
    try {
      await migratePostgres(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresDriver(pool);
  }

  async all(sql: string, params: readonly SqlValue[] = []): Promise<SqlRow[]> {
    return (await execute(this.#pool, sql, params)).rows;
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return (await execute(this.#pool, sql, params)).rowCount ?? 0;
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    const tx: SqlExecutor = {
      all: async (sql, params = []) => (await execute(client, sql, params)).rows,
      run: async (sql, params = []) => (await execute(client, sql, params)).rowCount ?? 0,
    };
    try {
      await client.query('BEGIN');
      const result = await work(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  /** Idempotent: pg refuses to end a pool twice, but closing a store twice is harmless. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }
}

/** `?` to `$n`. The store's SQL has no `?` inside literals, so a plain scan is enough. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

async function execute(target: Queryable, sql: string, params: readonly SqlValue[]): Promise<pg.QueryResult> {
  try {
    return await target.query(numbered(sql), [...params]);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === '23505') throw new UniqueViolation((error as Error).message, { cause: error });
    if (code === '23503') throw new ForeignKeyViolation((error as Error).message, { cause: error });
    throw error;
  }
}

/**
 * Applies pending migrations in one transaction under a transaction-scoped advisory lock: nodes starting
 * together queue on the lock, and each later one finds the versions already recorded. PostgreSQL DDL is
 * transactional, so a failing migration leaves nothing half done.
 */
async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)',
    );
    const applied = new Set(
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map(
        (r) => r.version,
      ),
    );
    for (const migration of loadMigrations('postgres')) {
      if (applied.has(migration.version)) continue;
      // No parameters: the simple query protocol, which runs a file of several statements.
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [
        migration.version,
        migration.name,
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
