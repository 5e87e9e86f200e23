import type { DuckDBConnection } from '@duckdb/node-api';
import { quantileOfCounts } from '@plexus/stats';
import { quoteIdentifier } from '../duckdb/sql.ts';
import type { ModelAttributeDefinition, ModelEndpointDefinition } from '../model/EntityModel.ts';
import type { AttributeSummary, ManifestAttribute, ManifestEndpoint } from '../snapshot/Manifest.ts';

/** Beyond this many distinct values, sorting a column is cheaper than shipping its frequency table. */
const MAX_DISTINCT_FOR_COUNTS = 10_000;
const QUARTILES = [0.25, 0.5, 0.75];

const finite = (value: unknown): number | undefined => {
  const number = Number(value);
  return value === null || value === undefined || !Number.isFinite(number) ? undefined : number;
};

/** A DuckDB MAP (as the JS API returns it) as [key, count] pairs. */
function mapEntries(value: unknown): Array<[string, number]> {
  if (Array.isArray(value)) {
    return value.map((entry) => {
      const { key, value: count } = entry as { key: unknown; value: unknown };
      return [String(key), Number(count)];
    });
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).map(([key, count]) => [key, Number(count)]);
  }
  return [];
}

/**
 * Aggregates (alias → SQL) summarising every attribute and endpoint. They are computed in the same
 * scan as the data tests, so that summaries cost no extra pass over the entity table.
 */
export function summaryAggregates(
  attributes: readonly ModelAttributeDefinition[],
  endpoints: readonly ModelEndpointDefinition[],
): Record<string, string> {
  const aggregates: Record<string, string> = {};
  attributes.forEach((attribute, index) => {
    const column = quoteIdentifier(attribute.id);
    const alias = `a${index}`;
    aggregates[`${alias}_count`] = `count(${column})`;
    aggregates[`${alias}_missing`] = `count(*) - count(${column})`;
    if (attribute.type === 'integer' || attribute.type === 'number') {
      aggregates[`${alias}_min`] = `min(${column})`;
      aggregates[`${alias}_max`] = `max(${column})`;
      aggregates[`${alias}_mean`] = `avg(${column})`;
      aggregates[`${alias}_sd`] = `stddev_samp(${column})`;
      aggregates[`${alias}_distinct`] = `approx_count_distinct(${column})`;
    } else if (attribute.type === 'date') {
      aggregates[`${alias}_first`] = `CAST(min(${column}) AS VARCHAR)`;
      aggregates[`${alias}_last`] = `CAST(max(${column}) AS VARCHAR)`;
    } else if (attribute.type === 'text') {
      aggregates[`${alias}_distinct`] = `count(DISTINCT ${column})`;
    } else {
      aggregates[`${alias}_levels`] = `histogram(CAST(${column} AS VARCHAR))`;
    }
  });
  endpoints.forEach((endpoint, index) => {
    const time = quoteIdentifier(endpoint.timeColumn);
    const event = quoteIdentifier(endpoint.eventColumn);
    aggregates[`e${index}_count`] = `count(*) FILTER (WHERE ${time} IS NOT NULL AND ${event} IS NOT NULL)`;
    aggregates[`e${index}_events`] = `count(*) FILTER (WHERE ${event})`;
    aggregates[`e${index}_censored`] = `count(*) FILTER (WHERE NOT ${event})`;
    aggregates[`e${index}_missing`] = `count(*) FILTER (WHERE ${time} IS NULL OR ${event} IS NULL)`;
  });
  return aggregates;
}

/**
 * Quartiles by R's type-7 rule, for all numeric attributes in one more scan: columns with few
 * distinct values (ages, scores) from their frequency table, which avoids sorting millions of rows;
 * the others by sorting. Both ways are exact.
 */
async function quartilesOf(
  connection: DuckDBConnection,
  table: string,
  numeric: Array<{ attribute: ModelAttributeDefinition; distinct: number }>,
): Promise<Map<string, number[]>> {
  const quartiles = new Map<string, number[]>();
  if (numeric.length === 0) return quartiles;
  const selections = numeric.map(({ attribute, distinct }, index) => {
    const column = quoteIdentifier(attribute.id);
    return distinct <= MAX_DISTINCT_FOR_COUNTS
      ? `histogram(${column}) AS h${index}`
      : `quantile_cont(${column}, [${QUARTILES.join(', ')}]) AS q${index}`;
  });
  const row =
    (await connection.runAndReadAll(`SELECT ${selections.join(', ')} FROM ${table}`)).getRowObjectsJS()[0] ??
    {};
  numeric.forEach(({ attribute }, index) => {
    const sorted = row[`q${index}`];
    if (Array.isArray(sorted)) {
      quartiles.set(attribute.id, sorted.map(Number));
      return;
    }
    const table = mapEntries(row[`h${index}`])
      .map(([value, count]) => [Number(value), count] as const)
      .sort((a, b) => a[0] - b[0]);
    if (table.length === 0) return;
    const values = table.map(([value]) => value);
    const counts = table.map(([, count]) => count);
    quartiles.set(
      attribute.id,
      QUARTILES.map((probability) => quantileOfCounts(values, counts, probability)),
    );
  });
  return quartiles;
}

/** The model with summary statistics, from the aggregates of the data-test scan plus one quartile scan. */
export async function summarizeModel(
  connection: DuckDBConnection,
  table: string,
  attributes: readonly ModelAttributeDefinition[],
  endpoints: readonly ModelEndpointDefinition[],
  aggregates: Record<string, unknown>,
): Promise<{ attributes: ManifestAttribute[]; endpoints: ManifestEndpoint[] }> {
  const numeric = attributes
    .map((attribute, index) => ({
      attribute,
      distinct: Number(aggregates[`a${index}_distinct`] ?? 0),
      index,
    }))
    .filter(
      ({ attribute, index }) =>
        (attribute.type === 'integer' || attribute.type === 'number') &&
        Number(aggregates[`a${index}_count`]) > 0,
    );
  const quartiles = await quartilesOf(connection, table, numeric);
  const summarized = attributes.map((attribute, index): ManifestAttribute => {
    const get = (key: string) => aggregates[`a${index}_${key}`];
    const summary: AttributeSummary = {
      count: Number(get('count') ?? 0),
      missing: Number(get('missing') ?? 0),
    };
    let levels: string[] | undefined;
    if (attribute.type === 'integer' || attribute.type === 'number') {
      for (const key of ['min', 'max', 'mean', 'sd'] as const) {
        const value = finite(get(key));
        if (value !== undefined) summary[key] = value;
      }
      const found = quartiles.get(attribute.id);
      if (found?.length === 3) summary.quartiles = found as [number, number, number];
    } else if (attribute.type === 'date') {
      if (get('first') !== null && get('first') !== undefined) summary.first = String(get('first'));
      if (get('last') !== null && get('last') !== undefined) summary.last = String(get('last'));
    } else if (attribute.type === 'text') {
      summary.distinct = Number(get('distinct') ?? 0);
    } else {
      const found = new Map(mapEntries(get('levels')).filter(([value]) => value !== 'null'));
      const declared = attribute.type === 'boolean' ? ['true', 'false'] : (attribute.levels ?? []);
      // Declared levels keep their order (the first is the reference level); levels found only in the data follow, sorted.
      const extra = [...found.keys()].filter((value) => !declared.includes(value)).sort();
      levels = [...declared, ...extra];
      summary.levels = levels.map((value) => ({ value, count: found.get(value) ?? 0 }));
    }
    return {
      id: attribute.id,
      label: attribute.label,
      type: attribute.type,
      ...(attribute.unit !== undefined ? { unit: attribute.unit } : {}),
      ...(attribute.description !== undefined ? { description: attribute.description } : {}),
      ...(levels ? { levels } : {}),
      summary,
    };
  });
  const summarizedEndpoints = endpoints.map(
    (endpoint, index): ManifestEndpoint => ({
      id: endpoint.id,
      label: endpoint.label,
      ...(endpoint.description !== undefined ? { description: endpoint.description } : {}),
      unit: endpoint.unit,
      timeColumn: endpoint.timeColumn,
      eventColumn: endpoint.eventColumn,
      summary: {
        count: Number(aggregates[`e${index}_count`] ?? 0),
        events: Number(aggregates[`e${index}_events`] ?? 0),
        censored: Number(aggregates[`e${index}_censored`] ?? 0),
        missing: Number(aggregates[`e${index}_missing`] ?? 0),
      },
    }),
  );
  return { attributes: summarized, endpoints: summarizedEndpoints };
}
