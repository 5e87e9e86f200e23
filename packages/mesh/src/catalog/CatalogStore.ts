import { type CatalogEntry, CatalogEntrySchema, checkDocument, InputError } from '@plexus/spec';
import Database from 'better-sqlite3';
import { ftsQuery } from './ftsQuery.ts';

/** The facets of a catalog search: each counts entries per value. */
export const CATALOG_FACETS = ['domain', 'modality', 'tag', 'owner'] as const;
export type CatalogFacet = (typeof CATALOG_FACETS)[number];

export interface CatalogQuery {
  /** Free text over title, description, tags, domain, owners, modalities and protocol titles. */
  q?: string;
  /** Facet filters: one value or several (any of them); different facets must all hold. Case-insensitive. */
  domain?: string | string[];
  /** A modality kind: events, matrix or variants. */
  modality?: string | string[];
  tag?: string | string[];
  /** An owner's name. */
  owner?: string | string[];
  /** Only the entries of this product id (on whichever nodes serve it): how a node finds a product to call. */
  product?: string;
  /** Also return entries of nodes that stopped sending heartbeats. */
  includeStale?: boolean;
  /** 20 unless given; at most 100. */
  limit?: number;
  offset?: number;
}

export type CatalogHit = CatalogEntry & { score: number; stale: boolean };

export interface CatalogSearchResult {
  /** How many entries match, over all pages. */
  total: number;
  results: CatalogHit[];
  /**
   * Drill-down counts: each facet's counts are over the entries matching the text, the stale filter and
   * every *other* facet's filter, so that choosing a domain still shows the other domains to switch to.
   */
  facets: Record<CatalogFacet, Array<{ value: string; count: number }>>;
}

export interface StoredCatalogEntry {
  entry: CatalogEntry;
  /** The node's compact JWS of the entry, when it was published signed. */
  jws: string | null;
  stale: boolean;
}

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
const FACET_VALUES = 50;
/** bm25 weights of the FTS columns, in their order: a hit in the title counts most. */
const BM25 = 'bm25(catalog_fts, 10.0, 3.0, 6.0, 4.0, 2.0, 3.0, 2.0)';

const SCHEMA = `
  create table if not exists catalog_nodes (
    node_id text primary key,
    last_seen integer not null
  );
  create table if not exists catalog_entries (
    id integer primary key,
    node_id text not null,
    product_id text not null,
    entry text not null,
    jws text,
    title text not null,
    stale integer not null default 0,
    unique (node_id, product_id)
  );
  create table if not exists catalog_facets (
    entry_id integer not null,
    facet text not null,
    value text not null,
    primary key (entry_id, facet, value)
  );
  create index if not exists catalog_facets_by_value on catalog_facets (facet, value collate nocase);
  create virtual table if not exists catalog_fts using fts5(
    title, description, tags, domain, owners, modalities, protocols,
    tokenize = 'unicode61 remove_diacritics 2'
  );
`;

type SqlValue = string | number | null;

function valuesOf(filter: string | string[] | undefined): string[] {
  if (filter === undefined) return [];
  return (Array.isArray(filter) ? filter : [filter]).filter((value) => value.length > 0);
}

function facetValues(entry: CatalogEntry): Array<[CatalogFacet, string]> {
  const pairs: Array<[CatalogFacet, string]> = [['domain', entry.domain]];
  for (const modality of entry.modalities) pairs.push(['modality', modality.kind]);
  for (const tag of entry.tags) pairs.push(['tag', tag]);
  for (const owner of entry.owners) pairs.push(['owner', owner.name]);
  const seen = new Set<string>();
  return pairs.filter(([facet, value]) => {
    const key = `${facet}\u0000${value.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toMillis(at: Date | number | string): number {
  const ms = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
  if (!Number.isFinite(ms)) throw new InputError(`Not a time: ${String(at)}`);
  return ms;
}

function checkedCount(value: number | undefined, fallback: number, name: string, max?: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0 || (max !== undefined && value > max)) {
    throw new InputError(`${name} must be an integer from 0${max === undefined ? '' : ` to ${max}`}`, [
      { at: name, message: 'out of range', found: value },
    ]);
  }
  return value;
}

/**
 * The mesh catalog: the entries nodes publish, searchable by full text (SQLite FTS5) with facets.
 * In memory unless given a file. Every value reaches SQL as a bound parameter, and user text reaches FTS5
 * only through `ftsQuery`, which quotes it.
 */
export class CatalogStore {
  readonly #db: Database.Database;

  constructor(path = ':memory:') {
    this.#db = new Database(path);
    if (path !== ':memory:') this.#db.pragma('journal_mode = WAL');
    this.#db.exec(SCHEMA);
  }

  close(): void {
    this.#db.close();
  }

  /** Adds a node's entry for a product, replacing the one it published before. Also a sign of life. */
  publish(entry: CatalogEntry, jws?: string): void {
    const issues = checkDocument(CatalogEntrySchema, entry);
    if (issues.length > 0) {
      throw new InputError(
        'The catalog entry is not valid',
        issues.map((issue) => ({ at: `/${issue.path.join('/')}`, message: issue.message })),
      );
    }
    const db = this.#db;
    db.transaction(() => {
      this.#delete(entry.node.id, entry.id);
      const { lastInsertRowid } = db
        .prepare(
          'insert into catalog_entries (node_id, product_id, entry, jws, title, stale) values (?, ?, ?, ?, ?, 0)',
        )
        .run(entry.node.id, entry.id, JSON.stringify(entry), jws ?? null, entry.title);
      const id = Number(lastInsertRowid);
      const facet = db.prepare('insert into catalog_facets (entry_id, facet, value) values (?, ?, ?)');
      for (const [name, value] of facetValues(entry)) facet.run(id, name, value);
      db.prepare(
        `insert into catalog_fts (rowid, title, description, tags, domain, owners, modalities, protocols)
         values (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        entry.title,
        entry.description,
        entry.tags.join(' '),
        entry.domain,
        entry.owners.map((owner) => [owner.name, owner.role ?? ''].join(' ')).join(' '),
        entry.modalities.map((modality) => `${modality.label} ${modality.id} ${modality.kind}`).join(' '),
        entry.protocols.map((protocol) => `${protocol.title} ${protocol.category}`).join(' '),
      );
      this.#touch(entry.node.id, toMillis(entry.publishedAt));
    })();
  }

  /** Records that a node is alive at `at`; its entries are no longer stale. */
  heartbeat(nodeId: string, at: Date | number | string): void {
    const ms = toMillis(at);
    this.#db.transaction(() => {
      this.#touch(nodeId, ms);
      this.#db.prepare('update catalog_entries set stale = 0 where node_id = ?').run(nodeId);
    })();
  }

  /**
   * Flags the entries of every node whose last heartbeat (or publication) is older than `staleAfterMs`
   * before `now` as stale, and clears the flag of the others. Stale entries stay in the catalog, hidden
   * from searches unless `includeStale`. Returns how many entries are stale.
   */
  markStale(now: Date | number, staleAfterMs: number): number {
    const cutoff = toMillis(now) - staleAfterMs;
    this.#db
      .prepare(
        `update catalog_entries set stale = coalesce(
           (select case when n.last_seen < ? then 1 else 0 end from catalog_nodes n
            where n.node_id = catalog_entries.node_id), 1)`,
      )
      .run(cutoff);
    const row = this.#db.prepare('select count(*) as n from catalog_entries where stale = 1').get() as {
      n: number;
    };
    return row.n;
  }

  /** Removes a node's entry for a product; false when there was none. */
  remove(nodeId: string, productId: string): boolean {
    return this.#db.transaction(() => this.#delete(nodeId, productId))();
  }

  get(nodeId: string, productId: string): StoredCatalogEntry | undefined {
    const row = this.#db
      .prepare('select entry, jws, stale from catalog_entries where node_id = ? and product_id = ?')
      .get(nodeId, productId) as { entry: string; jws: string | null; stale: number } | undefined;
    if (!row) return undefined;
    return { entry: JSON.parse(row.entry) as CatalogEntry, jws: row.jws, stale: row.stale === 1 };
  }

  search(query: CatalogQuery = {}): CatalogSearchResult {
    const limit = checkedCount(query.limit, DEFAULT_LIMIT, 'limit', MAX_LIMIT);
    const offset = checkedCount(query.offset, 0, 'offset');
    const match = query.q === undefined ? null : ftsQuery(query.q);
    const filters: Record<CatalogFacet, string[]> = {
      domain: valuesOf(query.domain),
      modality: valuesOf(query.modality),
      tag: valuesOf(query.tag),
      owner: valuesOf(query.owner),
    };

    // The conditions on an entry `e`, leaving out one facet's own filter for that facet's counts.
    const where = (except?: CatalogFacet): { sql: string; params: SqlValue[] } => {
      const clauses: string[] = [];
      const params: SqlValue[] = [];
      if (match !== null) {
        clauses.push('e.id in (select rowid from catalog_fts where catalog_fts match ?)');
        params.push(match);
      }
      if (query.product !== undefined) {
        clauses.push('e.product_id = ?');
        params.push(query.product);
      }
      if (!query.includeStale) clauses.push('e.stale = 0');
      for (const facet of CATALOG_FACETS) {
        const values = filters[facet];
        if (facet === except || values.length === 0) continue;
        clauses.push(
          `exists (select 1 from catalog_facets f where f.entry_id = e.id and f.facet = ?
             and f.value collate nocase in (${values.map(() => '?').join(', ')}))`,
        );
        params.push(facet, ...values);
      }
      return { sql: clauses.length > 0 ? `where ${clauses.join(' and ')}` : '', params };
    };

    const all = where();
    const total = (
      this.#db.prepare(`select count(*) as n from catalog_entries e ${all.sql}`).get(...all.params) as {
        n: number;
      }
    ).n;

    const rows = (
      match === null
        ? this.#db
            .prepare(
              `select e.entry, e.stale, 0 as score from catalog_entries e ${all.sql}
               order by e.title collate nocase, e.node_id, e.product_id limit ? offset ?`,
            )
            .all(...all.params, limit, offset)
        : this.#db
            .prepare(
              `select e.entry, e.stale, -${BM25} as score
               from catalog_fts join catalog_entries e on e.id = catalog_fts.rowid
               ${all.sql} and catalog_fts match ?
               order by ${BM25}, e.title collate nocase, e.node_id, e.product_id limit ? offset ?`,
            )
            .all(...all.params, match, limit, offset)
    ) as Array<{ entry: string; stale: number; score: number }>;

    const facets = {} as CatalogSearchResult['facets'];
    for (const facet of CATALOG_FACETS) {
      const others = where(facet);
      const join = others.sql === '' ? 'where' : `${others.sql} and`;
      facets[facet] = this.#db
        .prepare(
          `select min(f.value) as value, count(distinct f.entry_id) as count
           from catalog_facets f join catalog_entries e on e.id = f.entry_id
           ${join} f.facet = ?
           group by f.value collate nocase
           order by count desc, value collate nocase limit ?`,
        )
        .all(...others.params, facet, FACET_VALUES) as Array<{ value: string; count: number }>;
    }

    return {
      total,
      results: rows.map((row) => ({
        ...(JSON.parse(row.entry) as CatalogEntry),
        score: row.score,
        stale: row.stale === 1,
      })),
      facets,
    };
  }

  #touch(nodeId: string, ms: number): void {
    this.#db
      .prepare(
        `insert into catalog_nodes (node_id, last_seen) values (?, ?)
         on conflict (node_id) do update set last_seen = max(last_seen, excluded.last_seen)`,
      )
      .run(nodeId, ms);
  }

  #delete(nodeId: string, productId: string): boolean {
    const row = this.#db
      .prepare('select id from catalog_entries where node_id = ? and product_id = ?')
      .get(nodeId, productId) as { id: number } | undefined;
    if (!row) return false;
    this.#db.prepare('delete from catalog_facets where entry_id = ?').run(row.id);
    this.#db.prepare('delete from catalog_fts where rowid = ?').run(row.id);
    this.#db.prepare('delete from catalog_entries where id = ?').run(row.id);
    return true;
  }
}
