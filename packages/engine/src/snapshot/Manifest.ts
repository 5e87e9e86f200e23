import type { ColumnType } from '@plexus/spec';

export interface AttributeSummary {
  count: number;
  missing: number;
  min?: number;
  max?: number;
  mean?: number;
  sd?: number;
  quartiles?: [number, number, number];
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
  };
  tests: DataTestResult[];
}
