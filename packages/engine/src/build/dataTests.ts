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
  /** Rows that fail, as (id, value) over the entity table. */
  failingSql: string;
}

function planTest(
  test: DataTest,
  attribute: ModelAttributeDefinition,
  table: string,
  productDir: string,
  mapping: Mapping,
): PlannedTest {
  const column = quoteIdentifier(attribute.id);
  const id = quoteIdentifier(ID_COLUMN);
  const select = `SELECT ${id} AS id, CAST(${column} AS VARCHAR) AS value FROM ${table}`;
  if (test === 'not_null' || (typeof test === 'object' && 'not_null' in test && test.not_null)) {
    const severity =
      typeof test === 'object' && 'not_null' in test ? (test.not_null?.severity ?? 'error') : 'error';
    return { name: 'not_null', severity, failingSql: `${select} WHERE ${column} IS NULL` };
  }
  if (test === 'unique' || (typeof test === 'object' && 'unique' in test && test.unique)) {
    const severity =
      typeof test === 'object' && 'unique' in test ? (test.unique?.severity ?? 'error') : 'error';
    return {
      name: 'unique',
      severity,
      failingSql: `${select} WHERE ${column} IN (SELECT ${column} FROM ${table} WHERE ${column} IS NOT NULL GROUP BY 1 HAVING count(*) > 1)`,
    };
  }
  if (typeof test === 'object' && 'accepted_values' in test) {
    const allowed = `[${test.accepted_values.map((value) => String(value)).join(', ')}]`;
    return {
      name: `accepted_values ${allowed}`,
      severity: test.severity ?? 'error',
      failingSql: `${select} WHERE ${column} IS NOT NULL AND NOT ${valueInListSql(column, test.accepted_values)}`,
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
      failingSql: `${select} WHERE ${bounds.join(' OR ')}`,
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
      failingSql: `${select} WHERE ${column} IS NOT NULL AND CAST(${column} AS VARCHAR) NOT IN (${values} WHERE v IS NOT NULL)`,
    };
  }
  throw new Error(`unknown data test ${JSON.stringify(test)}`);
}

/** Runs every declared data test on the built entity table; failures name test, attribute, count and examples. */
export async function runDataTests(
  connection: DuckDBConnection,
  table: string,
  attributes: readonly ModelAttributeDefinition[],
  context: { productDir: string; mapping: Mapping; mappingFile: YamlFile },
): Promise<{ results: DataTestResult[]; problems: Problem[] }> {
  const results: DataTestResult[] = [];
  const problems: Problem[] = [];
  for (const attribute of attributes) {
    for (const [testIndex, test] of attribute.tests.entries()) {
      const planned = planTest(test, attribute, table, context.productDir, context.mapping);
      const counted = await connection.runAndReadAll(`SELECT count(*) AS n FROM (${planned.failingSql})`);
      const failingRows = Number(counted.getRowObjects()[0]?.n ?? 0);
      let examples: string[] = [];
      if (failingRows > 0) {
        const sample = await connection.runAndReadAll(`${planned.failingSql} ORDER BY id LIMIT ${EXAMPLES}`);
        examples = sample
          .getRowObjects()
          .map((row) => `${String(row.id)} = ${row.value === null ? 'null' : String(row.value)}`);
        const message = `data test ${planned.name} on attribute '${attribute.id}' failed: ${failingRows} offending row${failingRows === 1 ? '' : 's'}, e.g. ${examples.join(', ')}`;
        problems.push(
          problemAt(
            context.mappingFile,
            ['attributes', attribute.index, 'tests', testIndex],
            'data-test-failed',
            message,
            {
              severity: planned.severity === 'warn' ? 'warning' : 'error',
            },
          ),
        );
      }
      results.push({
        test: planned.name,
        attribute: attribute.id,
        severity: planned.severity,
        passed: failingRows === 0,
        failingRows,
        examples,
      });
    }
  }
  return { results, problems };
}
