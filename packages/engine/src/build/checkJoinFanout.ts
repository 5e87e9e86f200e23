import type { DuckDBConnection } from '@duckdb/node-api';
import type { Problem } from '@plexus/spec';
import { quoteIdentifier } from '../duckdb/sql.ts';
import type { ProductDefinition } from '../load/ProductDefinition.ts';
import { problemAt } from '../load/problemAt.ts';
import { typedSourceSql } from './sourceSql.ts';

/** A joined source must have at most one row per key, or it would multiply entities. */
export async function checkJoinFanout(
  connection: DuckDBConnection,
  definition: ProductDefinition,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const [index, join] of (definition.mapping.joins ?? []).entries()) {
    const source = definition.mapping.sources[join.source];
    if (!source) continue;
    const key = quoteIdentifier(join.on.right);
    const reader = await connection
      .runAndReadAll(
        `SELECT CAST(${key} AS VARCHAR) AS key, count(*) AS n FROM (${typedSourceSql(definition.dir, join.source, source, false)}) WHERE ${key} IS NOT NULL GROUP BY 1 HAVING count(*) > 1 ORDER BY 1 LIMIT 5`,
      )
      .catch(() => undefined);
    const rows = reader?.getRowObjectsJS() ?? [];
    if (rows.length > 0) {
      const examples = rows.map((row) => `${String(row.key)} (${Number(row.n)} rows)`).join(', ');
      problems.push(
        problemAt(
          definition.files.mapping,
          ['joins', index],
          'join-fanout',
          `source '${join.source}' has more than one row per '${join.on.right}', e.g. ${examples}; aggregate it first or model it as a modality`,
        ),
      );
    }
  }
  return problems;
}
