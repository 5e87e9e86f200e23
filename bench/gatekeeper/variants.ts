/** What the server child runs: which gatekeeper, over which store. The node default caches for NODE_CACHE_MS. */
export const NODE_CACHE_MS = 2000;

export type Variant =
  | 'open'
  | 'gated-sqlite'
  | 'gated-postgres'
  | 'gated-sqlite-no-touch'
  | 'gated-sqlite-uncached';

export const VARIANT_LABEL: Record<Variant, string> = {
  open: 'open (gatekeeper off, SQLite audit)',
  'gated-sqlite': 'gated, SQLite (node default)',
  'gated-postgres': 'gated, PostgreSQL (node default)',
  'gated-sqlite-no-touch': 'gated, SQLite, no cache, no touch',
  'gated-sqlite-uncached': 'gated, SQLite, no cache',
};

/** Parent → child. */
export type ParentMessage = { kind: 'mark' } | { kind: 'stop' };

/** Child → parent. */
export type ChildMessage =
  | { kind: 'ready'; port: number; authorization: string | null; productId: string }
  | { kind: 'marked' }
  /** cpuMs: user + system CPU of the server from `mark` to `stop`. */
  | { kind: 'stopped'; profile: StoreProfile | null; cpuMs: number };

/** Per store method: calls and summed wall time (ms) of the returned promise, over one child's life. */
export type StoreProfile = Record<string, { calls: number; ms: number }>;

export const POSTGRES_URL_ENV = 'PLEXUS_TEST_POSTGRES_URL';
