import type { ColumnType } from '@plexus/spec';

export interface AttributeSummary {
  count: number;
  missing: number;
  min?: number;
  max?: number;
  mean?: number;
  sd?: number;
  quartiles?: [number, number, number];
  /** Equal-width bins from min to max (numbers and dates as numbers), for facet charts. */
  histogram?: { edges: number[]; counts: number[] };
  first?: string;
  last?: string;
  levels?: Array<{ value: string; count: number }>;
  distinct?: number;
}

export interface ManifestAttribute {
  id: string;
  label: string;
  type: ColumnType;
  unit?: string;
  description?: string;
  levels?: string[];
  summary: AttributeSummary;
}

export interface ManifestEndpoint {
  id: string;
  label: string;
  description?: string;
  unit: string;
  timeColumn: string;
  eventColumn: string;
  summary: { count: number; events: number; censored: number; missing: number };
}

interface ManifestModalityBase {
  id: string;
  label: string;
  description?: string;
  /** Snapshot table holding the modality's rows. */
  table: string;
  /** Rows stored, and how many entities have at least one. */
  rows: number;
  entities: number;
  /** Source rows left out because their entity is not in the product (unmatched: drop). */
  dropped: number;
}

export interface ManifestEventsModality extends ManifestModalityBase {
  kind: 'events';
  /** offset: days from the product's origin; date: days since 1970-01-01. */
  timeKind: 'offset' | 'date';
  /** Which optional fields the mapping fills. */
  fields: Array<'code' | 'group' | 'value' | 'text' | 'unit'>;
  /** Distinct event names. */
  names: number;
  /** The most frequent names with how many events and entities have them (for pickers and facets). */
  topNames: Array<{ name: string; events: number; entities: number }>;
}

export interface ManifestMatrixModality extends ManifestModalityBase {
  kind: 'matrix';
  unit?: string;
  /** Number of features (rows of the feature table). */
  features: number;
  /** Table listing feature ids (and names) in storage order. */
  featureTable: string;
  /** Table listing the matrix's entity ids with their position in each feature's value list. */
  entityTable: string;
  hasNames: boolean;
  /** Over every stored value; null when the matrix holds none. */
  summary: { min: number | null; max: number | null; mean: number | null; missing: number };
}

export interface ManifestVariantsModality extends ManifestModalityBase {
  kind: 'variants';
  /** Which optional fields hold values (criteria on the others are refused). */
  fields: Array<'gene' | 'consequence' | 'zygosity'>;
  /** Entities with genotypes (a VCF's samples; a table's entities): the others were not profiled. */
  profiled: number;
  genes: number;
  topGenes: Array<{ gene: string; variants: number; entities: number }>;
}

export type ManifestModality = ManifestEventsModality | ManifestMatrixModality | ManifestVariantsModality;

export interface DataTestResult {
  test: string;
  attribute: string;
  severity: 'error' | 'warn';
  passed: boolean;
  failingRows: number;
  examples: string[];
}

/** manifest.json: everything needed to trust, reproduce and serve a snapshot. */
export interface Manifest {
  apiVersion: 'plexus.dev/v1';
  kind: 'Snapshot';
  dataVersion: string;
  product: { id: string };
  builtAt: string;
  engineVersion: string;
  duckdbVersion: string;
  git: { commit: string; dirty: boolean } | null;
  mappingSha256: string;
  sources: Array<{ id: string; path: string; bytes: number; sha256: string }>;
  tables: Array<{
    name: string;
    file: string;
    rows: number;
    bytes: number;
    sha256: string;
    columns: Array<{ name: string; type: string }>;
  }>;
  model: {
    idColumn: string;
    entityCount: number;
    attributes: ManifestAttribute[];
    endpoints: ManifestEndpoint[];
    modalities: ManifestModality[];
  };
  tests: DataTestResult[];
}
