import type { DuckDBDoubleVector, DuckDBListVector } from '@duckdb/node-api';
import { didYouMean, InputError } from '@plexus/spec';
import { ENTITY_TABLE, ID_COLUMN } from '../build/entitySql.ts';
import { ENTITY_ALIAS } from '../cohort/cohortSql.ts';
import type { CompiledCohort } from '../cohort/compileCohort.ts';
import { quoteIdentifier } from '../duckdb/sql.ts';
import { featuresTable, matrixTable, positionsTable } from '../modalities/ModalityBuild.ts';
import type { ManifestMatrixModality, ManifestModality } from '../snapshot/Manifest.ts';
import type { MatrixRequest, MatrixSlice } from './Frame.ts';
import { lookupFeature } from './featureLookup.ts';
import type { RunQuery, StreamQuery } from './SnapshotQueries.ts';

export function matrixModality(
  modalities: readonly ManifestModality[],
  id: string | undefined,
): ManifestMatrixModality {
  const matrices = modalities.filter(
    (modality): modality is ManifestMatrixModality => modality.kind === 'matrix',
  );
  const found =
    id === undefined
      ? matrices.length === 1
        ? matrices[0]
        : undefined
      : matrices.find((modality) => modality.id === id);
  if (found) return found;
  const known = matrices.map((modality) => modality.id);
  throw new InputError(
    id === undefined
      ? `name the matrix modality: the product has ${known.length === 0 ? 'none' : known.join(', ')}`
      : `unknown matrix modality '${id}'${didYouMean(id, known)} (the product has: ${known.join(', ') || 'none'})`,
    [{ at: 'modality', message: 'unknown matrix modality', allowed: known }],
  );
}

/** Entities of every-entity cohorts per snapshot table: a snapshot never changes, so they are read once. */
const everyoneCache = new WeakMap<RunQuery, Map<string, { ids: string[]; positions: string }>>();

/** The cohort's entities that have values in the matrix, in id order, with their positions as a list literal. */
async function cohortPositions(
  run: RunQuery,
  modality: ManifestMatrixModality,
  cohort: CompiledCohort,
): Promise<{ ids: string[]; positions: string }> {
  const id = quoteIdentifier(ID_COLUMN);
  const alias = quoteIdentifier(ENTITY_ALIAS);
  const everyone = cohort.where === 'true';
  const cached = everyone ? everyoneCache.get(run)?.get(modality.id) : undefined;
  if (cached) return cached;
  // Every entity (the usual case of a feature fetch) needs no look at the entity table.
  const members = everyone
    ? await run(
        `SELECT ${id} AS entity, pos FROM ${quoteIdentifier(positionsTable(modality.id))} ORDER BY ${id}`,
      )
    : await run(
        `SELECT ${alias}.${id} AS entity, p.pos FROM ${quoteIdentifier(ENTITY_TABLE)} AS ${alias} JOIN ${quoteIdentifier(positionsTable(modality.id))} AS p ON p.${id} = ${alias}.${id} WHERE ${cohort.where} ORDER BY ${alias}.${id}`,
        cohort.params,
      );
  const found = {
    ids: members.map((row) => String(row.entity)),
    // Positions are whole numbers the build wrote: safe to inline, and a list literal is what list_select takes.
    positions: `[${members.map((row) => Number(row.pos) + 1).join(', ')}]::INTEGER[]`,
  };
  if (everyone) {
    const perReader = everyoneCache.get(run) ?? new Map();
    perReader.set(modality.id, found);
    everyoneCache.set(run, perReader);
  }
  return found;
}

/**
 * Reads features × entities for a cohort. DuckDB picks each feature's values at the cohort's positions
 * (list_select), so only the requested cells cross into JavaScript.
 */
export async function matrixSlice(
  run: RunQuery,
  stream: StreamQuery,
  modalities: readonly ManifestModality[],
  request: MatrixRequest,
  cohort: CompiledCohort,
): Promise<MatrixSlice> {
  const modality = matrixModality(modalities, request.modality);
  const members = await cohortPositions(run, modality, cohort);
  // A copy: the cached list must not change with what a caller does to the slice.
  const ids = [...members.ids];
  const { positions } = members;
  const table = quoteIdentifier(featuresTable(modality.id));
  const asList = (features: readonly string[]) => [
    `[${features.map((feature) => JSON.stringify(feature)).join(', ')}]`,
  ];
  // The features table lists exactly the matrix's rows, in the same order: no need to touch the matrix.
  const listFeatures = (features: readonly string[] | undefined) =>
    run(
      `SELECT m.feature, m.name FROM ${table} AS m ${features ? 'WHERE m.feature IN (SELECT unnest($1::VARCHAR[]))' : ''} ORDER BY m.feature`,
      features ? asList(features) : [],
    );
  let features: string[] | undefined;
  let listed = await listFeatures(request.features);
  if (request.features) {
    // Feature ids are what callers pass almost always and the query above found them; names are
    // looked up one by one.
    const found = new Set(listed.map((row) => String(row.feature)));
    features = [];
    for (const wanted of request.features) {
      if (found.has(wanted)) {
        features.push(wanted);
        continue;
      }
      const named = await lookupFeature(run, modality, wanted);
      if ('error' in named)
        throw new InputError(`features: ${named.error}`, [{ at: 'features', message: named.error }]);
      features.push(named.id);
    }
    if (features.some((feature) => !found.has(feature))) listed = await listFeatures(features);
  }
  const filter = features ? 'WHERE m.feature IN (SELECT unnest($1::VARCHAR[]))' : '';
  const featureParams = features ? asList(features) : [];
  const rowOf = new Map(listed.map((row, index) => [String(row.feature), index]));
  const order = features ?? listed.map((row) => String(row.feature));
  const values = new Float64Array(order.length * ids.length).fill(Number.NaN);
  // Values stream chunk by chunk straight into the result: a 2,000 × 20,000 matrix as JS lists would take
  // gigabytes and block the event loop while converted.
  const targets = order.map((feature) => rowOf.get(feature));
  const rowsOfFeature = new Map<number, number[]>();
  targets.forEach((listedRow, row) => {
    if (listedRow !== undefined) rowsOfFeature.set(listedRow, [...(rowsOfFeature.get(listedRow) ?? []), row]);
  });
  let listedRow = 0;
  await stream(
    `SELECT list_select(m."values", ${positions}) AS v FROM ${quoteIdentifier(matrixTable(modality.id))} AS m ${filter} ORDER BY m.feature`,
    featureParams,
    (chunk) => {
      const lists = chunk.getColumnVector(0) as DuckDBListVector;
      const cells = lists.childVector as DuckDBDoubleVector;
      for (let index = 0; index < chunk.rowCount; index++, listedRow++) {
        const offset = lists.getEntryOffset(index);
        const length = Math.min(lists.getEntryLength(index), ids.length);
        for (const row of rowsOfFeature.get(listedRow) ?? []) {
          const base = row * ids.length;
          for (let column = 0; column < length; column++) {
            const cell = cells.getItem(offset + column);
            if (cell !== null) values[base + column] = cell;
          }
        }
      }
    },
  );
  const names = order.map((feature) => {
    const name = listed[rowOf.get(feature) ?? -1]?.name;
    return name === null || name === undefined ? null : String(name);
  });
  return { modality: modality.id, features: order, names, ids, values };
}
