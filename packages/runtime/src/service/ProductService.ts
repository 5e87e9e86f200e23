import type { ColumnType, Owner, Run } from '@plexus/spec';

/** Summary statistics of one attribute over the whole snapshot, computed at build time. */
export interface AttributeSummary {
  count: number;
  missing: number;
  /** number, integer: distribution. */
  min?: number;
  max?: number;
  mean?: number;
  sd?: number;
  quartiles?: [number, number, number];
  /** date: range as ISO dates. */
  first?: string;
  last?: string;
  /** category, boolean: counts per level, in level order. */
  levels?: Array<{ value: string; count: number }>;
  /** text: number of distinct values. */
  distinct?: number;
}

export interface ModelAttribute {
  id: string;
  label: string;
  type: ColumnType;
  unit?: string;
  description?: string;
  levels?: string[];
  summary: AttributeSummary;
}

export interface ModelEndpoint {
  id: string;
  label: string;
  description?: string;
  unit: string;
  summary: { count: number; events: number; censored: number; missing: number };
}

export interface ModelView {
  entity: { singular: string; plural: string; count: number };
  attributes: ModelAttribute[];
  endpoints: ModelEndpoint[];
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
export interface ProductService {
  readonly id: string;
  descriptor(): ProductDescriptor;
  model(): ModelView;
  protocols(): ProtocolSummary[];
  /** Throws NotFoundError for an unknown protocol, InputError (with one detail per parameter) for bad params. */
  run(protocolId: string, params: unknown): Promise<Run>;
}

export interface ProductRegistry {
  list(): ProductService[];
  get(id: string): ProductService | undefined;
  close(): Promise<void>;
}
