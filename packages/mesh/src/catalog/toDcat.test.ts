import { readFileSync } from 'node:fs';
import jsonld from 'jsonld';
import { Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { describe, expect, it } from 'vitest';
import { entryOf, nodeB, sources } from './catalogFixtures.ts';
import { type JsonLdDocument, toDcat } from './toDcat.ts';

// No network: any remote context or document the JSON-LD processor asks for is refused.
const offline = async (url: string): Promise<never> => {
  throw new Error(`no network in tests: ${url}`);
};
const options = { documentLoader: offline } as unknown as jsonld.Options.Expand;

// The DCAT-AP 3.0.0 SHACL shapes of the classes the export uses (see schemas/README.md).
const shapes = new Store(
  new Parser().parse(
    readFileSync(new URL('./schemas/dcat-ap-3.0.0-SHACL.excerpt.ttl', import.meta.url), 'utf8'),
  ),
);

async function shaclReport(document: JsonLdDocument) {
  const nquads = (await jsonld.toRDF(document as jsonld.JsonLdDocument, {
    ...options,
    format: 'application/n-quads',
  })) as unknown as string;
  const data = new Store(new Parser({ format: 'N-Quads' }).parse(nquads));
  const report = await new SHACLValidator(shapes).validate(data);
  return {
    conforms: report.conforms,
    messages: report.results.map((result) => `${result.path?.value}: ${result.message.map((m) => m.value)}`),
  };
}

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const SCHEMA = 'https://schema.org/';

describe('toDcat', () => {
  it('conforms to the DCAT-AP 3.0.0 SHACL shapes, for every kind of entry', async () => {
    const entries = [
      entryOf(sources.vaLung!),
      entryOf(sources.allLeukemia!),
      entryOf(sources.cdisc!, nodeB, { visibility: 'private' }),
      entryOf(sources.rareDisease!, nodeB),
    ];
    for (const entry of entries) {
      const report = await shaclReport(toDcat(entry));
      expect(report.messages, entry.id).toEqual([]);
      expect(report.conforms).toBe(true);
    }
  });

  it('is checked for real: the shapes catch a missing title, a nameless publisher, a bare access URL', async () => {
    const document = toDcat(entryOf(sources.vaLung!));
    const { 'dct:title': _title, ...untitled } = document;
    expect((await shaclReport(untitled)).conforms).toBe(false);

    const nameless = {
      ...document,
      'dct:publisher': { '@id': 'https://x.example.org', '@type': 'foaf:Agent' },
    };
    expect((await shaclReport(nameless)).messages.join()).toContain('http://xmlns.com/foaf/0.1/name');

    const distribution = document['dcat:distribution'] as Record<string, unknown>;
    const { 'dcat:accessURL': _url, ...noAccess } = distribution;
    expect((await shaclReport({ ...document, 'dcat:distribution': noAccess })).conforms).toBe(false);
  });

  it('expands offline to a dcat:Dataset and a schema.org Dataset with its distribution pointing at the API', async () => {
    const entry = entryOf(sources.allLeukemia!);
    const expanded = (await jsonld.expand(toDcat(entry) as jsonld.JsonLdDocument, options)) as Array<
      Record<string, unknown>
    >;
    expect(expanded).toHaveLength(1);
    const dataset = expanded[0]!;
    const api = 'https://plexus.boston.example.org/api/v1/products/all-leukemia';
    expect(dataset['@id']).toBe(`${api}#dataset`);
    expect(dataset['@type']).toEqual([`${DCAT}Dataset`, `${SCHEMA}Dataset`]);
    expect(dataset[`${DCT}title`]).toEqual([{ '@value': entry.title, '@language': 'en' }]);
    expect(dataset[`${SCHEMA}name`]).toEqual([{ '@value': entry.title }]);
    expect(dataset[`${SCHEMA}description`]).toEqual([{ '@value': entry.description }]);
    expect((dataset[`${DCAT}keyword`] as unknown[]).length).toBe(5);
    expect(dataset[`${DCT}modified`]).toEqual([
      { '@value': '2025-03-01T09:30:00.000Z', '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' },
    ]);
    expect(dataset[`${DCT}accessRights`]).toMatchObject([
      { '@id': 'http://publications.europa.eu/resource/authority/access-right/PUBLIC' },
    ]);
    const [publisher] = dataset[`${DCT}publisher`] as Array<Record<string, unknown>>;
    expect(publisher!['http://xmlns.com/foaf/0.1/name']).toEqual([{ '@value': 'node-boston' }]);
    const [distribution] = dataset[`${DCAT}distribution`] as Array<Record<string, unknown>>;
    expect(distribution![`${DCAT}accessURL`]).toMatchObject([{ '@id': api }]);
    const [service] = distribution![`${DCAT}accessService`] as Array<Record<string, unknown>>;
    expect(service![`${DCAT}endpointURL`]).toMatchObject([
      { '@id': 'https://plexus.boston.example.org/api/v1' },
    ]);
    expect(service![`${DCAT}servesDataset`]).toEqual([{ '@id': `${api}#dataset` }]);
  });

  it('says a private product is restricted, and leaves out contact points without an email', () => {
    const document = toDcat(entryOf(sources.cdisc!, nodeB, { visibility: 'private' }));
    expect(document['dct:accessRights']).toMatchObject({
      '@id': 'http://publications.europa.eu/resource/authority/access-right/RESTRICTED',
    });
    expect(document).not.toHaveProperty('dcat:contactPoint');
    expect(toDcat(entryOf(sources.vaLung!))['dcat:contactPoint']).toEqual([
      {
        '@id': 'https://plexus.boston.example.org/api/v1/products/va-lung-trial#contact-1',
        '@type': 'vcard:Kind',
        'vcard:fn': 'Thoracic oncology data team',
        'vcard:hasEmail': { '@id': 'mailto:thoracic@example.org' },
      },
    ]);
  });
});
