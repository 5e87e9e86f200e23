import { describe, expect, it } from 'vitest';
import { buildCatalogEntry } from './buildCatalogEntry.ts';
import { entryOf, nodeB, sources } from './catalogFixtures.ts';
import { discloseCatalogCount } from './discloseCatalogCount.ts';

describe('discloseCatalogCount', () => {
  it('suppresses a count below minCellCount: null with a flag, never the number', () => {
    expect(discloseCatalogCount(7, { minCellCount: 10 })).toEqual({
      count: null,
      disclosure: { minCellCount: 10, suppressed: true, roundedTo: 1 },
    });
    expect(discloseCatalogCount(0, { minCellCount: 5 }).count).toBeNull();
    expect(discloseCatalogCount(9, { minCellCount: 10, roundToTen: true }).count).toBeNull();
  });

  it('publishes a count at the threshold, exactly or rounded to the nearest 10', () => {
    expect(discloseCatalogCount(10, { minCellCount: 10 }).count).toBe(10);
    expect(discloseCatalogCount(137, { minCellCount: 10 }).count).toBe(137);
    expect(discloseCatalogCount(137, { minCellCount: 10, roundToTen: true })).toEqual({
      count: 140,
      disclosure: { minCellCount: 10, suppressed: false, roundedTo: 10 },
    });
    expect(discloseCatalogCount(134, { roundToTen: true, minCellCount: 10 }).count).toBe(130);
    expect(discloseCatalogCount(135, { roundToTen: true, minCellCount: 10 }).count).toBe(140);
  });

  it('defaults minCellCount to the mesh default and refuses nonsense', () => {
    expect(discloseCatalogCount(3).count).toBeNull();
    expect(() => discloseCatalogCount(10, { minCellCount: 0 })).toThrow(RangeError);
    expect(() => discloseCatalogCount(-1)).toThrow(RangeError);
    expect(() => discloseCatalogCount(2.5)).toThrow(RangeError);
  });
});

describe('buildCatalogEntry', () => {
  it('builds an entry with the count through disclosure control and a normalised node url', () => {
    const small = entryOf(sources.rareDisease!, nodeB, { roundToTen: true });
    expect(small.entity).toEqual({
      singular: 'patient',
      plural: 'patients',
      count: null,
      disclosure: { minCellCount: 10, suppressed: true, roundedTo: 10 },
    });
    expect(JSON.stringify(small)).not.toContain('"count":7');
    expect(small.node.url).toBe('https://plexus.heidelberg.example.de');
    expect(small.tests).toEqual({ status: 'none', cases: 0, passed: 0, failed: 0 });

    const entry = entryOf(sources.allLeukemia!);
    expect(entry.modalities).toEqual([
      { id: 'expression', kind: 'matrix', label: 'Gene expression (12,625 probes)' },
    ]);
    expect(entry.versions).toEqual({
      productVersion: '1.1.0',
      dataVersion: 'd-77aa66bb55cc44dd',
      definitionHash: 'abcdef0123456789',
    });
    expect(entry.protocols[1]).toMatchObject({
      id: 'kaplan-meier',
      federated: { combine: 'pooled log-rank' },
    });
    expect(entry.protocols[0]).not.toHaveProperty('federated');
  });

  it('takes visibility and health from the node', () => {
    const entry = buildCatalogEntry(sources.pbc!, {
      node: { id: 'n', url: 'http://localhost:7700' },
      visibility: 'private',
      health: 'degraded',
    });
    expect(entry).toMatchObject({ visibility: 'private', health: 'degraded' });
    expect(Date.parse(entry.publishedAt)).not.toBeNaN();
  });
});
