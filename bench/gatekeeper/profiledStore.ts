import type { ControlStore } from '@plexus/server';
import type { StoreProfile } from './variants.ts';

/**
 * Wraps a store so that every method call is counted and timed (wall time until its promise settles, so
 * under load it includes waiting for the SQLite queue or a pooled PostgreSQL connection). With `skip`,
 * those methods resolve at once without reaching the store: a stand-in for a proposed change.
 */
export function profiledStore(
  store: ControlStore,
  profile: StoreProfile | null,
  skip: ReadonlySet<string> = new Set(),
): ControlStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof property !== 'string' || typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => {
        if (skip.has(property)) return Promise.resolve(undefined);
        if (profile === null) return method.apply(target, args);
        const entry = profile[property] ?? { calls: 0, ms: 0 };
        profile[property] = entry;
        entry.calls++;
        const started = performance.now();
        const result = method.apply(target, args);
        if (result instanceof Promise)
          return result.finally(() => {
            entry.ms += performance.now() - started;
          });
        entry.ms += performance.now() - started;
        return result;
      };
    },
  });
}
