import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Problem } from '@plexus/spec';
import { BuildFailedError } from '../build/BuildFailedError.ts';
import { diagnoseSources } from '../build/diagnoseSources.ts';
import { duckDbMessage } from '../duckdb/openDuckDb.ts';
import { quoteLiteral } from '../duckdb/sql.ts';
import type { ProductDefinition } from '../load/ProductDefinition.ts';
import { problemAt } from '../load/problemAt.ts';
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
/** The entities a variants modality has genotypes for (a VCF's samples), whether they carry variants or not. */
export const samplesTable = (id: string): string => `samples_${id}`;
/** Distinct event names or genes with their counts: what pickers search, without scanning the modality. */
export const namesTable = (id: string): string => `names_${id}`;

/**
 * Writes the names index of a modality table (value, rows, entities), sorted by value, and returns the
 * most frequent entries for the manifest.
 */
export async function writeNamesIndex(
  context: ModalityBuildContext,
  modalityId: string,
  table: string,
  column: string,
): Promise<Array<{ value: string; rows: number; entities: number }>> {
  const file = join(context.staging, `${namesTable(modalityId)}.parquet`);
  const source = `read_parquet(${quoteLiteral(join(context.staging, `${table}.parquet`))})`;
  await context.connection.run(
    `COPY (SELECT ${column} AS value, count(*) AS rows, count(DISTINCT id) AS entities FROM ${source} WHERE ${column} IS NOT NULL GROUP BY ${column} ORDER BY value) TO ${quoteLiteral(file)} (${PARQUET})`,
  );
  const top = await context.connection.runAndReadAll(
    `SELECT value, rows, entities FROM read_parquet(${quoteLiteral(file)}) ORDER BY entities DESC, rows DESC, value LIMIT 50`,
  );
  return top.getRowObjectsJS().map((row) => ({
    value: String(row.value),
    rows: Number(row.rows),
    entities: Number(row.entities),
  }));
}

/** Parquet options for snapshot tables. */
export const PARQUET = 'FORMAT parquet, COMPRESSION zstd';

/**
 * A failure while building a modality, as problems at the mapping: a value that does not parse is
 * found in its source with its line number (as for the entity table); anything else is reported at the
 * modality, with the product folder shown as `.` — messages go to people who may not run the build.
 */
export async function modalityFailure(
  context: ModalityBuildContext,
  path: Array<string | number>,
  modalityId: string,
  what: string,
  error: unknown,
): Promise<BuildFailedError> {
  if (error instanceof BuildFailedError) return error;
  const { definition } = context;
  const diagnosed = await diagnoseSources(
    context.connection,
    definition.dir,
    definition.mapping,
    definition.files.mapping,
  ).catch(() => []);
  if (diagnosed.length > 0) return new BuildFailedError(diagnosed);
  const message = duckDbMessage(error).replaceAll(definition.dir, '.');
  return new BuildFailedError([
    problemAt(
      definition.files.mapping,
      path,
      'type-mismatch',
      `modality '${modalityId}': ${what} failed: ${message}`,
    ),
  ]);
}

/** The identity of a modality in the manifest: id, label and (when given) description. */
export function modalityIdentity(modality: { id: string; label: string; description?: string }): {
  id: string;
  label: string;
  description?: string;
} {
  return {
    id: modality.id,
    label: modality.label,
    ...(modality.description !== undefined ? { description: modality.description } : {}),
  };
}

/** The warning for rows left out by unmatched: drop, or none when nothing was left out. */
export function droppedWarning(
  context: ModalityBuildContext,
  index: number,
  modalityId: string,
  dropped: number,
  noun: [singular: string, plural: string],
): Problem[] {
  if (dropped === 0) return [];
  return [
    problemAt(
      context.definition.files.mapping,
      ['modalities', index, 'unmatched'],
      'unmatched-entity',
      `modality '${modalityId}': left out ${dropped} ${noun[dropped === 1 ? 0 : 1]} naming no entity of the product`,
      { severity: 'warning' },
    ),
  ];
}
