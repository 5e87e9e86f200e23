import type { DuckDBConnection } from '@duckdb/node-api';
import type { Mapping, Problem } from '@plexus/spec';
import { quoteIdentifier } from '../duckdb/sql.ts';
import { problemAt } from '../load/problemAt.ts';
import { resolveColumnRef } from '../model/columnRefs.ts';
import { valueInListSql } from '../model/valueInListSql.ts';
import type { YamlFile } from '../yaml/YamlFile.ts';
import { fileColumnName, headerLineCount, typedSourceSql } from './sourceSql.ts';

const EXAMPLES = 3;

/**
 * Run after a build failed once every value parsed: finds endpoint event codes that are neither event
 * nor censored values, and negative times, with their line in the source file.
 */
export async function diagnoseEndpoints(
  connection: DuckDBConnection,
  productDir: string,
  mapping: Mapping,
  mappingFile: YamlFile,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const [index, endpoint] of (mapping.endpoints ?? []).entries()) {
    const checks = [
      {
        part: 'event' as const,
        ref: endpoint.event.column,
        bad: (column: string) =>
          `NOT ${valueInListSql(column, [...endpoint.event.eventValues, ...endpoint.event.censoredValues])}`,
        what: `an event (${endpoint.event.eventValues.join(', ')}) or censored (${endpoint.event.censoredValues.join(', ')}) code of endpoint '${endpoint.id}'`,
        fix: 'fix the data or add the code to eventValues or censoredValues',
      },
      {
        part: 'time' as const,
        ref: endpoint.time.column,
        bad: (column: string) => `${column} < 0`,
        what: `a time of endpoint '${endpoint.id}' (times cannot be negative)`,
        fix: 'fix the data, or mark the value missing',
      },
    ];
    for (const check of checks) {
      if (check.ref === undefined) continue;
      const resolved = resolveColumnRef(mapping, check.ref);
      if ('error' in resolved) continue;
      const source = mapping.sources[resolved.sourceId];
      if (!source) continue;
      const column = quoteIdentifier(resolved.columnId);
      const numbered = `(SELECT row_number() OVER () AS row, * FROM (${typedSourceSql(productDir, resolved.sourceId, source, false)}))`;
      const where = `${column} IS NOT NULL AND ${check.bad(column)}`;
      const sample = await connection.runAndReadAll(
        `SELECT row, CAST(${column} AS VARCHAR) AS value, count(*) OVER () AS total FROM ${numbered} WHERE ${where} ORDER BY row LIMIT ${EXAMPLES}`,
      );
      const rows = sample.getRowObjectsJS();
      if (rows.length === 0) continue;
      const total = Number(rows[0]?.total ?? rows.length);
      const header = headerLineCount(source);
      const examples = rows
        .map((row) => `line ${Number(row.row) + header}: '${String(row.value)}'`)
        .join(', ');
      problems.push(
        problemAt(
          mappingFile,
          ['endpoints', index, check.part],
          'type-mismatch',
          `${source.path} column '${fileColumnName(resolved.columnId, resolved.column)}': ${total} value${total === 1 ? '' : 's'} not ${check.what} (${examples}); ${check.fix}`,
        ),
      );
    }
  }
  return problems;
}
