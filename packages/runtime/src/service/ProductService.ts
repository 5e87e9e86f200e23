import type { FeatureHit, ManifestAttribute, ManifestModality } from '@plexus/engine';
import type { FederationCombiner, Owner, Product, Run, RunVersions, SiteAggregates } from '@plexus/spec';
import type { ExecutedRun, ExecuteOptions, PreparedRun } from './PreparedRun.ts';
import type { ProductRuntime } from './ProductRuntime.ts';
import type { ProductTestStatus } from './productTestStatus.ts';

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
  /** sha256 (16 hex digits) of the definition's files: a new one whenever protocols or plugins change. */
  definitionHash: string;
  gitCommit: string | null;
  builtAt: string;
  /** How this version fared in the product's tests, when the node ran them. */
  tests?: ProductTestStatus;
}

export interface ProtocolSummary {
  id: string;
  version: string;
  title: string;
  description: string;
  category: string;
  /** JSON Schema of the `params` object, with the model's choices (attributes, levels) as enums. */
  parameters: Record<string, unknown>;
  /** How sites combine when the protocol answers federated questions. */
  federation?: { combine: FederationCombiner };
}

/** What a node serves for one data product. The HTTP layer talks to products only through this. */
/** How many entities a cohort holds, and how many remain after each of its criteria. */
export interface CohortCount {
  count: number;
  entity: { singular: string; plural: string };
  attrition: Array<{ step: number; criterion: string; count: number }>;
  /** The product and data version counted: a count is only as current as its snapshot. */
  product: { id: string; version: string };
  dataVersion: string;
}

/** Who may use a product when a node first serves it (product.yaml `access`; private unless it says so). */
export interface ProductAccessDefaults {
  visibility: 'public' | 'private';
  /** On a public product, the role every caller holds. */
  everyone?: 'viewer' | 'analyst';
}

/** The versions of a product a node holds: any pair of a definition and a snapshot can be re-run on. */
export interface HeldVersions {
  current: RunVersions;
  definitions: Array<{ definitionHash: string; productVersion: string; gitCommit: string | null }>;
  snapshots: Array<{ dataVersion: string; builtAt: string; entityCount: number }>;
}

export interface ProductService {
  readonly id: string;
  /** The versions of the product this service serves. */
  readonly versions: RunVersions;
  /**
   * This site's exact aggregates for a federated question (the protocol's `federation.aggregates`);
   * InputError when the protocol answers none. Disclosure control is the node's job, after this.
   */
  aggregate?(
    protocolId: string,
    params: unknown,
    options?: ExecuteOptions,
  ): Promise<{ prepared: PreparedRun; aggregates: SiteAggregates }>;
  /** The product's `disclosure:` section of product.yaml, as written. */
  disclosure?(): Product['disclosure'];
  /** Every definition and snapshot of the product the node keeps, newest first. */
  heldVersions?(): Promise<HeldVersions>;
  accessDefaults(): ProductAccessDefaults;
  descriptor(): ProductDescriptor;
  model(): ModelView;
  protocols(): ProtocolSummary[];
  /** Throws NotFoundError for an unknown protocol, InputError (with one detail per parameter) for bad params. */
  run(protocolId: string, params: unknown): Promise<Run>;
  /** Checks a run request (NotFoundError, InputError as run) and fixes its versions and resolved parameters. */
  prepare(protocolId: string, params: unknown): Promise<PreparedRun>;
  /** Executes a run this service prepared; failures and cancellation are results, not exceptions. */
  execute(prepared: PreparedRun, options?: ExecuteOptions): Promise<ExecutedRun>;
  /** Throws InputError (one detail per problem) for a cohort that does not fit the model. */
  countCohort(cohort: unknown): Promise<CohortCount>;
  /** Names to pick from in a modality: matrix features, event names or genes. InputError for an unknown modality. */
  searchFeatures(modality: string, text: string, limit?: number): Promise<FeatureHit[]>;
}

export interface ProductRegistry {
  list(): ProductService[];
  get(id: string): ProductService | undefined;
  /**
   * An earlier version of a served product, read-only, for re-running a run exactly as it first ran.
   * NotFoundError when the product is not served or the node no longer holds that version.
   */
  version(id: string, versions: { definitionHash: string; dataVersion: string }): Promise<ProductService>;
  /** True for a product the node serves from a product folder given at start (not from deployments). */
  servedFromFolder?(id: string): boolean;
  /**
   * Opens a version kept in a snapshot root (a deployment) without serving it, its tests run (or
   * recalled) and their status in its descriptor.
   */
  openKept?(
    snapshotRoot: string,
    versions: { definitionHash: string; dataVersion: string },
  ): Promise<ProductRuntime>;
  /**
   * Serves this version from now on: as `<id>` on the production channel, as `<id>@<channel>` on
   * another. The version it replaces stays open for the runs executing on it and for re-runs.
   */
  serve?(product: ProductRuntime, channel?: string): void;
  close(): Promise<void>;
}
