import type { CatalogEntry } from '@plexus/spec';
import { productApiUrl } from './productApiUrl.ts';

/**
 * The JSON-LD context of the export, inline so that reading it needs no network: prefixes only, every
 * property written as a compact IRI.
 */
export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  owl: 'http://www.w3.org/2002/07/owl#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  schema: 'https://schema.org/',
} as const;

const ACCESS_RIGHTS = 'http://publications.europa.eu/resource/authority/access-right/';
const FILE_TYPE_JSON = 'http://publications.europa.eu/resource/authority/file-type/JSON';
const MEDIA_TYPE_JSON = 'http://www.iana.org/assignments/media-types/application/json';

export type JsonLdDocument = Record<string, unknown>;

function text(value: string): { '@value': string; '@language': string } {
  return { '@value': value, '@language': 'en' };
}

/**
 * A catalog entry as JSON-LD that is both a DCAT-AP 3 `dcat:Dataset` and a schema.org `Dataset` (what
 * Google Dataset Search reads): title, description, keywords, publisher (the node), creators and contact
 * points (the owners), modification date, version, access rights, and one `dcat:Distribution` whose
 * access URL and `dcat:DataService` are the product's API on the node.
 */
export function toDcat(entry: CatalogEntry): JsonLdDocument {
  const api = productApiUrl(entry);
  // The dataset is not the API document that describes it: a fragment keeps the two apart.
  const dataset = `${api}#dataset`;
  const service = `${entry.node.url}/api/v1`;
  const keywords = [...new Set([...entry.tags, entry.domain])];
  const owners = entry.owners.map((owner, index) => ({
    '@id': `${api}#owner-${index + 1}`,
    '@type': ['foaf:Agent', 'schema:Person'],
    'foaf:name': owner.name,
    'schema:name': owner.name,
    ...(owner.email ? { 'schema:email': owner.email } : {}),
  }));
  const contacts = entry.owners
    .filter((owner) => owner.email)
    .map((owner, index) => ({
      '@id': `${api}#contact-${index + 1}`,
      '@type': 'vcard:Kind',
      'vcard:fn': owner.name,
      'vcard:hasEmail': { '@id': `mailto:${owner.email}` },
    }));
  const publisher = {
    '@id': entry.node.url,
    '@type': ['foaf:Agent', 'schema:Organization'],
    'foaf:name': entry.node.id,
    'schema:name': entry.node.id,
    'schema:url': entry.node.url,
  };
  return {
    '@context': DCAT_CONTEXT,
    '@id': dataset,
    '@type': ['dcat:Dataset', 'schema:Dataset'],
    'dct:identifier': entry.id,
    'schema:identifier': entry.id,
    'dct:title': text(entry.title),
    'schema:name': entry.title,
    'dct:description': text(entry.description),
    'schema:description': entry.description,
    'dcat:keyword': keywords.map(text),
    'schema:keywords': keywords,
    'dcat:theme': {
      '@id': `${entry.node.url}/api/v1/domains/${encodeURIComponent(entry.domain)}`,
      '@type': 'skos:Concept',
      'skos:prefLabel': text(entry.domain),
    },
    'dct:publisher': publisher,
    'schema:publisher': { '@id': entry.node.url },
    'dct:creator': owners,
    'schema:creator': owners.map((owner) => ({ '@id': owner['@id'] })),
    ...(contacts.length > 0 ? { 'dcat:contactPoint': contacts } : {}),
    'dct:modified': { '@value': entry.publishedAt, '@type': 'xsd:dateTime' },
    'schema:dateModified': entry.publishedAt,
    'owl:versionInfo': entry.versions.productVersion,
    'schema:version': entry.versions.productVersion,
    'dct:accessRights': {
      '@id': `${ACCESS_RIGHTS}${entry.visibility === 'public' ? 'PUBLIC' : 'RESTRICTED'}`,
      '@type': 'dct:RightsStatement',
    },
    'dcat:landingPage': { '@id': api, '@type': 'foaf:Document' },
    'schema:url': api,
    'dcat:distribution': {
      '@id': `${api}#api`,
      '@type': ['dcat:Distribution', 'schema:DataDownload'],
      'dct:title': text(`${entry.title}: Plexus HTTP API`),
      'dcat:accessURL': { '@id': api, '@type': 'rdfs:Resource' },
      'dcat:mediaType': { '@id': MEDIA_TYPE_JSON, '@type': 'dct:MediaType' },
      'dct:format': { '@id': FILE_TYPE_JSON, '@type': 'dct:MediaTypeOrExtent' },
      'schema:contentUrl': api,
      'schema:encodingFormat': 'application/json',
      'dcat:accessService': {
        '@id': service,
        '@type': 'dcat:DataService',
        'dct:title': text(`Plexus node ${entry.node.id}`),
        'dcat:endpointURL': { '@id': service, '@type': 'rdfs:Resource' },
        'dcat:endpointDescription': { '@id': `${service}/openapi.json`, '@type': 'rdfs:Resource' },
        'dcat:servesDataset': { '@id': dataset },
        'dct:publisher': { '@id': entry.node.url },
      },
    },
    'schema:distribution': { '@id': `${api}#api` },
  };
}
