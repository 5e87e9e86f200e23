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
const everyoneCache = new WeakMap<RunQuery, Map<string, { ids: string[]; positions: Int32Array }>>();

/** The cohort's entities that have values in the matrix, in id order, with their index in each feature's values. */
async function cohortPositions(
  run: RunQuery,
  modality: ManifestMatrixModality,
  cohort: CompiledCohort,
): Promise<{ ids: string[]; positions: Int32Array }> {
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
    positions: Int32Array.from(members, (row) => Number(row.pos)),
  };
  if (everyone) {
    const perReader = everyoneCache.get(run) ?? new Map();
    perReader.set(modality.id, found);
    everyoneCache.set(run, perReader);
  }
  return found;
}

/**
 * Reads features × entities for a cohort: each feature's stored values are streamed, and the cohort's
 * cells picked from them by position. (Picking in SQL with list_select costs more: DuckDB parses a
 * 2,000-element list literal on every call.)
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
    `SELECT m."values" AS v FROM ${quoteIdentifier(matrixTable(modality.id))} AS m ${filter} ORDER BY m.feature`,
    featureParams,
    (chunk) => {
      const lists = chunk.getColumnVector(0) as DuckDBListVector;
      const cells = lists.childVector as DuckDBDoubleVector;
      for (let index = 0; index < chunk.rowCount; index++, listedRow++) {
        const offset = lists.getEntryOffset(index);
        const length = lists.getEntryLength(index);
        for (const row of rowsOfFeature.get(listedRow) ?? []) {
          const base = row * ids.length;
          for (let column = 0; column < ids.length; column++) {
            const position = positions[column] ?? length;
            const cell = position < length ? cells.getItem(offset + position) : null;
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
