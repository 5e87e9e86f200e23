import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '@plexus/spec';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CatalogStore } from './CatalogStore.ts';
import { entryOf, nodeA, nodeB, sources } from './catalogFixtures.ts';

const HOUR = 3_600_000;

describe('CatalogStore', () => {
  let store: CatalogStore;

  beforeEach(() => {
    store = new CatalogStore();
    for (const source of [sources.vaLung!, sources.pbc!, sources.allLeukemia!, sources.cdisc!]) {
      store.publish(entryOf(source, nodeA));
    }
    // A second node serves its own copy of the lung trial, and a small registry.
    store.publish(entryOf({ ...sources.vaLung!, tags: ['lung cancer', 'NSCLC'] }, nodeB));
    store.publish(entryOf(sources.rareDisease!, nodeB));
  });
  afterEach(() => store.close());

  it('lists every entry by title without a query, with all facets', () => {
    const found = store.search({ limit: 100 });
    expect(found.total).toBe(6);
    expect(found.results.map((hit) => hit.id)).toEqual([
      'all-leukemia',
      'cdisc-pilot',
      'fop-registry',
      'pbc-trial',
      'va-lung-trial',
      'va-lung-trial',
    ]);
    expect(found.results.every((hit) => hit.score === 0 && hit.stale === false)).toBe(true);
    expect(found.facets.domain).toEqual([
      { value: 'oncology', count: 2 },
      { value: 'haematology', count: 1 },
      { value: 'hepatology', count: 1 },
      { value: 'neurology', count: 1 },
      { value: 'rare diseases', count: 1 },
    ]);
    expect(found.facets.modality).toEqual([
      { value: 'events', count: 1 },
      { value: 'matrix', count: 1 },
      { value: 'variants', count: 1 },
    ]);
    expect(found.facets.tag.slice(0, 3)).toEqual([
      { value: 'randomized trial', count: 3 },
      { value: 'lung cancer', count: 2 },
      { value: 'survival', count: 2 },
    ]);
    expect(found.facets.owner).toContainEqual({ value: 'Thoracic oncology data team', count: 2 });
  });

  it('finds by full text over title, description, tags, owners, modalities and protocols, ranked', () => {
    const lung = store.search({ q: 'lung' });
    expect(lung.total).toBe(2);
    expect(lung.results.every((hit) => hit.id === 'va-lung-trial' && hit.score > 0)).toBe(true);

    // Prefix search on the last term, AND across terms, diacritics folded.
    expect(store.search({ q: 'leuk' }).results.map((hit) => hit.id)).toEqual(['all-leukemia']);
    expect(store.search({ q: 'leukaemia expression' }).total).toBe(1);
    expect(store.search({ q: 'leukaemia hepatology' }).total).toBe(0);
    expect(store.search({ q: 'LEUKÄMIA' }).total).toBe(0);
    expect(store.search({ q: 'leukaemiä' }).total).toBe(1);

    expect(store.search({ q: 'adverse' }).results[0]?.id).toBe('cdisc-pilot'); // a modality label
    expect(store.search({ q: 'Differential expression' }).results[0]?.id).toBe('all-leukemia'); // a protocol
    expect(store.search({ q: 'Hepatology data' }).results[0]?.id).toBe('pbc-trial'); // an owner
    expect(store.search({ q: 'ACVR1' }).results[0]?.id).toBe('fop-registry');

    // A title hit ranks above a hit in the description only.
    store.publish(
      entryOf({ ...sources.pbc!, id: 'survival-notes', title: 'Notes', description: 'Mentions lung once.' }),
    );
    const ranked = store.search({ q: 'lung' });
    expect(ranked.results.at(-1)?.id).toBe('survival-notes');
    expect(ranked.results[0]!.score).toBeGreaterThan(ranked.results.at(-1)!.score);
  });

  it('filters by facets and counts facets drill-down style', () => {
    const trials = store.search({ q: 'trial', domain: 'oncology' });
    expect(trials.results.map((hit) => hit.node.id).sort()).toEqual(['node-boston', 'node-heidelberg']);
    // The domain facet ignores the domain filter: the other domains matching "trial" stay visible.
    expect(trials.facets.domain).toEqual([
      { value: 'oncology', count: 2 },
      { value: 'hepatology', count: 1 },
      { value: 'neurology', count: 1 },
    ]);
    // The other facets count within the chosen domain.
    expect(trials.facets.tag).toContainEqual({ value: 'NSCLC', count: 1 });
    expect(trials.facets.tag.find((tag) => tag.value === 'biomarkers')).toBeUndefined();

    // Several values of one facet: any of them; different facets: all of them; case-insensitive.
    expect(store.search({ domain: ['Oncology', 'hepatology'] }).total).toBe(3);
    expect(store.search({ domain: ['oncology', 'hepatology'], tag: 'nsclc' }).total).toBe(1);
    expect(store.search({ modality: 'events' }).results.map((hit) => hit.id)).toEqual(['cdisc-pilot']);
    expect(store.search({ owner: 'Haematology data team' }).results.map((hit) => hit.id)).toEqual([
      'all-leukemia',
    ]);
    const withModality = store.search({ modality: 'matrix' });
    expect(withModality.facets.modality).toHaveLength(3);
    expect(withModality.facets.domain).toEqual([{ value: 'haematology', count: 1 }]);
  });

  it('pages with limit and offset; total counts every page', () => {
    const first = store.search({ limit: 2 });
    const second = store.search({ limit: 2, offset: 2 });
    const last = store.search({ limit: 2, offset: 4 });
    expect([first.total, second.total, last.total]).toEqual([6, 6, 6]);
    const ids = [...first.results, ...second.results, ...last.results].map(
      (hit) => `${hit.node.id}/${hit.id}`,
    );
    expect(new Set(ids).size).toBe(6);
    expect(store.search({ limit: 2, offset: 6 }).results).toEqual([]);
    expect(() => store.search({ limit: 1000 })).toThrow(InputError);
    expect(() => store.search({ limit: -1 })).toThrow(InputError);
    expect(() => store.search({ offset: 1.5 })).toThrow(InputError);
  });

  it('replaces a node’s entry for a product on publish, and removes it', () => {
    const updated = entryOf({ ...sources.pbc!, version: '1.1.0', title: 'Mayo PBC trial, revised' });
    store.publish(updated, 'header.payload.signature');
    expect(store.search({ q: 'Mayo' }).results.map((hit) => hit.title)).toEqual(['Mayo PBC trial, revised']);
    expect(store.search({ q: 'cholangitis' }).total).toBe(1);
    expect(store.search().total).toBe(6);
    expect(store.get(nodeA.id, 'pbc-trial')).toMatchObject({
      entry: { versions: { productVersion: '1.1.0' } },
      jws: 'header.payload.signature',
      stale: false,
    });

    expect(store.remove(nodeA.id, 'pbc-trial')).toBe(true);
    expect(store.remove(nodeA.id, 'pbc-trial')).toBe(false);
    expect(store.search({ q: 'cholangitis' }).total).toBe(0);
    expect(store.search().facets.domain.find((facet) => facet.value === 'hepatology')).toBeUndefined();
    expect(store.get(nodeA.id, 'pbc-trial')).toBeUndefined();
  });

  it('refuses an invalid entry', () => {
    const entry = entryOf(sources.pbc!);
    expect(() => store.publish({ ...entry, visibility: 'secret' } as never)).toThrow(InputError);
    expect(() => store.publish({ ...entry, entity: { ...entry.entity, count: -1 } })).toThrow(InputError);
  });

  it('flags the entries of silent nodes stale, hides them unless asked, and revives them on heartbeat', () => {
    const published = Date.parse('2025-03-01T09:30:00.000Z');
    store.heartbeat(nodeA.id, new Date(published + 5 * HOUR));
    expect(store.markStale(published + 6 * HOUR, 2 * HOUR)).toBe(2); // node B: last seen at publication
    const live = store.search({ q: 'lung' });
    expect(live.results.map((hit) => hit.node.id)).toEqual([nodeA.id]);
    expect(live.facets.domain).toEqual([{ value: 'oncology', count: 1 }]);

    const all = store.search({ q: 'lung', includeStale: true });
    expect(all.total).toBe(2);
    expect(all.results.find((hit) => hit.node.id === nodeB.id)?.stale).toBe(true);
    expect(store.get(nodeB.id, 'fop-registry')?.stale).toBe(true);

    store.heartbeat(nodeB.id, published + 6 * HOUR);
    expect(store.search({ q: 'lung' }).total).toBe(2);
    expect(store.markStale(published + 7 * HOUR, 2 * HOUR)).toBe(0);
    // An older heartbeat does not move a node's last sign of life back.
    store.heartbeat(nodeB.id, '2025-03-01T00:00:00Z');
    expect(store.markStale(published + 7 * HOUR, 2 * HOUR)).toBe(0);
    expect(store.markStale(published + 9 * HOUR, 2 * HOUR)).toBe(6);
    expect(() => store.heartbeat(nodeA.id, 'yesterday')).toThrow(InputError);
  });

  it('treats user text as text: quotes, operators, wildcards, unicode never reach FTS5 as syntax', () => {
    const hostile = [
      '"',
      '""',
      '"lung',
      '*',
      'lung*',
      '*lung',
      'NEAR(',
      'NEAR(lung trial, 2)',
      'lung NEAR trial',
      '-lung',
      'lung -trial',
      'lung OR',
      'AND',
      'NOT lung',
      '(lung',
      'title:lung',
      '{title}: lung',
      '^lung',
      'lung + trial',
      "Alzheimer's",
      "'; drop table catalog_entries; --",
      '\u0000',
      '   ',
      '',
      '🫁 lung',
      '肺癌',
      'Ａ',
      'x'.repeat(5000),
    ];
    for (const q of hostile) {
      expect(() => store.search({ q }), q).not.toThrow();
    }
    expect(store.search({ q: '"lung' }).total).toBe(2);
    expect(store.search({ q: 'NEAR(lung' }).total).toBe(0); // "near" is a term like any other
    expect(store.search({ q: '-lung' }).total).toBe(2); // not a negation
    expect(store.search({ q: 'title:lung' }).total).toBe(0); // not a column filter
    expect(store.search({ q: "Alzheimer's" }).results[0]?.id).toBe('cdisc-pilot');
    expect(store.search({ q: '*' }).total).toBe(6); // nothing searchable: no text filter
    expect(store.search({ q: "'; drop table catalog_entries; --" }).total).toBe(0);
    expect(store.search().total).toBe(6);
  });

  it('keeps the catalog in a file when given one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plexus-catalog-'));
    try {
      const file = join(dir, 'catalog.db');
      const onDisk = new CatalogStore(file);
      onDisk.publish(entryOf(sources.vaLung!));
      onDisk.close();
      const reopened = new CatalogStore(file);
      expect(reopened.search({ q: 'lung' }).total).toBe(1);
      reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
