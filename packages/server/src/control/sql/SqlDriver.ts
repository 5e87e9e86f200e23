/** A bound parameter. Booleans are stored as the backend's own boolean (SQLite: 0/1). */
export type SqlValue = string | number | boolean | null;

export type SqlRow = Record<string, unknown>;

/**
 * The little the control store needs from a database, so that one implementation serves SQLite and
 * PostgreSQL. SQL is written with `?` placeholders and always with bound parameters; the PostgreSQL
 * driver numbers them. Constraint violations come out as UniqueViolation / ForeignKeyViolation.
 */
export interface SqlExecutor {
  /** Rows of a SELECT or of a statement with RETURNING. */
  all(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface SqlDriver extends SqlExecutor {
  /** Runs `work` in one transaction that sees its own writes and commits only if `work` resolves. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Two rows would have had the same unique key. */
export class UniqueViolation extends Error {}

/** A row would have pointed at a row that does not exist. */
export class ForeignKeyViolation extends Error {}
