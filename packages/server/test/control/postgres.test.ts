import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openControlStore } from '../../src/control/openControlStore.ts';
import { type ConformanceBackend, controlStoreConformance } from './controlStore.conformance.ts';

const url = process.env.PLEXUS_TEST_POSTGRES_URL;
const MISSING = 'PLEXUS_TEST_POSTGRES_URL is not set: .ci/run starts PostgreSQL';

// In CI a missing database must fail the run, never pass it by skipping; on a laptop it may be absent.
if (url === undefined || url === '') {
  if (process.env.CI) {
    describe('PostgreSQL control store', () => {
      it('has a database to run against', () => {
        throw new Error(MISSING);
      });
    });
  } else {
    console.warn(`\n!!! PostgreSQL control store tests SKIPPED: ${MISSING} (see .ci/postgres.sh)\n`);
  }
}

async function withClient<T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Each test gets a database of its own, created from the one the URL names and dropped at the end. */
function postgresBackend(adminUrl: string): ConformanceBackend {
  const created: string[] = [];
  return {
    name: 'postgres',
    freshDatabase: async () => {
      const name = `plexus_control_${randomBytes(6).toString('hex')}`;
      // Identifiers cannot be bound parameters; the name is made here from hex digits only.
      await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
      created.push(name);
      const target = new URL(adminUrl);
      target.pathname = `/${name}`;
      return target.toString();
    },
    raw: (target, sql) => withClient(target, async (c) => (await c.query(sql)).rows),
    dispose: async () => {
      for (const name of created.splice(0)) {
        await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      }
    },
  };
}

describe.skipIf(url === undefined || url === '')('PostgreSQL control store', () => {
  const backend = postgresBackend(url ?? '');
  controlStoreConformance(() => backend);

  it('refuses TRUNCATE of the audit log', async () => {
    const target = await backend.freshDatabase();
    const store = await openControlStore(target);
    try {
      await expect(backend.raw(target, 'TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    } finally {
      await store.close();
    }
  });

  it('stores timestamps as timestamptz and booleans as boolean', async () => {
    const target = await backend.freshDatabase();
    const store = await openControlStore(target);
    try {
      const rows = await backend.raw(
        target,
        "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE column_name IN ('created_at', 'admin') ORDER BY 1, 2",
      );
      expect(rows.map((r) => `${r.table_name}.${r.column_name}:${r.data_type}`)).toEqual([
        'api_tokens.created_at:timestamp with time zone',
        'groups.created_at:timestamp with time zone',
        'users.admin:boolean',
        'users.created_at:timestamp with time zone',
      ]);
    } finally {
      await store.close();
    }
  });
});
