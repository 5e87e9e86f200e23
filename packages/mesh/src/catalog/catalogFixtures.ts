import type { CatalogEntry } from '@plexus/spec';
import { buildCatalogEntry, type CatalogEntrySource } from './buildCatalogEntry.ts';

// Catalog entries modelled on the example products, for the catalog's tests.

const summaryProtocols: NonNullable<CatalogEntrySource['protocols']> = [
  { id: 'cohort-summary', version: '1.0.0', title: 'Cohort summary', category: 'descriptive' },
  {
    id: 'kaplan-meier',
    version: '1.2.0',
    title: 'Kaplan–Meier survival by group',
    category: 'survival',
    federated: { combine: 'pooled log-rank' },
  },
];

export const sources: Record<string, CatalogEntrySource> = {
  vaLung: {
    id: 'va-lung-trial',
    title: "Veterans' Administration lung cancer trial",
    version: '1.0.0',
    description: 'Randomised trial of two chemotherapy regimens in advanced lung cancer, 137 patients.',
    domain: 'oncology',
    owners: [{ name: 'Thoracic oncology data team', email: 'thoracic@example.org', role: 'data steward' }],
    tags: ['lung cancer', 'randomized trial', 'survival', 'chemotherapy'],
    entity: { singular: 'patient', plural: 'patients', count: 137 },
    dataVersion: 'd-5f1c2a9e0b7d4c31',
    definitionHash: '9a0c4d1e2b3f4a5b',
    tests: { status: 'passed', cases: 12, passed: 12, failed: 0 },
    protocols: summaryProtocols,
  },
  pbc: {
    id: 'pbc-trial',
    title: 'Mayo Clinic primary biliary cholangitis trial',
    version: '1.0.0',
    description: 'D-penicillamine versus placebo in primary biliary cholangitis, with liver biomarkers.',
    domain: 'hepatology',
    owners: [{ name: 'Hepatology data team' }],
    tags: ['primary biliary cholangitis', 'randomized trial', 'survival', 'biomarkers'],
    entity: { singular: 'patient', plural: 'patients', count: 312 },
    dataVersion: 'd-0e9d8c7b6a594837',
    definitionHash: '1f2e3d4c5b6a7980',
    tests: { status: 'passed', cases: 8, passed: 8, failed: 0 },
    protocols: summaryProtocols,
  },
  allLeukemia: {
    id: 'all-leukemia',
    title: 'Acute lymphoblastic leukaemia — gene expression and clinical data',
    version: '1.1.0',
    description: 'Chiaretti et al. 2004: 128 patients with ALL, Affymetrix HG-U95Av2 expression profiles.',
    domain: 'haematology',
    owners: [{ name: 'Haematology data team', email: 'haem@example.org' }],
    tags: ['acute lymphoblastic leukaemia', 'gene expression', 'microarray', 'transcriptomics'],
    entity: { singular: 'patient', plural: 'patients', count: 128 },
    dataVersion: 'd-77aa66bb55cc44dd',
    definitionHash: 'abcdef0123456789',
    modalities: [{ id: 'expression', kind: 'matrix', label: 'Gene expression (12,625 probes)' }],
    protocols: [
      ...summaryProtocols,
      {
        id: 'differential-expression',
        version: '0.3.0',
        title: 'Differential expression',
        category: 'omics',
      },
    ],
  },
  cdisc: {
    id: 'cdisc-pilot',
    title: "CDISC pilot study CDISCPILOT01 — xanomeline in Alzheimer's disease",
    version: '1.0.0',
    description: 'SDTM/ADaM pilot study of xanomeline transdermal patches: adverse events and exposure.',
    domain: 'neurology',
    owners: [{ name: 'Clinical data standards team' }],
    tags: ["Alzheimer's disease", 'randomized trial', 'CDISC', 'adverse events', 'safety'],
    entity: { singular: 'subject', plural: 'subjects', count: 254 },
    dataVersion: 'd-1234567890abcdef',
    definitionHash: 'fedcba9876543210',
    modalities: [
      { id: 'adverse_events', kind: 'events', label: 'Adverse events' },
      { id: 'exposure', kind: 'events', label: 'Exposure' },
    ],
    protocols: summaryProtocols,
  },
  rareDisease: {
    id: 'fop-registry',
    title: 'Fibrodysplasia ossificans progressiva registry',
    version: '0.2.0',
    description: 'A small registry of a very rare disease: flare-ups and ACVR1 variants.',
    domain: 'rare diseases',
    owners: [{ name: 'Rare disease unit' }],
    tags: ['rare disease', 'registry', 'genomics'],
    entity: { singular: 'patient', plural: 'patients', count: 7 },
    dataVersion: 'd-0000111122223333',
    definitionHash: '4444555566667777',
    modalities: [{ id: 'variants', kind: 'variants', label: 'ACVR1 variants' }],
  },
};

export const nodeA = { id: 'node-boston', url: 'https://plexus.boston.example.org' };
export const nodeB = { id: 'node-heidelberg', url: 'https://plexus.heidelberg.example.de/' };

export const publishedAt = new Date('2025-03-01T09:30:00.000Z');

export function entryOf(
  source: CatalogEntrySource,
  node = nodeA,
  overrides: Partial<Parameters<typeof buildCatalogEntry>[1]> = {},
): CatalogEntry {
  return buildCatalogEntry(source, {
    node,
    visibility: 'public',
    publishedAt,
    minCellCount: 10,
    ...overrides,
  });
}
