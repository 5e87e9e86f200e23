import { SqlControlStore } from './SqlControlStore.ts';
import { SqliteDriver } from './sql/SqliteDriver.ts';

/**
 * The embedded default: one file next to the node (WAL, foreign keys on, a busy timeout so that a second
 * process waits for the write lock instead of failing). ':memory:' gives a private, throwaway store.
 */
export class SqliteControlStore extends SqlControlStore {
  private constructor(driver: SqliteDriver) {
    super(driver);
  }

  /** Creates the file if needed and applies pending migrations before returning. */
  static async open(path: string): Promise<SqliteControlStore> {
    return new SqliteControlStore(SqliteDriver.open(path));
  }
}
