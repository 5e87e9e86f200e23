import { join } from 'node:path';
import type { MatrixModality } from '@plexus/spec';
import { BuildFailedError } from '../build/BuildFailedError.ts';
import { ID_COLUMN } from '../build/entitySql.ts';
import { DEFAULT_NULL_VALUES, typedSourceSql } from '../build/sourceSql.ts';
import { quoteIdentifier, quoteLiteral, sqlList } from '../duckdb/sql.ts';
import { problemAt } from '../load/problemAt.ts';
import { resolveInsideProduct } from '../load/resolveInsideProduct.ts';
import type { ManifestMatrixModality } from '../snapshot/Manifest.ts';
import {
  droppedWarning,
  featuresTable,
  type ModalityBuildContext,
  type ModalityBuildResult,
  matrixTable,
  modalityFailure,
  modalityIdentity,
  PARQUET,
  positionsTable,
} from './ModalityBuild.ts';
import { type MatrixFileLayout, matrixFileFormat, readMatrixLayout } from './matrixFile.ts';
import { modalityScope, resolveModalityField } from './modalityScope.ts';
import { checkUnmatched } from './unmatchedEntities.ts';

/**
 * Rows of the matrix table per row group. Each row is one feature with a value per entity, so a small
 * group lets a reader fetch one feature by decoding a few features, not thousands.
 */
const FEATURES_PER_ROW_GROUP = 64;

/**
 * Copies the sorted matrix into the snapshot in row groups of FEATURES_PER_ROW_GROUP features. DuckDB's
 * writer closes a row group only between its 2,048-row chunks, whatever ROW_GROUP_SIZE says; a UNION ALL
 * of ordered slices hands it one short chunk per slice. For 20,000 features × 2,000 entities that makes
 * one feature's fetch decode 64 features (~4 ms) instead of about 2,000 (~150 ms). The order is checked
 * afterwards: readers rely on it, and identical inputs must give identical bytes.
 */
async function writeFeatureBlocks(
  context: ModalityBuildContext,
  sorted: string,
  output: string,
  features: number,
): Promise<void> {
  const { connection } = context;
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE matrix_numbered AS SELECT feature, "values", CAST(row_number() OVER (ORDER BY feature) - 1 AS INTEGER) AS r FROM read_parquet(${quoteLiteral(sorted)})`,
  );
  const slices: string[] = [];
  for (let first = 0; first < Math.max(features, 1); first += FEATURES_PER_ROW_GROUP)
    slices.push(
      `(SELECT feature, "values" FROM matrix_numbered WHERE r >= ${first} AND r < ${first + FEATURES_PER_ROW_GROUP} ORDER BY r)`,
    );
  await connection.run(
    `COPY (${slices.join(' UNION ALL ')}) TO ${quoteLiteral(output)} (${PARQUET}, ROW_GROUP_SIZE ${FEATURES_PER_ROW_GROUP})`,
  );
  await connection.run('DROP TABLE matrix_numbered');
  const check = await connection.runAndReadAll(
    `SELECT count(*) FILTER (WHERE previous IS NOT NULL AND feature <= previous) AS unordered FROM (SELECT feature, lag(feature) OVER () AS previous FROM read_parquet(${quoteLiteral(output)}))`,
  );
  if (Number(check.getRowObjectsJS()[0]?.unordered ?? 0) > 0)
    throw new Error('the matrix was written out of feature order; please report this');
}

/**
 * Writes a matrix modality as three tables: matrix_<id> (one row per feature: its values for every
 * entity as one list, sorted by feature so that row-group statistics find a feature without a scan),
 * positions_<id> (entity id → index in those lists) and features_<id> (feature ids and names).
 */
export async function buildMatrix(
  context: ModalityBuildContext,
  modality: MatrixModality,
  index: number,
): Promise<ModalityBuildResult> {
  const { connection, definition } = context;
  const file = definition.files.mapping;
  const matrix = join(context.staging, `${matrixTable(modality.id)}.parquet`);
  // Written sorted first, then copied in blocks of features (see writeFeatureBlocks).
  const sorted = join(context.scratch, `${matrixTable(modality.id)}.sorted.parquet`);
  const positions = join(context.staging, `${positionsTable(modality.id)}.parquet`);
  const features = join(context.staging, `${featuresTable(modality.id)}.parquet`);
  const fail = (path: Array<string | number>, message: string) =>
    new BuildFailedError([
      problemAt(file, ['modalities', index, ...path], 'bad-matrix', `modality '${modality.id}': ${message}`),
    ]);
  let dropped = 0;
  let names: string | undefined;
  try {
    if (modality.wide && modality.wide.orientation === 'features-by-entities') {
      const located = await resolveInsideProduct(definition.dir, modality.wide.path);
      if (!('path' in located))
        throw fail(['wide', 'path'], `${modality.wide.path} is missing or outside the product`);
      const layout = await readMatrixLayout(located.path, matrixFileFormat(modality.wide));
      const kept = await matchEntityColumns(context, modality, index, layout.valueColumns);
      dropped = layout.valueColumns.length - kept.length;
      await writePositions(
        context,
        positions,
        `SELECT * FROM (VALUES ${kept.map((name, position) => `(${quoteLiteral(name)}, ${position})`).join(', ')}) AS p(${quoteIdentifier(ID_COLUMN)}, pos)`,
      );
      const read = readWideSql(located.path, layout, modality.wide.nullValues ?? DEFAULT_NULL_VALUES);
      // NaN and infinities are no measurement: stored as missing, so that no comparison can pick them.
      const values = `list_transform([${kept.map((name) => quoteIdentifier(name)).join(', ')}]::DOUBLE[], x -> CASE WHEN isfinite(x) THEN x END)`;
      await connection.run(
        `COPY (SELECT CAST(${quoteIdentifier(layout.keyColumn)} AS VARCHAR) AS feature, ${values} AS "values" FROM ${read} ORDER BY feature) TO ${quoteLiteral(sorted)} (${PARQUET})`,
      );
      if (layout.nameColumn !== undefined) {
        names = `SELECT CAST(${quoteIdentifier(layout.keyColumn)} AS VARCHAR) AS feature, any_value(CAST(${quoteIdentifier(layout.nameColumn)} AS VARCHAR)) AS name FROM ${read} GROUP BY 1`;
      }
    } else {
      const long = await longRelation(context, modality, index);
      dropped = await checkUnmatched(connection, long, context.entities, modality, {
        file,
        path: ['modalities', index, modality.long ? 'long' : 'wide'],
        what: ['value', 'values'],
      });
      const id = quoteIdentifier(ID_COLUMN);
      await connection.run(
        `CREATE OR REPLACE TEMP TABLE matrix_long AS SELECT l.* FROM (${long}) AS l SEMI JOIN ${context.entities} AS e ON l.${id} = e.${id}`,
      );
      const duplicates = await connection.runAndReadAll(
        `SELECT ${id} AS entity, feature, count(*) AS n FROM matrix_long GROUP BY ALL HAVING n > 1 ORDER BY entity, feature LIMIT 3`,
      );
      const repeated = duplicates.getRowObjectsJS();
      if (repeated.length > 0) {
        throw fail(
          [modality.long ? 'long' : 'wide'],
          `more than one value for ${repeated.map((row) => `entity '${String(row.entity)}' × feature '${String(row.feature)}'`).join(', ')}; a matrix has one value per entity and feature`,
        );
      }
      await writePositions(
        context,
        positions,
        `SELECT ${id}, CAST(row_number() OVER (ORDER BY ${id}) - 1 AS INTEGER) AS pos FROM (SELECT DISTINCT ${id} FROM matrix_long)`,
      );
      await connection.run(
        `COPY (SELECT f.feature, list(l."value" ORDER BY p.pos) AS "values" FROM (SELECT DISTINCT feature FROM matrix_long WHERE feature IS NOT NULL) AS f CROSS JOIN read_parquet(${quoteLiteral(positions)}) AS p LEFT JOIN matrix_long AS l ON l.feature = f.feature AND l.${id} = p.${id} GROUP BY f.feature ORDER BY f.feature) TO ${quoteLiteral(sorted)} (${PARQUET})`,
      );
      await connection.run('DROP TABLE matrix_long');
    }
    const duplicate = await connection.runAndReadAll(
      `SELECT feature, count(*) AS n FROM read_parquet(${quoteLiteral(sorted)}) GROUP BY feature HAVING n > 1 OR feature IS NULL ORDER BY feature NULLS FIRST LIMIT 3`,
    );
    const repeated = duplicate.getRowObjectsJS();
    if (repeated.length > 0) {
      throw fail(
        modality.wide ? ['wide', 'path'] : ['long', 'feature'],
        `feature ids must be present and unique, found ${repeated.map((row) => (row.feature === null ? 'a missing id' : `'${String(row.feature)}' ${String(row.n)} times`)).join(', ')}`,
      );
    }
    if (modality.features) names = annotationSql(context, modality.features);
    await connection.run(
      `COPY (SELECT m.feature, ${names ? 'n.name' : 'CAST(NULL AS VARCHAR) AS name'}, CAST(row_number() OVER (ORDER BY m.feature) - 1 AS INTEGER) AS row FROM (SELECT feature FROM read_parquet(${quoteLiteral(sorted)})) AS m ${names ? `LEFT JOIN (${names}) AS n ON n.feature = m.feature` : ''} ORDER BY m.feature) TO ${quoteLiteral(features)} (${PARQUET})`,
    );
    const stats = await connection.runAndReadAll(
      `SELECT count(*) AS features, min(v) AS min, max(v) AS max, avg(v) AS mean, count(*) FILTER (WHERE v IS NULL) AS missing FROM (SELECT unnest("values") AS v FROM read_parquet(${quoteLiteral(sorted)}))`,
    );
    const counted = await connection.runAndReadAll(
      `SELECT (SELECT count(*) FROM read_parquet(${quoteLiteral(features)})) AS features, (SELECT count(*) FROM read_parquet(${quoteLiteral(positions)})) AS entities, (SELECT count(name) FROM read_parquet(${quoteLiteral(features)})) AS named`,
    );
    const row = stats.getRowObjectsJS()[0] ?? {};
    const count = counted.getRowObjectsJS()[0] ?? {};
    const featureCount = Number(count.features ?? 0);
    await writeFeatureBlocks(context, sorted, matrix, featureCount);
    const entityCount = Number(count.entities ?? 0);
    const manifest: ManifestMatrixModality = {
      ...modalityIdentity(modality),
      kind: 'matrix',
      ...(modality.unit !== undefined ? { unit: modality.unit } : {}),
      table: matrixTable(modality.id),
      featureTable: featuresTable(modality.id),
      entityTable: positionsTable(modality.id),
      rows: featureCount,
      entities: entityCount,
      dropped,
      features: featureCount,
      hasNames: Number(count.named ?? 0) > 0,
      summary: {
        min: finiteOrNull(row.min),
        max: finiteOrNull(row.max),
        mean: finiteOrNull(row.mean),
        missing: Number(row.missing ?? 0),
      },
    };
    const problems = droppedWarning(
      context,
      index,
      modality.id,
      dropped,
      modality.wide?.orientation === 'features-by-entities' ? ['column', 'columns'] : ['value', 'values'],
    );
    return {
      modality: manifest,
      tables: [matrixTable(modality.id), positionsTable(modality.id), featuresTable(modality.id)],
      problems,
    };
  } catch (error) {
    throw await modalityFailure(
      context,
      ['modalities', index, modality.wide ? 'wide' : 'long'],
      modality.id,
      'building the matrix',
      error,
    );
  }
}

/** The entity columns of a wide file that name entities of the product, in file order; fails on others unless dropped. */
async function matchEntityColumns(
  context: ModalityBuildContext,
  modality: MatrixModality,
  index: number,
  columns: string[],
): Promise<string[]> {
  const id = quoteIdentifier(ID_COLUMN);
  const reader = await context.connection.runAndReadAll(
    `SELECT ${id} FROM ${context.entities} WHERE ${id} IN (SELECT unnest(${sqlList(columns)}))`,
  );
  const known = new Set(reader.getRowObjectsJS().map((row) => String(row[ID_COLUMN])));
  const unknown = columns.filter((name) => !known.has(name));
  if (unknown.length > 0 && modality.unmatched !== 'drop') {
    throw new BuildFailedError([
      problemAt(
        context.definition.files.mapping,
        ['modalities', index, 'wide', 'path'],
        'unmatched-entity',
        `modality '${modality.id}': ${unknown.length} column${unknown.length === 1 ? '' : 's'} of ${modality.wide?.path} ${unknown.length === 1 ? 'names' : 'name'} no entity of the product (e.g. ${unknown
          .slice(0, 5)
          .map((name) => `'${name}'`)
          .join(
            ', ',
          )}); the header must hold entity ids — fix it, or set unmatched: drop to leave such columns out`,
      ),
    ]);
  }
  return columns.filter((name) => known.has(name));
}

async function writePositions(context: ModalityBuildContext, file: string, select: string): Promise<void> {
  await context.connection.run(
    `COPY (SELECT CAST(${quoteIdentifier(ID_COLUMN)} AS VARCHAR) AS ${quoteIdentifier(ID_COLUMN)}, CAST(pos AS INTEGER) AS pos FROM (${select}) ORDER BY pos) TO ${quoteLiteral(file)} (${PARQUET})`,
  );
}

/** read_csv over a wide matrix file: ids and names as text, every value column parsed as a number by the reader. */
function readWideSql(path: string, layout: MatrixFileLayout, nullValues: readonly string[]): string {
  const types = [
    `${quoteLiteral(layout.keyColumn)}: 'VARCHAR'`,
    ...(layout.nameColumn !== undefined ? [`${quoteLiteral(layout.nameColumn)}: 'VARCHAR'`] : []),
    ...layout.valueColumns.map((name) => `${quoteLiteral(name)}: 'DOUBLE'`),
  ];
  return `read_csv(${quoteLiteral(path)}, header = true, skip = ${layout.skipLines}, delim = ${quoteLiteral(layout.delimiter)}, quote = '"', nullstr = ${sqlList([...nullValues])}, types = {${types.join(', ')}})`;
}

/** The matrix as (id, feature, value) rows, from a long source or a wide entities-by-features file. */
async function longRelation(
  context: ModalityBuildContext,
  modality: MatrixModality,
  index: number,
): Promise<string> {
  const { definition } = context;
  const id = quoteIdentifier(ID_COLUMN);
  if (modality.long) {
    const scope = modalityScope(modality);
    const source = definition.mapping.sources[modality.long.source];
    if (!scope || !source) throw new Error(`modality ${modality.id}: validate the mapping first`);
    const field = (name: 'entity' | 'feature' | 'value') => {
      const resolved = resolveModalityField(definition.mapping, scope, modality.long?.[name] ?? '');
      if ('error' in resolved) throw new Error(resolved.error);
      return resolved.sql;
    };
    return `SELECT CAST(${field('entity')} AS VARCHAR) AS ${id}, CAST(${field('feature')} AS VARCHAR) AS feature, CASE WHEN isfinite(CAST(${field('value')} AS DOUBLE)) THEN CAST(${field('value')} AS DOUBLE) END AS "value" FROM (${typedSourceSql(definition.dir, modality.long.source, source, false)}) AS ${quoteIdentifier(modality.long.source)}`;
  }
  const wide = modality.wide;
  if (!wide) throw new Error(`modality ${modality.id} has no data`);
  const located = await resolveInsideProduct(definition.dir, wide.path);
  if (!('path' in located)) {
    throw new BuildFailedError([
      problemAt(
        definition.files.mapping,
        ['modalities', index, 'wide', 'path'],
        'file-missing',
        `modality '${modality.id}': ${wide.path} is missing or outside the product`,
      ),
    ]);
  }
  const layout = await readMatrixLayout(located.path, matrixFileFormat(wide));
  const read = readWideSql(located.path, layout, wide.nullValues ?? DEFAULT_NULL_VALUES);
  return `SELECT CAST(${quoteIdentifier(layout.keyColumn)} AS VARCHAR) AS ${id}, feature, CASE WHEN isfinite("value") THEN "value" END AS "value" FROM (UNPIVOT (SELECT ${[layout.keyColumn, ...layout.valueColumns].map(quoteIdentifier).join(', ')} FROM ${read}) ON ${layout.valueColumns.map(quoteIdentifier).join(', ')} INTO NAME feature VALUE "value") `;
}

/** Feature names from an annotation source: one name per feature id (the first in id order when several). */
function annotationSql(
  context: ModalityBuildContext,
  annotation: NonNullable<MatrixModality['features']>,
): string {
  const source = context.definition.mapping.sources[annotation.source];
  if (!source) throw new Error(`source ${annotation.source}: validate the mapping first`);
  return `SELECT CAST(${quoteIdentifier(annotation.id)} AS VARCHAR) AS feature, min(CAST(${quoteIdentifier(annotation.name)} AS VARCHAR)) AS name FROM (${typedSourceSql(context.definition.dir, annotation.source, source, false)}) GROUP BY 1`;
}

/** A summary statistic, or null for a matrix without values (JSON has no NaN). */
function finiteOrNull(value: unknown): number | null {
  const number = value === null || value === undefined ? Number.NaN : Number(value);
  return Number.isFinite(number) ? number : null;
}
