import type { DuckDBConnection } from '@duckdb/node-api';
import { quantileOfCounts } from '@plexus/stats';
import { quoteIdentifier } from '../duckdb/sql.ts';
import type { ModelAttributeDefinition, ModelEndpointDefinition } from '../model/EntityModel.ts';
import type { AttributeSummary, ManifestAttribute, ManifestEndpoint } from '../snapshot/Manifest.ts';

const finite = (value: unknown): number | undefined => {
  const number = Number(value);
  return value === null || value === undefined || !Number.isFinite(number) ? undefined : number;
};

async function firstRow(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>> {
  return ((await connection.runAndReadAll(sql)).getRowObjectsJS()[0] ?? {}) as Record<string, unknown>;
}

/** Beyond this many distinct values, sorting the column is cheaper than shipping its frequency table. */
const MAX_DISTINCT_FOR_COUNTS = 10_000;

/**
 * Quartiles by R's type-7 rule. A column with few distinct values (ages, scores, counts) is summarised
 * from its frequency table, which is much cheaper than sorting millions of rows; others are sorted.
 */
async function exactQuartiles(
  connection: DuckDBConnection,
  table: string,
  column: string,
): Promise<number[]> {
  const reader = await connection.runAndReadAll(
    `SELECT ${column} AS value, count(*) AS n FROM ${table} WHERE ${column} IS NOT NULL GROUP BY 1 ORDER BY 1 LIMIT ${MAX_DISTINCT_FOR_COUNTS + 1}`,
  );
  const rows = reader.getRowObjectsJS();
  if (rows.length === 0) return [];
  if (rows.length <= MAX_DISTINCT_FOR_COUNTS) {
    const values = rows.map((row) => Number(row.value));
    const counts = rows.map((row) => Number(row.n));
    return [0.25, 0.5, 0.75].map((probability) => quantileOfCounts(values, counts, probability));
  }
  const row = await firstRow(
    connection,
    `SELECT quantile_cont(${column}, [0.25, 0.5, 0.75]) AS q FROM ${table}`,
  );
  return Array.isArray(row.q) ? row.q.map(Number) : [];
}

async function summarizeAttribute(
  connection: DuckDBConnection,
  table: string,
  attribute: ModelAttributeDefinition,
): Promise<{ summary: AttributeSummary; levels?: string[] }> {
  const column = quoteIdentifier(attribute.id);
  const counts = await firstRow(
    connection,
    `SELECT count(${column}) AS count, count(*) - count(${column}) AS missing FROM ${table}`,
  );
  const summary: AttributeSummary = { count: Number(counts.count), missing: Number(counts.missing) };
  switch (attribute.type) {
    case 'integer':
    case 'number': {
      const row = await firstRow(
        connection,
        `SELECT min(${column}) AS min, max(${column}) AS max, avg(${column}) AS mean, stddev_samp(${column}) AS sd FROM ${table}`,
      );
      const quartiles = await exactQuartiles(connection, table, column);
      const assign = (key: 'min' | 'max' | 'mean' | 'sd', value: unknown) => {
        const number = finite(value);
        if (number !== undefined) summary[key] = number;
      };
      assign('min', row.min);
      assign('max', row.max);
      assign('mean', row.mean);
      assign('sd', row.sd);
      if (quartiles.length === 3) summary.quartiles = quartiles as [number, number, number];
      return { summary };
    }
    case 'date': {
      const row = await firstRow(
        connection,
        `SELECT CAST(min(${column}) AS VARCHAR) AS first, CAST(max(${column}) AS VARCHAR) AS last FROM ${table}`,
      );
      if (row.first !== null) summary.first = String(row.first);
      if (row.last !== null) summary.last = String(row.last);
      return { summary };
    }
    case 'text': {
      const row = await firstRow(connection, `SELECT count(DISTINCT ${column}) AS distinct FROM ${table}`);
      summary.distinct = Number(row.distinct);
      return { summary };
    }
    case 'category':
    case 'boolean': {
      const reader = await connection.runAndReadAll(
        `SELECT CAST(${column} AS VARCHAR) AS value, count(*) AS count FROM ${table} WHERE ${column} IS NOT NULL GROUP BY 1 ORDER BY 1`,
      );
      const found = new Map(reader.getRowObjectsJS().map((row) => [String(row.value), Number(row.count)]));
      const declared = attribute.type === 'boolean' ? ['true', 'false'] : (attribute.levels ?? []);
      // Declared levels keep their order (the first is the reference level); levels found only in the data follow.
      const levels = [...declared, ...[...found.keys()].filter((value) => !declared.includes(value))];
      summary.levels = levels.map((value) => ({ value, count: found.get(value) ?? 0 }));
      return { summary, levels };
    }
  }
}

export async function summarizeModel(
  connection: DuckDBConnection,
  table: string,
  attributes: readonly ModelAttributeDefinition[],
  endpoints: readonly ModelEndpointDefinition[],
): Promise<{ attributes: ManifestAttribute[]; endpoints: ManifestEndpoint[] }> {
  const summarizedAttributes: ManifestAttribute[] = [];
  for (const attribute of attributes) {
    const { summary, levels } = await summarizeAttribute(connection, table, attribute);
    summarizedAttributes.push({
      id: attribute.id,
      label: attribute.label,
      type: attribute.type,
      ...(attribute.unit !== undefined ? { unit: attribute.unit } : {}),
      ...(attribute.description !== undefined ? { description: attribute.description } : {}),
      ...(levels ? { levels } : {}),
      summary,
    });
  }
  const summarizedEndpoints: ManifestEndpoint[] = [];
  for (const endpoint of endpoints) {
    const event = quoteIdentifier(endpoint.eventColumn);
    const time = quoteIdentifier(endpoint.timeColumn);
    const row = await firstRow(
      connection,
      `SELECT count(*) FILTER (WHERE ${time} IS NOT NULL AND ${event} IS NOT NULL) AS count, count(*) FILTER (WHERE ${event}) AS events, count(*) FILTER (WHERE NOT ${event}) AS censored, count(*) FILTER (WHERE ${time} IS NULL OR ${event} IS NULL) AS missing FROM ${table}`,
    );
    summarizedEndpoints.push({
      id: endpoint.id,
      label: endpoint.label,
      ...(endpoint.description !== undefined ? { description: endpoint.description } : {}),
      unit: endpoint.unit,
      timeColumn: endpoint.timeColumn,
      eventColumn: endpoint.eventColumn,
      summary: {
        count: Number(row.count),
        events: Number(row.events),
        censored: Number(row.censored),
        missing: Number(row.missing),
      },
    });
  }
  return { attributes: summarizedAttributes, endpoints: summarizedEndpoints };
}
