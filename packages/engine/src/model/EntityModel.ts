import type { Attribute, ColumnType, DataTest, Mapping, SourceColumn } from '@plexus/spec';
import { duckDbType } from '../duckdb/duckDbType.ts';
import { quoteIdentifier, quoteLiteral } from '../duckdb/sql.ts';
import { resolveColumnRef } from './columnRefs.ts';
import { declaredLevels } from './declaredLevels.ts';
import { valueInListSql } from './valueInListSql.ts';

export interface ModelAttributeDefinition {
  id: string;
  label: string;
  type: ColumnType;
  unit?: string;
  description?: string;
  /** Declared order of categories (value map order or `levels`); otherwise found at build time. */
  levels?: string[];
  /** SQL over the aliased sources that yields the attribute's value. */
  sql: string;
  tests: DataTest[];
  index: number;
}

export interface ModelEndpointDefinition {
  id: string;
  label: string;
  description?: string;
  unit: string;
  timeSql: string;
  eventSql: string;
  timeColumn: string;
  eventColumn: string;
  index: number;
}

export interface EntityModelDefinition {
  attributes: ModelAttributeDefinition[];
  endpoints: ModelEndpointDefinition[];
}

export const endpointTimeColumn = (endpointId: string): string => `${endpointId}_time`;
export const endpointEventColumn = (endpointId: string): string => `${endpointId}_event`;

function columnSql(mapping: Mapping, ref: string): { sql: string; column: SourceColumn } {
  const resolved = resolveColumnRef(mapping, ref);
  if ('error' in resolved) throw new Error(`unresolved column ${ref}: validate the mapping first`);
  return {
    sql: `${quoteIdentifier(resolved.sourceId)}.${quoteIdentifier(resolved.columnId)}`,
    column: resolved.column,
  };
}

function attributeDefinition(
  mapping: Mapping,
  attribute: Attribute,
  index: number,
): ModelAttributeDefinition {
  const fromColumn = attribute.column !== undefined ? columnSql(mapping, attribute.column) : undefined;
  const type = fromColumn?.column.type ?? attribute.type ?? 'text';
  const sql = fromColumn ? fromColumn.sql : `CAST((${attribute.expression}) AS ${duckDbType(type)})`;
  const levels = declaredLevels(attribute, fromColumn?.column);
  return {
    id: attribute.id,
    label: attribute.label,
    type,
    ...(attribute.unit !== undefined ? { unit: attribute.unit } : {}),
    ...(attribute.description !== undefined ? { description: attribute.description } : {}),
    ...(levels ? { levels } : {}),
    sql,
    tests: attribute.tests ?? [],
    index,
  };
}

/** Resolves a validated mapping into the entity model with the SQL of every column. */
export function resolveEntityModel(mapping: Mapping): EntityModelDefinition {
  const attributes = mapping.attributes.map((attribute, index) =>
    attributeDefinition(mapping, attribute, index),
  );
  const endpoints = (mapping.endpoints ?? []).map((endpoint, index) => {
    const time =
      endpoint.time.column !== undefined
        ? columnSql(mapping, endpoint.time.column).sql
        : `(${endpoint.time.expression})`;
    const event =
      endpoint.event.column !== undefined
        ? columnSql(mapping, endpoint.event.column).sql
        : `(${endpoint.event.expression})`;
    const eventText = `CAST(${event} AS VARCHAR)`;
    const timeValue = `CAST(${time} AS DOUBLE)`;
    return {
      id: endpoint.id,
      label: endpoint.label,
      ...(endpoint.description !== undefined ? { description: endpoint.description } : {}),
      unit: endpoint.time.unit,
      timeSql: `CASE WHEN ${timeValue} < 0 THEN error(${quoteLiteral(`endpoint ${endpoint.id}: negative time `)} || ${timeValue}) ELSE ${timeValue} END`,
      eventSql: `CASE WHEN ${event} IS NULL THEN NULL WHEN ${valueInListSql(event, endpoint.event.eventValues)} THEN true WHEN ${valueInListSql(event, endpoint.event.censoredValues)} THEN false ELSE error(${quoteLiteral(`endpoint ${endpoint.id}: event code `)} || ${eventText} || ' is neither an event nor a censored value') END`,
      timeColumn: endpointTimeColumn(endpoint.id),
      eventColumn: endpointEventColumn(endpoint.id),
      index,
    };
  });
  return { attributes, endpoints };
}
