import type { FeatureHit, ManifestAttribute, ManifestModality } from '@plexus/engine';
import type { Owner, Run } from '@plexus/spec';

/** Attributes as the snapshot describes them, with summary statistics computed at build time. */
export type { AttributeSummary } from '@plexus/engine';
export type ModelAttribute = ManifestAttribute;

export interface ModelEndpoint {
  id: string;
  label: string;
  description?: string;
  unit: string;
  summary: { count: number; events: number; censored: number; missing: number };
}

/** A modality as clients see it: what it holds and how much, without the snapshot's table names. */
export type ModelModality = ManifestModality extends infer M
  ? M extends ManifestModality
    ? Omit<M, 'table' | 'featureTable' | 'entityTable'>
    : never
  : never;

export function modalityView(modality: ManifestModality): ModelModality {
  const { table: _table, ...rest } = modality;
  if (rest.kind !== 'matrix') return rest;
  const { featureTable: _features, entityTable: _entities, ...matrix } = rest;
  return matrix;
}

export interface ModelView {
  entity: { singular: string; plural: string; count: number };
  attributes: ModelAttribute[];
  endpoints: ModelEndpoint[];
  modalities: ModelModality[];
}

export interface ProductDescriptor {
  id: string;
  title: string;
  version: string;
  description: string;
  domain: string;
  owners: Owner[];
  tags: string[];
  entity: { singular: string; plural: string; count: number };
  dataVersion: string;
  gitCommit: string | null;
  builtAt: string;
}

export interface ProtocolSummary {
  id: string;
  version: string;
  title: string;
  description: string;
  category: string;
  /** JSON Schema of the `params` object, with the model's choices (attributes, levels) as enums. */
  parameters: Record<string, unknown>;
}

/** What a node serves for one data product. The HTTP layer talks to products only through this. */
/** How many entities a cohort holds, and how many remain after each of its criteria. */
export interface CohortCount {
  count: number;
  entity: { singular: string; plural: string };
  attrition: Array<{ step: number; criterion: string; count: number }>;
}

/** Who may use a product when a node first serves it (product.yaml `access`; private unless it says so). */
export interface ProductAccessDefaults {
  visibility: 'public' | 'private';
  /** On a public product, the role every caller holds. */
  everyone?: 'viewer' | 'analyst';
}

export interface ProductService {
  readonly id: string;
  accessDefaults(): ProductAccessDefaults;
  descriptor(): ProductDescriptor;
  model(): ModelView;
  protocols(): ProtocolSummary[];
  /** Throws NotFoundError for an unknown protocol, InputError (with one detail per parameter) for bad params. */
  run(protocolId: string, params: unknown): Promise<Run>;
  /** Throws InputError (one detail per problem) for a cohort that does not fit the model. */
  countCohort(cohort: unknown): Promise<CohortCount>;
  /** Names to pick from in a modality: matrix features, event names or genes. InputError for an unknown modality. */
  searchFeatures(modality: string, text: string, limit?: number): Promise<FeatureHit[]>;
}

export interface ProductRegistry {
  list(): ProductService[];
  get(id: string): ProductService | undefined;
  close(): Promise<void>;
}
