import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { entryOf, nodeB, sources } from './catalogFixtures.ts';
import { ODPS_SCHEMA_URL, odpsDocument, toOdps } from './toOdps.ts';

// ajv-formats is CommonJS with a default export; under NodeNext the callable sits on .default.
type AddFormats = (instance: Ajv2020) => Ajv2020;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ??
  addFormatsModule) as unknown as AddFormats;

// The published ODPS 4.1 JSON Schema, copied unchanged (see schemas/README.md).
const schema = JSON.parse(readFileSync(new URL('./schemas/odps-4.1.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

describe('toOdps', () => {
  it('writes every kind of entry as ODPS 4.1 YAML valid against the published schema', () => {
    const entries = [
      entryOf(sources.vaLung!),
      entryOf(sources.allLeukemia!),
      entryOf(sources.cdisc!, nodeB, { visibility: 'private' }),
      entryOf(sources.rareDisease!, nodeB),
      entryOf({ ...sources.pbc!, tests: { status: 'failed', cases: 3, passed: 2, failed: 1 } }),
    ];
    for (const entry of entries) {
      const document = parse(toOdps(entry));
      expect(validate(document), `${entry.id}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it('carries the entry’s identity, versions, protocols and holder', () => {
    const document = parse(toOdps(entryOf(sources.allLeukemia!)));
    expect(document.schema).toBe(ODPS_SCHEMA_URL);
    expect(document.version).toBe('4.1');
    expect(document.product.details.en).toMatchObject({
      name: 'Acute lymphoblastic leukaemia — gene expression and clinical data',
      productID: 'all-leukemia',
      visibility: 'public',
      status: 'production',
      type: 'dataset',
      categories: ['haematology'],
      tags: ['acute lymphoblastic leukaemia', 'gene expression', 'microarray', 'transcriptomics'],
      productVersion: '1.1.0',
      versionNotes: 'data version d-77aa66bb55cc44dd; definition abcdef0123456789',
      updated: '2025-03-01',
    });
    expect(document.product.details.en.useCases[1].useCase).toEqual({
      useCaseTitle: 'Kaplan–Meier survival by group',
      useCaseDescription: 'survival protocol kaplan-meier 1.2.0, federated (pooled log-rank)',
      useCaseURL: 'https://plexus.boston.example.org/api/v1/products/all-leukemia/protocols/kaplan-meier',
    });
    expect(document.product.dataHolder).toEqual({
      legalName: 'Haematology data team',
      contactName: 'Haematology data team',
      email: 'haem@example.org',
      businessDomain: 'haematology',
      URL: 'https://plexus.boston.example.org',
    });
    expect(
      parse(toOdps(entryOf({ ...sources.pbc!, tests: { status: 'failed', cases: 1, passed: 0, failed: 1 } })))
        .product.details.en.status,
    ).toBe('testing');
  });

  it('leaves out dataAccess: the published 4.1 schema accepts no value there', () => {
    const document = odpsDocument(entryOf(sources.vaLung!));
    const access = { outputPortType: 'API', format: 'JSON', accessURL: 'https://plexus.example.org/api' };
    const product = document.product as Record<string, unknown>;
    expect(validate({ ...document, product: { ...product, dataAccess: { default: access } } })).toBe(false);
    expect(validate({ ...document, product: { ...product, dataAccess: [access] } })).toBe(false);
    expect(product).not.toHaveProperty('dataAccess');
  });

  it('is checked for real: the schema refuses a broken document', () => {
    const document = odpsDocument(entryOf(sources.vaLung!));
    expect(validate({ ...document, extra: true })).toBe(false);
    const product = document.product as { details: { en: Record<string, unknown> } };
    const { status: _status, ...withoutStatus } = product.details.en;
    expect(validate({ ...document, product: { ...product, details: { en: withoutStatus } } })).toBe(false);
  });
});
