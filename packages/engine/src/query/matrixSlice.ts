import { didYouMean, InputError } from '@plexus/spec';
import { ENTITY_TABLE, ID_COLUMN } from '../build/entitySql.ts';
import { ENTITY_ALIAS } from '../cohort/cohortSql.ts';
import type { CompiledCohort } from '../cohort/compileCohort.ts';
import { quoteIdentifier } from '../duckdb/sql.ts';
import { featuresTable, matrixTable, positionsTable } from '../modalities/ModalityBuild.ts';
import type { ManifestMatrixModality, ManifestModality } from '../snapshot/Manifest.ts';
import type { MatrixRequest, MatrixSlice } from './Frame.ts';
import { lookupFeature } from './featureLookup.ts';
import type { RunQuery } from './SnapshotQueries.ts';

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

/**
 * Reads features × entities for a cohort. DuckDB picks each feature's values at the cohort's positions
 * (list_select), so only the requested cells cross into JavaScript.
 */
export async function matrixSlice(
  run: RunQuery,
  modalities: readonly ManifestModality[],
  request: MatrixRequest,
  cohort: CompiledCohort,
): Promise<MatrixSlice> {
  const modality = matrixModality(modalities, request.modality);
  const id = quoteIdentifier(ID_COLUMN);
  const alias = quoteIdentifier(ENTITY_ALIAS);
  const members = await run(
    `SELECT ${alias}.${id} AS entity, p.pos FROM ${quoteIdentifier(ENTITY_TABLE)} AS ${alias} JOIN ${quoteIdentifier(positionsTable(modality.id))} AS p ON p.${id} = ${alias}.${id} WHERE ${cohort.where} ORDER BY ${alias}.${id}`,
    cohort.params,
  );
  const ids = members.map((row) => String(row.entity));
  // Positions are whole numbers the build wrote: safe to inline, and a list literal is what list_select takes.
  const positions = `[${members.map((row) => Number(row.pos) + 1).join(', ')}]::INTEGER[]`;
  let features: string[] | undefined;
  if (request.features) {
    features = [];
    for (const wanted of request.features) {
      const found = await lookupFeature(run, modality, wanted);
      if ('error' in found)
        throw new InputError(`features: ${found.error}`, [{ at: 'features', message: found.error }]);
      features.push(found.id);
    }
  }
  const filter = features ? `WHERE m.feature IN (SELECT unnest($1::VARCHAR[]))` : '';
  const rows = await run(
    `SELECT m.feature, f.name, list_select(m."values", ${positions}) AS v FROM ${quoteIdentifier(matrixTable(modality.id))} AS m JOIN ${quoteIdentifier(featuresTable(modality.id))} AS f ON f.feature = m.feature ${filter} ORDER BY m.feature`,
    features ? [`[${features.map((feature) => JSON.stringify(feature)).join(', ')}]`] : [],
  );
  const byFeature = new Map(rows.map((row) => [String(row.feature), row]));
  const order = features ?? rows.map((row) => String(row.feature));
  const values = new Float64Array(order.length * ids.length);
  const names: Array<string | null> = [];
  order.forEach((feature, row) => {
    const found = byFeature.get(feature);
    names.push(found?.name === null || found?.name === undefined ? null : String(found.name));
    const cells = (found?.v as Array<number | null> | undefined) ?? [];
    for (let column = 0; column < ids.length; column++) {
      const cell = cells[column];
      values[row * ids.length + column] = cell === null || cell === undefined ? Number.NaN : cell;
    }
  });
  return { modality: modality.id, features: order, names, ids, values };
}
