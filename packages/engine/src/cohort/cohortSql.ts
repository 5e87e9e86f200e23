import { ENTITY_TABLE, ID_COLUMN } from '../build/entitySql.ts';
import { quoteIdentifier } from '../duckdb/sql.ts';
import { eventsTable, matrixTable, positionsTable, variantsTable } from '../modalities/ModalityBuild.ts';
import type { EventFilter, NumberTest, ResolvedAnchor, ResolvedNode } from './CohortTree.ts';

/** The alias of the entity table in every query a cohort condition goes into. */
export const ENTITY_ALIAS = 'entity';

export type SqlValue = string | number | boolean;

const COMPARE: Record<string, string> = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' };
const q = quoteIdentifier;

/** Collects bound parameters; numbers travel as text cast to DOUBLE (a JS number like 1e308 would be taken for an int64). */
export class ParameterList {
  readonly values: SqlValue[];

  /** Starts after parameters already bound, e.g. a cohort's, so that both can share one statement. */
  constructor(before: readonly SqlValue[] = []) {
    this.values = [...before];
  }

  text(value: string): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  number(value: number): string {
    this.values.push(String(value));
    return `CAST($${this.values.length} AS DOUBLE)`;
  }

  boolean(value: boolean): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  date(value: string): string {
    this.values.push(value);
    return `CAST($${this.values.length} AS DATE)`;
  }

  textList(values: readonly string[]): string {
    return `(${values.map((value) => this.text(value)).join(', ')})`;
  }
}

function numberCondition(expression: string, test: NumberTest, params: ParameterList): string {
  if (test.op === 'between') {
    const [low, high] = test.values;
    return `${expression} BETWEEN ${params.number(low ?? Number.NaN)} AND ${params.number(high ?? Number.NaN)}`;
  }
  return `${expression} ${COMPARE[test.op]} ${params.number(test.values[0] ?? Number.NaN)}`;
}

function eventFilterConditions(alias: string, filter: EventFilter, params: ParameterList): string[] {
  const conditions: string[] = [];
  for (const field of ['name', 'code', 'group', 'text'] as const) {
    const values = filter[field];
    if (values) conditions.push(`${alias}.${q(field)} IN ${params.textList(values)}`);
  }
  return conditions;
}

/** Days of an anchor attribute on the scale of the events' times. */
function anchorAttributeSql(alias: string, anchor: Extract<ResolvedAnchor, { kind: 'attribute' }>): string {
  const column = `${alias}.${q(anchor.attribute.id)}`;
  return anchor.attribute.type === 'date'
    ? `CAST(date_diff('day', DATE '1970-01-01', ${column}) AS DOUBLE)`
    : `CAST(${column} AS DOUBLE)`;
}

const entityId = () => `${q(ENTITY_ALIAS)}.${q(ID_COLUMN)}`;

function eventsSql(node: Extract<ResolvedNode, { kind: 'events' }>, params: ParameterList): string {
  const table = q(eventsTable(node.filter.modality.id));
  const conditions = eventFilterConditions('ev', node.filter, params);
  if (node.value) conditions.push(numberCondition('ev."value"', node.value, params));
  let join = '';
  const window = node.window;
  if (window) {
    let offset = 'ev."time"';
    if (window.anchor?.kind === 'attribute') {
      join = ` JOIN ${q(ENTITY_TABLE)} AS anchor ON anchor.${q(ID_COLUMN)} = ev.${q(ID_COLUMN)}`;
      offset = `ev."time" - ${anchorAttributeSql('anchor', window.anchor)}`;
    } else if (window.anchor?.kind === 'events') {
      const anchorTable = q(eventsTable(window.anchor.filter.modality.id));
      const anchorConditions = [
        'x."time" IS NOT NULL',
        ...eventFilterConditions('x', window.anchor.filter, params),
      ];
      join = ` JOIN (SELECT x.${q(ID_COLUMN)}, ${window.anchor.occurrence === 'last' ? 'max' : 'min'}(x."time") AS t FROM ${anchorTable} AS x WHERE ${anchorConditions.join(' AND ')} GROUP BY x.${q(ID_COLUMN)}) AS anchor ON anchor.${q(ID_COLUMN)} = ev.${q(ID_COLUMN)}`;
      offset = 'ev."time" - anchor.t';
    }
    // A missing anchor or event time makes the difference NULL: the event fails the window.
    if (window.from !== undefined) conditions.push(`${offset} >= ${params.number(window.from)}`);
    if (window.to !== undefined) conditions.push(`${offset} <= ${params.number(window.to)}`);
    if (window.from === undefined && window.to === undefined) conditions.push(`${offset} IS NOT NULL`);
  }
  const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
  const having =
    node.atLeast > 1 ? ` GROUP BY ev.${q(ID_COLUMN)} HAVING count(*) >= ${params.number(node.atLeast)}` : '';
  return `${entityId()} IN (SELECT ev.${q(ID_COLUMN)} FROM ${table} AS ev${join}${where}${having})`;
}

function featureSql(node: Extract<ResolvedNode, { kind: 'feature' }>, params: ParameterList): string {
  const matrix = q(matrixTable(node.modality.id));
  const positions = q(positionsTable(node.modality.id));
  const value = 'f.v[p.pos + 1]';
  const conditions = [`${value} IS NOT NULL`];
  if (node.test) conditions.push(numberCondition(value, node.test, params));
  const percentile = (fraction: number) => {
    const feature = params.text(node.feature);
    return `(SELECT quantile_cont(u, ${params.number(fraction)}) FROM (SELECT unnest("values") AS u FROM ${matrix} WHERE feature = ${feature}) WHERE u IS NOT NULL AND NOT isnan(u))`;
  };
  if (node.percentile?.above !== undefined)
    conditions.push(`${value} >= ${percentile(node.percentile.above / 100)}`);
  if (node.percentile?.below !== undefined)
    conditions.push(`${value} <= ${percentile(node.percentile.below / 100)}`);
  return `${entityId()} IN (SELECT p.${q(ID_COLUMN)} FROM ${positions} AS p, (SELECT "values" AS v FROM ${matrix} WHERE feature = ${params.text(node.feature)}) AS f WHERE ${conditions.join(' AND ')})`;
}

function variantsSql(node: Extract<ResolvedNode, { kind: 'variants' }>, params: ParameterList): string {
  const conditions: string[] = [];
  for (const field of ['gene', 'ref', 'alt', 'consequence', 'zygosity'] as const) {
    const values = node[field];
    if (values) conditions.push(`v.${q(field)} IN ${params.textList(values)}`);
  }
  if (node.chrom !== undefined) conditions.push(`v.chrom = ${params.text(node.chrom)}`);
  if (node.from !== undefined) conditions.push(`v.pos >= ${params.number(node.from)}`);
  if (node.to !== undefined) conditions.push(`v.pos <= ${params.number(node.to)}`);
  const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
  return `${entityId()} IN (SELECT v.${q(ID_COLUMN)} FROM ${q(variantsTable(node.modality.id))} AS v${where})`;
}

function attributeSql(node: Extract<ResolvedNode, { kind: 'attribute' }>, params: ParameterList): string {
  const column = `${q(ENTITY_ALIAS)}.${q(node.attribute.id)}`;
  const { op } = node;
  if (op === 'missing') return `${column} IS NULL`;
  if (op === 'present') return `${column} IS NOT NULL`;
  const type = node.attribute.type;
  const bind = (value: SqlValue) =>
    type === 'integer' || type === 'number'
      ? params.number(value as number)
      : type === 'date'
        ? params.date(value as string)
        : type === 'boolean'
          ? params.boolean(value as boolean)
          : params.text(value as string);
  const placeholders = node.values.map(bind);
  // Two-valued logic: a comparison with a missing value is false (so that not(...) includes it).
  if (op === 'between') return `coalesce(${column} BETWEEN ${placeholders[0]} AND ${placeholders[1]}, false)`;
  if (op === 'in' || op === 'notIn')
    return `coalesce(${column} ${op === 'in' ? 'IN' : 'NOT IN'} (${placeholders.join(', ')}), false)`;
  return `coalesce(${column} ${COMPARE[op]} ${placeholders[0]}, false)`;
}

function endpointSql(node: Extract<ResolvedNode, { kind: 'endpoint' }>, params: ParameterList): string {
  const time = `${q(ENTITY_ALIAS)}.${q(node.endpoint.timeColumn)}`;
  const event = `${q(ENTITY_ALIAS)}.${q(node.endpoint.eventColumn)}`;
  const conditions = [`${time} IS NOT NULL`, `${event} IS NOT NULL`];
  if (node.event !== undefined) conditions.push(`${event} = ${params.boolean(node.event)}`);
  if (node.time) conditions.push(numberCondition(time, node.time, params));
  return `coalesce(${conditions.join(' AND ')}, false)`;
}

/**
 * Phase 3 — SQL: one boolean condition over the entity table (aliased `entity`). Identifiers are the
 * model's own (attribute ids, modality tables); every value is a bound parameter.
 */
export function cohortSql(node: ResolvedNode, params: ParameterList): string {
  switch (node.kind) {
    case 'every':
      return 'true';
    case 'all':
      return node.children.length === 0
        ? 'true'
        : `(${node.children.map((child) => cohortSql(child, params)).join(' AND ')})`;
    case 'any':
      return `(${node.children.map((child) => cohortSql(child, params)).join(' OR ')})`;
    case 'not':
      return `(NOT ${cohortSql(node.child, params)})`;
    case 'atLeast':
      return node.n === 0
        ? 'true'
        : `((${node.children.map((child) => `CASE WHEN ${cohortSql(child, params)} THEN 1 ELSE 0 END`).join(' + ')}) >= ${node.n})`;
    case 'attribute':
      return attributeSql(node, params);
    case 'endpoint':
      return endpointSql(node, params);
    case 'events':
      return eventsSql(node, params);
    case 'feature':
      return featureSql(node, params);
    case 'variants':
      return variantsSql(node, params);
  }
}
