import type { DuckDBConnection } from '@duckdb/node-api';
import type { Problem } from '@plexus/spec';
import type { ProductDefinition } from '../load/ProductDefinition.ts';
import type { ManifestModality } from '../snapshot/Manifest.ts';

/** What every modality builder gets: the open database, the product, and where the snapshot is staged. */
export interface ModalityBuildContext {
  connection: DuckDBConnection;
  definition: ProductDefinition;
  /** Staging folder of the snapshot being built. */
  staging: string;
  /** SQL relation of the entity table just written (has the id column). */
  entities: string;
  /** A scratch folder inside the staging folder for intermediate files. */
  scratch: string;
}

export interface ModalityBuildResult {
  modality: ManifestModality;
  /** Snapshot tables written (names; files are <name>.parquet in the staging folder). */
  tables: string[];
  /** Warnings (e.g. rows dropped); errors are thrown as BuildFailedError. */
  problems: Problem[];
}

/** Snapshot table names: distinct prefixes per kind, so no two modalities' tables can collide. */
export const eventsTable = (id: string): string => `events_${id}`;
export const matrixTable = (id: string): string => `matrix_${id}`;
export const featuresTable = (id: string): string => `features_${id}`;
export const positionsTable = (id: string): string => `positions_${id}`;
export const variantsTable = (id: string): string => `variants_${id}`;

/** Parquet options for snapshot tables. */
export const PARQUET = 'FORMAT parquet, COMPRESSION zstd';
