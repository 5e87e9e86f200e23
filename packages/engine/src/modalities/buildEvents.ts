import { join } from 'node:path';
import type { EventsModality, TimeUnit } from '@plexus/spec';
import { BuildFailedError } from '../build/BuildFailedError.ts';
import { ID_COLUMN } from '../build/entitySql.ts';
import { typedSourceSql } from '../build/sourceSql.ts';
import { quoteIdentifier, quoteLiteral } from '../duckdb/sql.ts';
import { problemAt } from '../load/problemAt.ts';
import type { ManifestEventsModality } from '../snapshot/Manifest.ts';
import {
  droppedWarning,
  eventsTable,
  type ModalityBuildContext,
  type ModalityBuildResult,
  modalityFailure,
  modalityIdentity,
  namesTable,
  PARQUET,
  writeNamesIndex,
} from './ModalityBuild.ts';
import { modalityScope, resolveModalityField } from './modalityScope.ts';
import { checkUnmatched } from './unmatchedEntities.ts';

const DAYS_PER: Record<TimeUnit, number> = { days: 1, weeks: 7, months: 30.4375, years: 365.25 };
const OPTIONAL_FIELDS = ['code', 'group', 'value', 'text', 'unit'] as const;
export const EVENT_COLUMNS = ['time', 'name', 'code', 'group', 'value', 'text', 'unit'] as const;

/** FROM clause of a modality: its source, typed, with its lookups left-joined. */
export function modalityFromSql(context: ModalityBuildContext, modality: EventsModality): string {
  const { mapping, dir } = context.definition;
  const scope = modalityScope(modality);
  if (!scope) throw new Error(`modality ${modality.id} has no source: validate the mapping first`);
  const typed = (sourceId: string) => {
    const source = mapping.sources[sourceId];
    if (!source) throw new Error(`source ${sourceId} is not declared: validate the mapping first`);
    return `(${typedSourceSql(dir, sourceId, source, false)}) AS ${quoteIdentifier(sourceId)}`;
  };
  return [
    `FROM ${typed(scope.source)}`,
    ...scope.joins.map(
      (lookup) =>
        `LEFT JOIN ${typed(lookup.source)} ON ${quoteIdentifier(scope.source)}.${quoteIdentifier(lookup.on.left)} = ${quoteIdentifier(lookup.source)}.${quoteIdentifier(lookup.on.right)}`,
    ),
  ].join(' ');
}

/**
 * Writes an events modality as one table (id, time in days, name, code, group, value, text, unit),
 * ordered by entity and time so that one entity's history is contiguous.
 */
export async function buildEvents(
  context: ModalityBuildContext,
  modality: EventsModality,
  index: number,
): Promise<ModalityBuildResult> {
  const { connection, definition } = context;
  const { mapping } = definition;
  const file = definition.files.mapping;
  const scope = modalityScope(modality);
  if (!scope) throw new Error(`modality ${modality.id} has no source`);
  const field = (ref: EventsModality['name'] | undefined): string | undefined => {
    if (ref === undefined) return undefined;
    const resolved = resolveModalityField(mapping, scope, ref);
    if ('error' in resolved) throw new Error(`${modality.id}: ${resolved.error}: validate the mapping first`);
    return resolved.sql;
  };
  try {
    const from = modalityFromSql(context, modality);
    const where = modality.where !== undefined ? `WHERE (${modality.where})` : '';
    const timeRaw = field(modality.time.value) ?? 'NULL';
    const probe = await connection.runAndReadAll(`DESCRIBE SELECT ${timeRaw} AS t ${from} ${where}`);
    const timeType = String(probe.getRowObjectsJS()[0]?.column_type ?? '');
    const dated = /^(DATE|TIMESTAMP)/.test(timeType);
    if (
      !dated &&
      !/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL)/.test(
        timeType,
      )
    ) {
      throw new BuildFailedError([
        problemAt(
          file,
          ['modalities', index, 'time', 'value'],
          'type-mismatch',
          `modality '${modality.id}': time is ${timeType}; it must be a date or a number of ${modality.time.unit ?? 'days'}`,
        ),
      ]);
    }
    const time = dated
      ? `CAST(date_diff('day', DATE '1970-01-01', CAST(${timeRaw} AS DATE)) AS DOUBLE)`
      : `CAST(${timeRaw} AS DOUBLE) * ${DAYS_PER[modality.time.unit ?? 'days']}`;
    const text = (ref: EventsModality['name'] | undefined) => {
      const sql = field(ref);
      return sql === undefined ? 'CAST(NULL AS VARCHAR)' : `CAST(${sql} AS VARCHAR)`;
    };
    const valueSql = field(modality.value);
    const columns = [
      `CAST(${field(modality.entity)} AS VARCHAR) AS ${quoteIdentifier(ID_COLUMN)}`,
      `${time} AS "time"`,
      `${text(modality.name)} AS "name"`,
      `${text(modality.code)} AS "code"`,
      `${text(modality.group)} AS "group"`,
      `${valueSql === undefined ? 'CAST(NULL AS DOUBLE)' : `CAST(${valueSql} AS DOUBLE)`} AS "value"`,
      `${text(modality.text)} AS "text"`,
      `${text(modality.unit)} AS "unit"`,
    ];
    const relation = `SELECT ${columns.join(', ')} ${from} ${where}`;
    const id = quoteIdentifier(ID_COLUMN);
    const table = eventsTable(modality.id);
    const output = join(context.staging, `${table}.parquet`);
    const dropped = await checkUnmatched(connection, relation, context.entities, modality, {
      file,
      path: ['modalities', index, 'entity'],
      what: [`row of source '${scope.source}'`, `rows of source '${scope.source}'`],
    });
    await connection.run(
      `COPY (SELECT r.* FROM (${relation}) AS r SEMI JOIN ${context.entities} AS e ON r.${id} = e.${id} ORDER BY r.${id}, r."time" NULLS LAST, r."name", r."code", r."group", r."value", r."text", r."unit") TO ${quoteLiteral(output)} (${PARQUET}, ROW_GROUP_SIZE 122880)`,
    );
    const summary = await connection.runAndReadAll(
      `SELECT count(*) AS rows, count(DISTINCT ${id}) AS entities, count(DISTINCT "name") AS names FROM read_parquet(${quoteLiteral(output)})`,
    );
    const counts = summary.getRowObjectsJS()[0] ?? {};
    const top = await writeNamesIndex(context, modality.id, table, '"name"');
    const manifest: ManifestEventsModality = {
      ...modalityIdentity(modality),
      kind: 'events',
      table,
      rows: Number(counts.rows ?? 0),
      entities: Number(counts.entities ?? 0),
      dropped,
      timeKind: dated ? 'date' : 'offset',
      fields: OPTIONAL_FIELDS.filter((name) => modality[name] !== undefined),
      names: Number(counts.names ?? 0),
      topNames: top.map((entry) => ({ name: entry.value, events: entry.rows, entities: entry.entities })),
    };
    const problems = droppedWarning(context, index, modality.id, dropped, ['row', 'rows']);
    return { modality: manifest, tables: [table, namesTable(modality.id)], problems };
  } catch (error) {
    throw await modalityFailure(
      context,
      ['modalities', index],
      modality.id,
      'building the events table',
      error,
    );
  }
}
