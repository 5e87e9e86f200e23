import type { DuckDBConnection } from '@duckdb/node-api';
import type { Problem } from '@plexus/spec';
import { quoteIdentifier } from '../duckdb/sql.ts';
import type { ProductDefinition } from '../load/ProductDefinition.ts';
import { problemAt } from '../load/problemAt.ts';
import { ID_COLUMN } from './entitySql.ts';

const id = quoteIdentifier(ID_COLUMN);

/** Aggregates counting missing and duplicated ids, computed in the same scan as the data tests. */
export const ENTITY_ID_AGGREGATES: Record<string, string> = {
  id_missing: `count(*) FILTER (WHERE ${id} IS NULL)`,
  id_duplicated: `count(${id}) - count(DISTINCT ${id})`,
};

/** The entity id must be present and unique: everything downstream keys on it. */
export async function checkEntityIds(
  connection: DuckDBConnection,
  table: string,
  definition: ProductDefinition,
  counts: Record<string, number>,
): Promise<Problem[]> {
  const missing = counts.id_missing ?? 0;
  const duplicated = counts.id_duplicated ?? 0;
  if (missing === 0 && duplicated === 0) return [];
  const sample = await connection.runAndReadAll(
    `SELECT ${id} AS id FROM ${table} WHERE ${id} IS NOT NULL GROUP BY 1 HAVING count(*) > 1 ORDER BY 1 LIMIT 5`,
  );
  const examples = sample.getRowObjectsJS().map((r) => String(r.id));
  const message = `entity id must be present and unique: ${missing} missing, ${duplicated} duplicated${examples.length ? ` (e.g. ${examples.join(', ')})` : ''}`;
  return [problemAt(definition.files.mapping, ['entity', 'id'], 'duplicate-entity-id', message)];
}
