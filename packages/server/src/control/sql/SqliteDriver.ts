import Database from 'better-sqlite3';
import { loadMigrations } from '../migrations/loadMigrations.ts';
import {
  ForeignKeyViolation,
  type SqlDriver,
  type SqlExecutor,
  type SqlRow,
  type SqlValue,
  UniqueViolation,
} from './SqlDriver.ts';

/** How long a writer waits for another process's write lock before failing. */
const BUSY_TIMEOUT_MS = 10_000;

/**
 * better-sqlite3 is synchronous, but the store's methods are async and a transaction awaits between its
 * statements. One connection is shared, so every statement and transaction takes a turn on a promise
 * queue: otherwise a statement of one call could land inside another call's open transaction.
 */
export class SqliteDriver implements SqlDriver {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();
  #queue: Promise<void> = Promise.resolve();

  private constructor(db: Database.Database) {
    this.#db = db;
  }

  /** Opens (creating if needed) the database at `path` or ':memory:' and brings its schema up to date. */
  static open(path: string): SqliteDriver {
    const db = new Database(path);
    try {
      // busy_timeout first: switching to WAL itself needs the lock when another process opens at once.
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = NORMAL');
      migrateSqlite(db);
    } catch (error) {
      db.close();
      throw error;
    }
    return new SqliteDriver(db);
  }

  all(sql: string, params: readonly SqlValue[] = []): Promise<SqlRow[]> {
    return this.#inTurn(async () => this.#all(sql, params));
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.#inTurn(async () => this.#run(sql, params));
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.#inTurn(async () => {
      // IMMEDIATE takes the write lock up front: a deferred transaction that later needs to write can
      // fail with SQLITE_BUSY without waiting, when another process wrote in between.
      this.#db.exec('BEGIN IMMEDIATE');
      const tx: SqlExecutor = {
        all: async (sql, params = []) => this.#all(sql, params),
        run: async (sql, params = []) => this.#run(sql, params),
      };
      try {
        const result = await work(tx);
        this.#db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.#inTurn(async () => {
      this.#db.close();
    });
  }

  #inTurn<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(work);
    this.#queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  #all(sql: string, params: readonly SqlValue[]): SqlRow[] {
    return translate(() => this.#statement(sql).all(...params.map(bindable)) as SqlRow[]);
  }

  #run(sql: string, params: readonly SqlValue[]): number {
    return translate(() => this.#statement(sql).run(...params.map(bindable)).changes);
  }

  #statement(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }
}

function bindable(value: SqlValue): string | number | null {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

function translate<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      throw new UniqueViolation((error as Error).message, { cause: error });
    }
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      throw new ForeignKeyViolation((error as Error).message, { cause: error });
    }
    throw error;
  }
}

/**
 * Applies pending migrations in one IMMEDIATE transaction: a second process opening the same file at the
 * same moment waits for the lock and then finds nothing left to do. SQLite DDL is transactional, so a
 * failing migration leaves the schema as it was.
 */
function migrateSqlite(db: Database.Database): void {
  const migrate = db.transaction(() => {
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const applied = new Set(
      (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
        (r) => r.version,
      ),
    );
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const migration of loadMigrations('sqlite')) {
      if (applied.has(migration.version)) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }
  });
  migrate.immediate();
}
