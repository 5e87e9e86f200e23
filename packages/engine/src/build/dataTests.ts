import type { DuckDBConnection } from '@duckdb/node-api';
import type { DataTest, Mapping, Problem } from '@plexus/spec';
import { quoteIdentifier } from '../duckdb/sql.ts';
import { problemAt } from '../load/problemAt.ts';
import type { ModelAttributeDefinition } from '../model/EntityModel.ts';
import { valueInListSql } from '../model/valueInListSql.ts';
import type { DataTestResult } from '../snapshot/Manifest.ts';
import type { YamlFile } from '../yaml/YamlFile.ts';
import { ID_COLUMN } from './entitySql.ts';
import { typedSourceSql } from './sourceSql.ts';

const EXAMPLES = 5;

interface PlannedTest {
  name: string;
  severity: 'error' | 'warn';
  /** True for the rows of the entity table that fail the test. */
  condition: string;
}

function planTest(
  test: DataTest,
  attribute: ModelAttributeDefinition,
  table: string,
  productDir: string,
  mapping: Mapping,
): PlannedTest {
  const column = quoteIdentifier(attribute.id);
  if (test === 'not_null' || (typeof test === 'object' && 'not_null' in test && test.not_null)) {
    const severity =
      typeof test === 'object' && 'not_null' in test ? (test.not_null?.severity ?? 'error') : 'error';
    return { name: 'not_null', severity, condition: `${column} IS NULL` };
  }
  if (test === 'unique' || (typeof test === 'object' && 'unique' in test && test.unique)) {
    const severity =
      typeof test === 'object' && 'unique' in test ? (test.unique?.severity ?? 'error') : 'error';
    return {
      name: 'unique',
      severity,
      condition: `${column} IN (SELECT ${column} FROM ${table} WHERE ${column} IS NOT NULL GROUP BY 1 HAVING count(*) > 1)`,
    };
  }
  if (typeof test === 'object' && 'accepted_values' in test) {
    const allowed = `[${test.accepted_values.map((value) => String(value)).join(', ')}]`;
    return {
      name: `accepted_values ${allowed}`,
      severity: test.severity ?? 'error',
      condition: `${column} IS NOT NULL AND NOT ${valueInListSql(column, test.accepted_values)}`,
    };
  }
  if (typeof test === 'object' && 'range' in test) {
    const bounds = [
      test.range.min !== undefined ? `${column} < ${Number(test.range.min)}` : undefined,
      test.range.max !== undefined ? `${column} > ${Number(test.range.max)}` : undefined,
    ].filter((bound) => bound !== undefined);
    return {
      name: `range [${test.range.min ?? '-inf'}, ${test.range.max ?? 'inf'}]`,
      severity: test.severity ?? 'error',
      condition: `${bounds.join(' OR ')}`,
    };
  }
  if (typeof test === 'object' && 'relationships' in test) {
    const { source: sourceId, column: target } = test.relationships;
    const source = mapping.sources[sourceId];
    if (!source) throw new Error(`relationships test names unknown source ${sourceId}: validate first`);
    const values = `SELECT CAST(${quoteIdentifier(target)} AS VARCHAR) AS v FROM (${typedSourceSql(productDir, sourceId, source, false)})`;
    return {
      name: `relationships ${sourceId}.${target}`,
      severity: test.severity ?? 'error',
      condition: `${column} IS NOT NULL AND CAST(${column} AS VARCHAR) NOT IN (${values} WHERE v IS NOT NULL)`,
    };
  }
  throw new Error(`unknown data test ${JSON.stringify(test)}`);
}

/**
 * Runs every declared data test on the built entity table — counting all of them in one scan, then
 * fetching examples for those that failed. Failures name test, attribute, count and examples.
 */
export async function runDataTests(
  connection: DuckDBConnection,
  table: string,
  attributes: readonly ModelAttributeDefinition[],
  context: { productDir: string; mapping: Mapping; mappingFile: YamlFile },
  /** More aggregates (alias → SQL) to compute in the same scan; their values come back in `aggregates`. */
  extra: Record<string, string> = {},
): Promise<{ results: DataTestResult[]; problems: Problem[]; aggregates: Record<string, number> }> {
  const planned = attributes.flatMap((attribute) =>
    attribute.tests.map((test, testIndex) => ({
      attribute,
      testIndex,
      ...planTest(test, attribute, table, context.productDir, context.mapping),
    })),
  );
  const selections = [
    ...planned.map((test, index) => `count(*) FILTER (WHERE ${test.condition}) AS t${index}`),
    ...Object.entries(extra).map(([alias, sql]) => `${sql} AS ${quoteIdentifier(alias)}`),
  ];
  const counts = await connection.runAndReadAll(`SELECT ${selections.join(', ')} FROM ${table}`);
  const counted = counts.getRowObjectsJS()[0] ?? {};
  const aggregates = Object.fromEntries(
    Object.keys(extra).map((alias) => [alias, Number(counted[alias] ?? 0)]),
  );
  const results: DataTestResult[] = [];
  const problems: Problem[] = [];
  for (const [index, test] of planned.entries()) {
    const failingRows = Number(counted[`t${index}`] ?? 0);
    let examples: string[] = [];
    if (failingRows > 0) {
      const column = quoteIdentifier(test.attribute.id);
      const sample = await connection.runAndReadAll(
        `SELECT ${quoteIdentifier(ID_COLUMN)} AS id, CAST(${column} AS VARCHAR) AS value FROM ${table} WHERE ${test.condition} ORDER BY id LIMIT ${EXAMPLES}`,
      );
      examples = sample
        .getRowObjectsJS()
        .map((row) => `${String(row.id)} = ${row.value === null ? 'null' : String(row.value)}`);
      const message = `data test ${test.name} on attribute '${test.attribute.id}' failed: ${failingRows} offending row${failingRows === 1 ? '' : 's'}, e.g. ${examples.join(', ')}`;
      problems.push(
        problemAt(
          context.mappingFile,
          ['attributes', test.attribute.index, 'tests', test.testIndex],
          'data-test-failed',
          message,
          {
            severity: test.severity === 'warn' ? 'warning' : 'error',
          },
        ),
      );
    }
    results.push({
      test: test.name,
      attribute: test.attribute.id,
      severity: test.severity,
      passed: failingRows === 0,
      failingRows,
      examples,
    });
  }
  return { results, problems, aggregates };
}
