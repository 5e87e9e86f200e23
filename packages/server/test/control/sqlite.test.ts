import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openControlStore } from '../../src/control/openControlStore.ts';
import { type ConformanceBackend, controlStoreConformance } from './controlStore.conformance.ts';

function sqliteBackend(): ConformanceBackend {
  const directory = mkdtempSync(join(tmpdir(), 'plexus-control-'));
  let databases = 0;
  return {
    name: 'sqlite',
    freshDatabase: async () => `sqlite:${join(directory, `control-${++databases}.db`)}`,
    raw: async (url, sql) => {
      const db = new Database(url.slice('sqlite:'.length));
      try {
        const statement = db.prepare(sql);
        if (statement.reader) return statement.all() as Record<string, unknown>[];
        statement.run();
        return [];
      } finally {
        db.close();
      }
    },
    dispose: async () => rmSync(directory, { recursive: true, force: true }),
  };
}

describe('SQLite control store', () => {
  const backend = sqliteBackend();
  controlStoreConformance(() => backend);

  it('keeps a file in WAL mode', async () => {
    const url = await backend.freshDatabase();
    const store = await openControlStore(url);
    try {
      const [mode] = await backend.raw(url, 'PRAGMA journal_mode');
      expect(mode?.journal_mode).toBe('wal');
    } finally {
      await store.close();
    }
  });

  it('opens a private store in memory', async () => {
    const a = await openControlStore('sqlite::memory:');
    const b = await openControlStore('sqlite::memory:');
    try {
      await a.createGroup('only-in-a');
      expect(await b.listGroups()).toEqual([]);
      expect((await a.listGroups()).map((g) => g.name)).toEqual(['only-in-a']);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
