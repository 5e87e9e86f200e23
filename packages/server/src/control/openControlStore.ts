import { InputError } from '@plexus/spec';
import type { ControlStore } from './ControlStore.ts';
import { PostgresControlStore } from './PostgresControlStore.ts';
import { SqliteControlStore } from './SqliteControlStore.ts';

/**
 * Opens the store a node is configured with: `sqlite:<path>` (relative to the working directory, or
 * `sqlite::memory:`) or a `postgres://` / `postgresql://` connection string.
 */
export async function openControlStore(url: string): Promise<ControlStore> {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path === '')
      throw new InputError('sqlite: needs a path', [{ at: 'url', message: 'no path', found: url }]);
    return SqliteControlStore.open(path);
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return PostgresControlStore.open(url);
  throw new InputError('a control store URL starts with sqlite: or postgres://', [
    // Never echo the URL: a postgres URL carries a password.
    { at: 'url', message: 'unknown scheme', expected: 'sqlite:<path> or postgres://…' },
  ]);
}
