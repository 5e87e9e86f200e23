import type { CatalogEntry } from '@plexus/spec';
import { stringify } from 'yaml';
import { productApiUrl } from './productApiUrl.ts';

/** The Open Data Product Specification version the export follows, and its published JSON Schema. */
export const ODPS_VERSION = '4.1';
export const ODPS_SCHEMA_URL = 'https://opendataproducts.org/v4.1/schema/odps.json';

/**
 * A catalog entry as an Open Data Product Specification (ODPS 4.1) document, as a plain object. It is
 * valid against the published ODPS 4.1 JSON Schema (a copy in schemas/). The API of the product is not in
 * `product.dataAccess`: that schema declares it both an object and an array, so no value validates; the
 * API is given as the URL of each protocol (`useCases`) and the node as the data holder's URL instead.
 */
export function odpsDocument(entry: CatalogEntry): Record<string, unknown> {
  const api = productApiUrl(entry);
  const owner = entry.owners[0];
  const updated = entry.publishedAt.slice(0, 10);
  const details: Record<string, unknown> = {
    name: entry.title,
    productID: entry.id,
    visibility: entry.visibility,
    status: entry.tests.status === 'failed' ? 'testing' : 'production',
    type: 'dataset',
    description: entry.description,
    categories: [entry.domain],
    tags: [...entry.tags],
    productVersion: entry.versions.productVersion,
    versionNotes: `data version ${entry.versions.dataVersion}; definition ${entry.versions.definitionHash}`,
    updated,
    outputFileFormats: ['JSON'],
    useCases: entry.protocols.map((protocol) => ({
      useCase: {
        useCaseTitle: protocol.title,
        useCaseDescription: `${protocol.category} protocol ${protocol.id} ${protocol.version}${
          protocol.federated ? `, federated (${protocol.federated.combine})` : ''
        }`,
        useCaseURL: `${api}/protocols/${encodeURIComponent(protocol.id)}`,
      },
    })),
  };
  const dataHolder: Record<string, unknown> = {
    legalName: (owner?.name ?? entry.node.id).slice(0, 256),
    businessDomain: entry.domain,
    URL: entry.node.url,
  };
  if (owner) dataHolder.contactName = owner.name;
  if (owner?.email) dataHolder.email = owner.email;
  return {
    schema: ODPS_SCHEMA_URL,
    version: ODPS_VERSION,
    product: { details: { en: details }, dataHolder },
  };
}

/** A catalog entry as an ODPS 4.1 YAML document. */
export function toOdps(entry: CatalogEntry): string {
  return stringify(odpsDocument(entry), { lineWidth: 0 });
}
