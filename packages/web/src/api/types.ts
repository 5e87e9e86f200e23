// Shapes of the node's answers (GET /api/v1/openapi.json), as far as the web client reads them.
import type { CohortCountView, FeatureHitView, JsonSchema, ModelView } from '../forms/ProtocolFormProps.ts';
import type { ResultDocumentView } from '../results/ResultViewProps.ts';

export type { CohortCountView, FeatureHitView, JsonSchema, ModelView, ResultDocumentView };

export interface Owner {
  name: string;
  email?: string;
  role?: string;
}

export interface ProductTests {
  status: 'passed' | 'failed' | 'none';
  cases: number;
  passed: number;
  failed: number;
  errors?: number;
  failures?: string[];
  overridden?: boolean;
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
  definitionHash: string;
  gitCommit: string | null;
  builtAt: string;
  tests?: ProductTests;
}

/** A number attribute's summary carries a histogram, a category's the count per level. */
export interface AttributeSummary {
  count?: number;
  missing?: number;
  min?: number;
  max?: number;
  mean?: number;
  sd?: number;
  quartiles?: number[];
  histogram?: { edges: number[]; counts: number[] };
  levels?: Array<{ value: string; count: number }>;
}

export interface ProductDetail {
  product: ProductDescriptor;
  model: ModelView;
}

export type Combine = 'sum' | 'pooled-moments' | 'meta-analysis' | 'km-pooled';

export interface ProtocolSummary {
  id: string;
  version: string;
  title: string;
  description: string;
  category: string;
  parameters: JsonSchema;
  federation?: { combine: Combine };
}

export interface Versions {
  productVersion: string;
  definitionHash: string;
  gitCommit: string | null;
  dataVersion: string;
  engineVersion: string;
}

export interface ProductVersions {
  current: Versions;
  definitions: Array<{ definitionHash: string; productVersion: string; gitCommit: string | null }>;
  snapshots: Array<{ dataVersion: string; builtAt: string; entityCount: number }>;
}

export type RunStatus = 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface Run {
  id: string;
  status: RunStatus;
  productId: string;
  protocolId: string;
  protocolVersion?: string;
  startedAt: string;
  finishedAt?: string | null;
  durationMs: number;
  versions?: Versions;
  pluginSha256?: string;
  params?: Record<string, unknown>;
  resultHash?: string | null;
  reusedFrom?: string | null;
  rerunOf?: string | null;
  progress?: { fraction: number; message?: string };
  result?: ResultDocumentView;
  error?: { code: string; message: string };
}

export interface RunPage {
  runs: Run[];
  next: string | null;
}

export interface VersionChange {
  name: string;
  from: string | null;
  to: string | null;
}

/** A block only one of the two documents has (packages/spec BlockMentionSchema): enough to name it. */
export interface BlockMention {
  id: string;
  type: ResultDocumentView['blocks'][number]['type'];
  title?: string;
}

export interface ResultComparison {
  identical: boolean;
  summary: {
    blocksAdded: number;
    blocksRemoved: number;
    blocksChanged: number;
    blocksUnchanged: number;
    provenanceChanged: number;
    parametersChanged: number;
  };
  document: Record<string, { from: string | null; to: string | null }>;
  blocks: {
    added: BlockMention[];
    removed: BlockMention[];
    changed: Array<{ id: string; type: string; [key: string]: unknown }>;
    unchanged: string[];
  };
  provenance: {
    same: boolean;
    changed: Array<{ field: string; from: unknown; to: unknown }>;
    parameters: Array<{ name: string; from?: unknown; to?: unknown }>;
  };
}

export interface RerunAnswer {
  run: Run;
  changes: { versions: VersionChange[]; resultChanged: boolean | null; comparison?: ResultComparison };
}

export interface CompareAnswer {
  a: Run;
  b: Run;
  versions: VersionChange[];
  comparison: ResultComparison;
}

/** A user as the node's directory lists them (GET /users). */
export interface DirectoryUser {
  id: string;
  name: string;
  subject: string;
  /** null: a local account, signing in with tokens; else the identity provider's issuer. */
  issuer: string | null;
  admin: boolean;
}

export type TokenScope = 'read' | 'run' | 'export' | 'admin';

/** A new API token: `secret` is what its user presents, and it is shown only in this answer. */
export interface CreatedToken {
  token: { id: string; name: string; scopes: TokenScope[]; expiresAt: string | null };
  secret: string;
}

export interface Me {
  via: 'anonymous' | 'token' | 'sso' | 'node';
  node?: { id: string };
  user: { id: string; name: string | null; email: string | null; admin?: boolean } | null;
  groups: Array<string | { id: string; name?: string }>;
  scopes?: string[];
}

export type Role = 'viewer' | 'analyst' | 'exporter' | 'owner';

export interface Principal {
  kind: 'user' | 'group';
  id: string;
}

/** The users and groups an administrator appointed owners of a product. */
export interface AppointedOwners {
  productId: string;
  owners: Principal[];
}

export interface Access {
  visibility: 'public' | 'private';
  owners: Principal[];
  grants: Array<{ principal: Principal; role: Role; grantedBy: string; grantedAt: string }>;
}

export interface CatalogModality {
  id: string;
  kind: 'events' | 'matrix' | 'variants';
  label: string;
}

export interface CatalogProtocol {
  id: string;
  version: string;
  title: string;
  category: string;
  federated?: { combine: string };
}

/** An entry of the mesh catalog (packages/spec CatalogEntrySchema) as search answers it. */
export interface CatalogEntry {
  id: string;
  title: string;
  description: string;
  domain: string;
  owners: Owner[];
  tags: string[];
  entity: { singular: string; plural: string; count: number | null };
  modalities: CatalogModality[];
  protocols: CatalogProtocol[];
  versions: { productVersion: string; dataVersion: string; definitionHash: string };
  node: { id: string; url: string };
  health: 'ok' | 'degraded';
  tests: { status: 'passed' | 'failed' | 'none'; cases: number; passed: number; failed: number };
  visibility: 'public' | 'private';
  publishedAt: string;
  score?: number;
  stale?: boolean;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface CatalogSearchAnswer {
  total: number;
  results: CatalogEntry[];
  facets: { domain: FacetCount[]; modality: FacetCount[]; tag: FacetCount[]; owner?: FacetCount[] };
}

export type SiteStatus = 'ok' | 'denied' | 'suppressed' | 'timeout' | 'error';

export interface FederatedSite {
  product: string;
  node?: string;
}

/** What a site that answered sent back (server federationSchemas.ts SiteAnswerSchema), as far as read here. */
export interface SiteAnswer {
  productId: string;
  node: string;
  protocol: { id: string; version: string; combine: Combine };
  versions: Versions;
  withheld: number;
  empty: boolean;
  reasons: string[];
}

export interface FederatedSiteOutcome {
  product: string;
  node: string;
  status: SiteStatus;
  message?: string;
  durationMs: number;
  answer?: SiteAnswer;
}

/** The combined answer: a result document's title, summary and blocks, but no provenance of its own. */
export interface FederatedResult {
  title: string;
  summary?: string;
  blocks: ResultDocumentView['blocks'];
}

export interface FederatedRun {
  status: 'succeeded' | 'failed';
  protocol: string;
  params: Record<string, unknown>;
  startedAt: string;
  durationMs: number;
  sites: FederatedSiteOutcome[];
  result?: FederatedResult;
  error?: { code: string; message: string };
}
