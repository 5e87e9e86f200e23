import type { Mapping } from '@plexus/spec';
import { quoteIdentifier, quoteLiteral } from '../duckdb/sql.ts';
import type { EntityModelDefinition } from '../model/EntityModel.ts';
import { ROW_COLUMN, typedSourceSql } from './sourceSql.ts';

export const ENTITY_TABLE = 'entities';
export const ID_COLUMN = 'id';

function idSql(mapping: Mapping): string {
  const entity = quoteIdentifier(mapping.entity.source);
  const { column, rowNumber } = mapping.entity.id;
  if (column !== undefined) return `CAST(${entity}.${quoteIdentifier(column)} AS VARCHAR)`;
  const prefix = rowNumber?.prefix ?? '';
  const width = rowNumber?.width ?? 1;
  return `printf(${quoteLiteral(`${prefix.replace(/%/g, '%%')}%0${width}d`)}, ${entity}.${ROW_COLUMN})`;
}

/**
 * The SELECT that yields one row per entity: id, attributes, endpoint time/event pairs, in the entity
 * source's file order (so that rebuilding the same inputs writes the same bytes).
 */
export function entitySql(productDir: string, mapping: Mapping, model: EntityModelDefinition): string {
  const entityId = mapping.entity.source;
  const entitySource = mapping.sources[entityId];
  if (!entitySource) throw new Error(`entity source ${entityId} is not declared: validate the mapping first`);
  const columns = [
    `${idSql(mapping)} AS ${quoteIdentifier(ID_COLUMN)}`,
    ...model.attributes.map((attribute) => `${attribute.sql} AS ${quoteIdentifier(attribute.id)}`),
    ...model.endpoints.flatMap((endpoint) => [
      `${endpoint.timeSql} AS ${quoteIdentifier(endpoint.timeColumn)}`,
      `${endpoint.eventSql} AS ${quoteIdentifier(endpoint.eventColumn)}`,
    ]),
  ];
  // File order is needed for row-number ids, and to undo the reordering a join may cause.
  const needsRowNumber = mapping.entity.id.rowNumber !== undefined || (mapping.joins ?? []).length > 0;
  const joins = (mapping.joins ?? []).map((join) => {
    const source = mapping.sources[join.source];
    if (!source) throw new Error(`joined source ${join.source} is not declared: validate the mapping first`);
    const alias = quoteIdentifier(join.source);
    return `LEFT JOIN (${typedSourceSql(productDir, join.source, source, false)}) AS ${alias} ON ${quoteIdentifier(entityId)}.${quoteIdentifier(join.on.left)} = ${alias}.${quoteIdentifier(join.on.right)}`;
  });
  return [
    `SELECT ${columns.join(', ')}`,
    `FROM (${typedSourceSql(productDir, entityId, entitySource, needsRowNumber)}) AS ${quoteIdentifier(entityId)}`,
    ...joins,
    // A join may reorder rows; without one DuckDB keeps file order and a sort would only cost time.
    ...(joins.length > 0 ? [`ORDER BY ${quoteIdentifier(entityId)}.${ROW_COLUMN}`] : []),
  ].join('\n');
}
