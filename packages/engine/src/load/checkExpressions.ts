import type { DuckDBConnection } from '@duckdb/node-api';
import type { Mapping, Problem } from '@plexus/spec';
import { duckDbType } from '../duckdb/duckDbType.ts';
import { duckDbMessage } from '../duckdb/openDuckDb.ts';
import { quoteIdentifier } from '../duckdb/sql.ts';
import { modalityFields, modalityScope } from '../modalities/modalityScope.ts';
import { sourcesInScope } from '../model/columnRefs.ts';
import type { DocumentPath, YamlFile } from '../yaml/YamlFile.ts';
import { problemAt } from './problemAt.ts';

/** An extra column in every probe table: referencing it next to an aggregate makes DuckDB reject the aggregate. */
const PROBE_COLUMN = '__plexus_probe';

interface ExpressionSite {
  path: DocumentPath;
  expression: string;
  /** The sources whose columns the expression may use. */
  scope: string[];
}

function expressionSites(mapping: Mapping): ExpressionSite[] {
  const sites: ExpressionSite[] = [];
  const entityScope = sourcesInScope(mapping).filter((id) => mapping.sources[id]);
  mapping.attributes.forEach((attribute, index) => {
    if (attribute.expression !== undefined)
      sites.push({
        path: ['attributes', index, 'expression'],
        expression: attribute.expression,
        scope: entityScope,
      });
  });
  (mapping.endpoints ?? []).forEach((endpoint, index) => {
    for (const part of ['time', 'event'] as const) {
      const expression = endpoint[part].expression;
      if (expression !== undefined)
        sites.push({ path: ['endpoints', index, part, 'expression'], expression, scope: entityScope });
    }
  });
  (mapping.modalities ?? []).forEach((modality, index) => {
    const scope = modalityScope(modality);
    if (!scope) return;
    const sources = [scope.source, ...scope.joins.map((join) => join.source)].filter(
      (id) => mapping.sources[id],
    );
    if (sources.length === 0) return;
    for (const { path, field } of modalityFields(modality)) {
      if (typeof field !== 'string')
        sites.push({
          path: ['modalities', index, ...path, 'expression'],
          expression: field.expression,
          scope: sources,
        });
    }
    if (modality.kind === 'events' && modality.where !== undefined)
      sites.push({ path: ['modalities', index, 'where'], expression: modality.where, scope: sources });
  });
  return sites;
}

/** Walks DuckDB's parse tree (json_serialize_sql) for constructs that do not belong in a row expression. */
function forbiddenConstruct(node: unknown): string | undefined {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = forbiddenConstruct(child);
      if (found) return found;
    }
    return undefined;
  }
  if (node === null || typeof node !== 'object') return undefined;
  const record = node as Record<string, unknown>;
  if (record.class === 'SUBQUERY') return 'a subquery';
  if (record.class === 'WINDOW') return 'a window function';
  for (const value of Object.values(record)) {
    const found = forbiddenConstruct(value);
    if (found) return found;
  }
  return undefined;
}

async function parseProblem(connection: DuckDBConnection, expression: string): Promise<string | undefined> {
  const reader = await connection.runAndReadAll('SELECT json_serialize_sql(CAST($1 AS VARCHAR)) AS tree', [
    `SELECT ${expression}`,
  ]);
  const tree = JSON.parse(String(reader.getRowObjects()[0]?.tree)) as {
    error: boolean;
    error_message?: string;
    statements?: Array<{ node: Record<string, unknown> }>;
  };
  if (tree.error) {
    return /Only SELECT/.test(tree.error_message ?? '')
      ? 'must be one SQL expression, not a statement'
      : `is not a valid SQL expression: ${tree.error_message}`;
  }
  const node = tree.statements?.[0]?.node;
  if (!node || (tree.statements?.length ?? 0) !== 1)
    return 'must be one SQL expression, not several statements';
  const from = node.from_table as { type?: string } | undefined;
  const selectList = node.select_list as unknown[] | undefined;
  if (
    (from && from.type !== 'EMPTY') ||
    selectList?.length !== 1 ||
    node.where_clause ||
    (node.modifiers as unknown[])?.length
  ) {
    return 'must be one SQL expression (no SELECT, FROM, WHERE or commas at the top level)';
  }
  const forbidden = forbiddenConstruct(node);
  return forbidden
    ? `may not contain ${forbidden}: it must compute one value per row from that row's columns`
    : undefined;
}

/**
 * Checks derived expressions without reading data: each must parse as a single expression, and bind
 * against empty tables shaped like the declared sources (so unknown columns and type errors show).
 */
export async function checkExpressions(
  mapping: Mapping,
  file: YamlFile,
  connection: DuckDBConnection,
): Promise<Problem[]> {
  const sites = expressionSites(mapping);
  if (sites.length === 0) return [];
  for (const sourceId of Object.keys(mapping.sources)) {
    const columns = Object.entries(mapping.sources[sourceId]?.columns ?? {}).map(
      ([columnId, column]) => `${quoteIdentifier(columnId)} ${duckDbType(column.type)}`,
    );
    await connection.run(
      `CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(sourceId)} (${[...columns, `${PROBE_COLUMN} INTEGER`].join(', ')})`,
    );
  }
  const problems: Problem[] = [];
  for (const site of sites) {
    if (site.scope.length === 0) continue;
    const [first, ...rest] = site.scope.map(quoteIdentifier);
    const from = [first, ...rest.map((name) => `POSITIONAL JOIN ${name}`)].join(' ');
    const parse = await parseProblem(connection, site.expression);
    if (parse) {
      problems.push(problemAt(file, site.path, 'bad-expression', `expression ${parse}`));
      continue;
    }
    try {
      await connection.run(
        `SELECT (${site.expression}) AS value, ${first}.${PROBE_COLUMN} FROM ${from} LIMIT 0`,
      );
    } catch (error) {
      const message = duckDbMessage(error);
      const text = /GROUP BY/.test(message)
        ? 'expression may not aggregate over rows (avg, count, ...): it must compute one value per row'
        : `expression does not bind to the source columns: ${message}`;
      problems.push(problemAt(file, site.path, 'bad-expression', text));
    }
  }
  return problems;
}
