import type { DuckDBConnection } from '@duckdb/node-api';
import type { Modality, ProblemCode } from '@plexus/spec';
import { BuildFailedError } from '../build/BuildFailedError.ts';
import { ID_COLUMN } from '../build/entitySql.ts';
import { quoteIdentifier } from '../duckdb/sql.ts';
import { problemAt } from '../load/problemAt.ts';
import type { DocumentPath, YamlFile } from '../yaml/YamlFile.ts';

/**
 * Counts the rows of a modality relation (with an `id` column) whose entity the product does not have.
 * With unmatched: error (the default) any such row fails the build, naming examples; with drop, the
 * caller leaves them out and the count is reported.
 */
export async function checkUnmatched(
  connection: DuckDBConnection,
  relation: string,
  entities: string,
  modality: Modality,
  where: { file: YamlFile; path: DocumentPath; what: [singular: string, plural: string] },
  params: string[] = [],
): Promise<number> {
  const id = quoteIdentifier(ID_COLUMN);
  const reader = await connection.runAndReadAll(
    `SELECT count(*) AS n, list(DISTINCT r.${id} ORDER BY r.${id})[1:5] AS examples, count(*) FILTER (WHERE r.${id} IS NULL) AS missing FROM (${relation}) AS r ANTI JOIN ${entities} AS e ON r.${id} = e.${id}`,
    params,
  );
  const row = reader.getRowObjectsJS()[0] ?? {};
  const count = Number(row.n ?? 0);
  if (count === 0 || modality.unmatched === 'drop') return count;
  const examples = ((row.examples as unknown[] | null) ?? [])
    .filter((value) => value !== null)
    .map((value) => `'${String(value)}'`);
  const missing = Number(row.missing ?? 0);
  const code: ProblemCode = 'unmatched-entity';
  throw new BuildFailedError([
    problemAt(
      where.file,
      where.path,
      code,
      `modality '${modality.id}': ${count} ${where.what[count === 1 ? 0 : 1]} ${count === 1 ? 'names' : 'name'} no entity of the product${examples.length > 0 ? ` (e.g. ${examples.join(', ')})` : ''}${missing > 0 ? `, ${missing} with no entity id at all` : ''}; fix the ids, or set unmatched: drop to leave such rows out`,
    ),
  ]);
}
