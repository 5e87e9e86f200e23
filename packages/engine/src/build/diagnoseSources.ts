import type { DuckDBConnection } from '@duckdb/node-api';
import type { Mapping, Problem } from '@plexus/spec';
import { quoteIdentifier } from '../duckdb/sql.ts';
import { problemAt } from '../load/problemAt.ts';
import type { YamlFile } from '../yaml/YamlFile.ts';
import { fileColumnName, headerLineCount, readSourceSql, validValueSql } from './sourceSql.ts';

const EXAMPLES = 3;

/**
 * Run after a build query failed on a value: finds, for every declared column, the values that do not
 * parse as the declared type (or are missing from the value map), with their line numbers.
 */
export async function diagnoseSources(
  connection: DuckDBConnection,
  productDir: string,
  mapping: Mapping,
  mappingFile: YamlFile,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const [sourceId, source] of Object.entries(mapping.sources)) {
    const header = headerLineCount(source);
    const checks = Object.entries(source.columns).map(([columnId, column]) => {
      const raw = quoteIdentifier(fileColumnName(columnId, column));
      return { columnId, column, raw, bad: `${raw} IS NOT NULL AND NOT (${validValueSql(raw, column)})` };
    });
    const numbered = `(SELECT row_number() OVER () AS row, * FROM ${readSourceSql(productDir, source)})`;
    const counts = await connection.runAndReadAll(
      `SELECT ${checks.map((check, index) => `count(*) FILTER (WHERE ${check.bad}) AS c${index}`).join(', ')} FROM ${numbered}`,
    );
    const countRow = counts.getRowObjectsJS()[0] ?? {};
    for (const [index, check] of checks.entries()) {
      const bad = Number(countRow[`c${index}`] ?? 0);
      if (bad === 0) continue;
      const sample = await connection.runAndReadAll(
        `SELECT row, CAST(${check.raw} AS VARCHAR) AS value FROM ${numbered} WHERE ${check.bad} ORDER BY row LIMIT ${EXAMPLES}`,
      );
      const examples = sample
        .getRowObjectsJS()
        .map((row) => `line ${Number(row.row) + header}: '${String(row.value)}'`)
        .join(', ');
      const expected = check.column.values
        ? `one of the value map codes ${Object.keys(check.column.values).join(', ')}`
        : `${check.column.type === 'integer' ? 'an' : 'a'} ${check.column.type}${check.column.format ? ` in format ${check.column.format}` : ''}`;
      problems.push(
        problemAt(
          mappingFile,
          ['sources', sourceId, 'columns', check.columnId],
          'type-mismatch',
          `${source.path} column '${fileColumnName(check.columnId, check.column)}': ${bad} value${bad === 1 ? '' : 's'} not ${expected} (${examples}); ${check.column.values ? 'fix the data, add the code to the value map, or add the token to nullValues' : 'fix the data, add the token to nullValues, or change the declared type'}`,
          { atKey: true },
        ),
      );
    }
  }
  return problems;
}
