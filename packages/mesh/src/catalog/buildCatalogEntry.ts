import type { CatalogEntry, CatalogModality, CatalogProtocol, Owner } from '@plexus/spec';
import { type CatalogDisclosureOptions, discloseCatalogCount } from './discloseCatalogCount.ts';

/**
 * What a node knows about a product it serves, in the shape of the runtime's ProductDescriptor (the mesh
 * does not depend on the runtime): the node passes its descriptor, modalities and protocols through.
 */
export interface CatalogEntrySource {
  id: string;
  title: string;
  version: string;
  description: string;
  domain: string;
  owners: Owner[];
  tags: string[];
  entity: { singular: string; plural: string; count: number };
  dataVersion: string;
  definitionHash: string;
  tests?: { status: 'passed' | 'failed' | 'none'; cases: number; passed: number; failed: number };
  modalities?: Array<{ id: string; kind: CatalogModality['kind']; label?: string }>;
  protocols?: Array<{
    id: string;
    version: string;
    title: string;
    category: string;
    federated?: { combine: string };
  }>;
}

export interface CatalogEntryOptions extends CatalogDisclosureOptions {
  node: { id: string; url: string };
  visibility: 'public' | 'private';
  health?: 'ok' | 'degraded';
  /** When the entry is published; now unless given. */
  publishedAt?: Date;
}

/** The catalog entry a node publishes for one product, its entity count through disclosure control. */
export function buildCatalogEntry(source: CatalogEntrySource, options: CatalogEntryOptions): CatalogEntry {
  const { count, disclosure } = discloseCatalogCount(source.entity.count, options);
  const protocols: CatalogProtocol[] = (source.protocols ?? []).map((protocol) => ({
    id: protocol.id,
    version: protocol.version,
    title: protocol.title,
    category: protocol.category,
    ...(protocol.federated ? { federated: { combine: protocol.federated.combine } } : {}),
  }));
  return {
    id: source.id,
    title: source.title,
    description: source.description,
    domain: source.domain,
    owners: source.owners.map((owner) => ({ ...owner })),
    tags: [...new Set(source.tags)],
    entity: { singular: source.entity.singular, plural: source.entity.plural, count, disclosure },
    modalities: (source.modalities ?? []).map((modality) => ({
      id: modality.id,
      kind: modality.kind,
      label: modality.label ?? modality.id,
    })),
    protocols,
    versions: {
      productVersion: source.version,
      dataVersion: source.dataVersion,
      definitionHash: source.definitionHash,
    },
    node: { id: options.node.id, url: options.node.url.replace(/\/+$/, '') },
    health: options.health ?? 'ok',
    tests: source.tests
      ? {
          status: source.tests.status,
          cases: source.tests.cases,
          passed: source.tests.passed,
          failed: source.tests.failed,
        }
      : { status: 'none', cases: 0, passed: 0, failed: 0 },
    visibility: options.visibility,
    publishedAt: (options.publishedAt ?? new Date()).toISOString(),
  };
}
