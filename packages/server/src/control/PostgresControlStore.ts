import { SqlControlStore } from './SqlControlStore.ts';
import { PostgresDriver } from './sql/PostgresDriver.ts';

export interface PostgresControlStoreOptions {
  /** Connections in the pool; default 10. */
  poolSize?: number;
}

/** For shared deployments: several nodes over one database, each with its own pool. */
export class PostgresControlStore extends SqlControlStore {
  private constructor(driver: PostgresDriver) {
    super(driver);
  }

  /** Connects with a `postgres://` connection string and applies pending migrations before returning. */
  static async open(
    connectionString: string,
    options: PostgresControlStoreOptions = {},
  ): Promise<PostgresControlStore> {
    return new PostgresControlStore(await PostgresDriver.open(connectionString, options.poolSize));
  }
}
