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

/** Summary of a numeric sample given as its frequency table (values ascending): exact, in one pass each. */
function summaryOfCounts(values: number[], counts: number[], missing: number): AttributeSummary {
  const n = counts.reduce((sum, count) => sum + count, 0);
  const summary: AttributeSummary = { count: n, missing };
  if (n === 0) return summary;
  const mean = values.reduce((sum, value, index) => sum + value * (counts[index] ?? 0), 0) / n;
  // Two passes (mean, then squared deviations) as R's var() does, rather than the cancelling Σx² − n·mean².
  const squares = values.reduce((sum, value, index) => sum + (counts[index] ?? 0) * (value - mean) ** 2, 0);
  summary.min = values[0] as number;
  summary.max = values[values.length - 1] as number;
  summary.mean = mean;
  if (n > 1) summary.sd = Math.sqrt(squares / (n - 1));
  summary.quartiles = [0.25, 0.5, 0.75].map((probability) =>
    quantileOfCounts(values, counts, probability),
  ) as [number, number, number];
  return summary;
}

/**
 * Count, missing, min, max, mean, SD and R type-7 quartiles of a numeric attribute. A column with few
 * distinct values (ages, scores) is summarised from its frequency table — one cheap scan instead of a
 * sort of millions of rows; others are aggregated and sorted by DuckDB.
 */
async function numericSummary(
  connection: DuckDBConnection,
  table: string,
  column: string,
  rows: number,
): Promise<AttributeSummary> {
  const summary = await numericMoments(connection, table, column, rows);
  if (summary.min !== undefined && summary.max !== undefined)
    summary.histogram = await histogram(connection, table, column, summary.min, summary.max);
  return summary;
}

const HISTOGRAM_BINS = 20;

/** Counts in equal-width bins between min and max (the last bin includes max), for facet charts. */
async function histogram(
  connection: DuckDBConnection,
  table: string,
  column: string,
  min: number,
  max: number,
): Promise<{ edges: number[]; counts: number[] }> {
  const bins = max > min ? HISTOGRAM_BINS : 1;
  const width = max > min ? (max - min) / bins : 1;
  const reader = await connection.runAndReadAll(
    `SELECT least(CAST(floor((CAST(${column} AS DOUBLE) - ${min}) / ${width}) AS INTEGER), ${bins - 1}) AS bin, count(*) AS n FROM ${table} WHERE ${column} IS NOT NULL GROUP BY 1`,
  );
  const counts = new Array<number>(bins).fill(0);
  for (const row of reader.getRowObjectsJS()) counts[Number(row.bin)] = Number(row.n);
  const edges = Array.from({ length: bins + 1 }, (_, index) => (index === bins ? max : min + index * width));
  return { edges, counts };
}

async function numericMoments(
  connection: DuckDBConnection,
  table: string,
  column: string,
  rows: number,
): Promise<AttributeSummary> {
  const reader = await connection.runAndReadAll(
    `SELECT ${column} AS value, count(*) AS n FROM ${table} WHERE ${column} IS NOT NULL GROUP BY 1 ORDER BY 1 LIMIT ${MAX_DISTINCT_FOR_COUNTS + 1}`,
  );
  const frequencies = reader.getRowObjectsJS();
  if (frequencies.length <= MAX_DISTINCT_FOR_COUNTS) {
    const values = frequencies.map((row) => Number(row.value));
    const counts = frequencies.map((row) => Number(row.n));
    return summaryOfCounts(values, counts, rows - counts.reduce((sum, count) => sum + count, 0));
  }
  const row = await firstRow(
    connection,
    `SELECT count(${column}) AS count, count(*) - count(${column}) AS missing, min(${column}) AS min, max(${column}) AS max, avg(${column}) AS mean, stddev_samp(${column}) AS sd, quantile_cont(${column}, [0.25, 0.5, 0.75]) AS q FROM ${table}`,
  );
  const summary: AttributeSummary = { count: Number(row.count), missing: Number(row.missing) };
  for (const key of ['min', 'max', 'mean', 'sd'] as const) {
    const value = finite(row[key]);
    if (value !== undefined) summary[key] = value;
  }
  if (Array.isArray(row.q) && row.q.length === 3)
    summary.quartiles = row.q.map(Number) as [number, number, number];
  return summary;
}

async function summarizeAttribute(
  connection: DuckDBConnection,
  table: string,
  attribute: ModelAttributeDefinition,
  rows: number,
  categoryCounts?: Map<string, Array<[string | null, number]>>,
): Promise<{ summary: AttributeSummary; levels?: string[] }> {
  const column = quoteIdentifier(attribute.id);
  switch (attribute.type) {
    case 'integer':
    case 'number':
      return { summary: await numericSummary(connection, table, column, rows) };
    case 'date': {
      const row = await firstRow(
        connection,
        `SELECT count(${column}) AS count, count(*) - count(${column}) AS missing, CAST(min(${column}) AS VARCHAR) AS first, CAST(max(${column}) AS VARCHAR) AS last FROM ${table}`,
      );
      const summary: AttributeSummary = { count: Number(row.count), missing: Number(row.missing) };
      if (row.first !== null) summary.first = String(row.first);
      if (row.last !== null) summary.last = String(row.last);
      return { summary };
    }
    case 'text': {
      const row = await firstRow(
        connection,
        `SELECT count(${column}) AS count, count(*) - count(${column}) AS missing, count(DISTINCT ${column}) AS distinct FROM ${table}`,
      );
      return {
        summary: { count: Number(row.count), missing: Number(row.missing), distinct: Number(row.distinct) },
      };
    }
    case 'category':
    case 'boolean': {
      const groups = categoryCounts?.get(attribute.id) ?? [];
      // The NULL group counts the missing values.
      const missing = groups.find(([value]) => value === null)?.[1] ?? 0;
      const found = new Map(groups.filter(([value]) => value !== null) as Array<[string, number]>);
      const summary: AttributeSummary = { count: rows - missing, missing };
      const declared = attribute.type === 'boolean' ? ['true', 'false'] : (attribute.levels ?? []);
      // Declared levels keep their order (the first is the reference level); levels found only in the data follow.
      const extra = [...found.keys()].filter((value) => !declared.includes(value)).sort();
      const levels = [...declared, ...extra];
      summary.levels = levels.map((value) => ({ value, count: found.get(value) ?? 0 }));
      return { summary, levels };
    }
  }
}

/**
 * Counts per level of every category and boolean attribute in one scan (GROUPING SETS), with the
 * NULL group as the missing count; `grouping()` tells a missing value from "not this attribute".
 */
async function categoryCounts(
  connection: DuckDBConnection,
  table: string,
  attributes: readonly ModelAttributeDefinition[],
): Promise<Map<string, Array<[string | null, number]>>> {
  const counts = new Map<string, Array<[string | null, number]>>(
    attributes.map((attribute) => [attribute.id, []]),
  );
  if (attributes.length === 0) return counts;
  const columns = attributes.map((attribute) => quoteIdentifier(attribute.id));
  const reader = await connection.runAndReadAll(
    `SELECT ${columns.map((column, index) => `CAST(${column} AS VARCHAR) AS v${index}, grouping(${column}) AS g${index}`).join(', ')}, count(*) AS n FROM ${table} GROUP BY GROUPING SETS (${columns.map((column) => `(${column})`).join(', ')})`,
  );
  for (const row of reader.getRowObjectsJS()) {
    const index = attributes.findIndex((_attribute, position) => Number(row[`g${position}`]) === 0);
    const attribute = attributes[index];
    if (!attribute) continue;
    const value = row[`v${index}`];
    counts
      .get(attribute.id)
      ?.push([value === null || value === undefined ? null : String(value), Number(row.n)]);
  }
  return counts;
}

export async function summarizeModel(
  connection: DuckDBConnection,
  table: string,
  attributes: readonly ModelAttributeDefinition[],
  endpoints: readonly ModelEndpointDefinition[],
  rows: number,
): Promise<{ attributes: ManifestAttribute[]; endpoints: ManifestEndpoint[] }> {
  const summarizedAttributes: ManifestAttribute[] = [];
  const categories = await categoryCounts(
    connection,
    table,
    attributes.filter((attribute) => attribute.type === 'category' || attribute.type === 'boolean'),
  );
  for (const attribute of attributes) {
    const { summary, levels } = await summarizeAttribute(connection, table, attribute, rows, categories);
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
