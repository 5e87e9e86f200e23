import type { Attribute, ColumnType, EventsModality, FieldRef, Source, SourceColumn } from '@plexus/spec';
import { columnComment, columnDeclaration } from './columnDeclaration.ts';
import { detectEndpoints } from './detectEndpoints.ts';
import { chooseEntitySource, referencingColumn } from './detectKeys.ts';
import { labelFromName, uniqueIdentifier } from './identifiers.ts';
import { groupingDefaults, type Noted, noted, type PlannedSource, type ProductPlan } from './ProductPlan.ts';
import { type ProfiledColumn, profileFiles, type TableProfile } from './profileTable.ts';

export interface InitIdentity {
  id: string;
  title: string;
}

/** Integer codes that are groups rather than quantities (sex 1/2, arm 1/2): read as categories. */
const GROUP_CODE = /^(sex|gender|arm|trt|treat|treatment|group|grp|cohort)$/i;
/** Attributes a comparison is most likely made by, in order of preference. */
const GROUPING = /^(arm|trt|treat|treatment|trt01a|actarm|group|grp|cohort|sex|gender)$/i;

function typeFor(column: ProfiledColumn): ColumnType {
  if (column.type === 'integer' && column.distinct <= 6 && GROUP_CODE.test(column.header)) return 'category';
  return column.type;
}

function plannedSource(
  table: TableProfile,
  columns: Array<{ column: ProfiledColumn; type?: ColumnType }>,
  description: string,
): PlannedSource {
  const declared: Record<string, SourceColumn> = {};
  const columnComments: Record<string, string> = {};
  for (const { column, type } of columns) {
    declared[column.id] = columnDeclaration(column, type ?? typeFor(column));
    const comment =
      columnComment(column) ??
      (type === undefined && typeFor(column) !== column.type
        ? `Integer codes read as a category (${(column.levels ?? [...column.values].sort()).join(', ')}): map them to labels with values: { "1": …, "2": … }.`
        : undefined);
    if (comment) columnComments[column.id] = comment;
  }
  const source: Source = {
    path: `data/${table.fileName}`,
    description,
    nullValues: table.nullValues,
    columns: declared,
  };
  if (table.delimiter !== ',' && table.delimiter !== '\t') source.delimiter = table.delimiter;
  return { id: table.sourceId, source, ...(Object.keys(columnComments).length ? { columnComments } : {}) };
}

/** Whether a column is worth an attribute: free text that differs on every row (names, notes) is not. */
function usefulAttribute(column: ProfiledColumn): boolean {
  return !(column.type === 'text' && column.distinct > 0 && column.distinct === column.rows - column.missing);
}

function attributeFor(
  column: ProfiledColumn,
  ref: string,
  taken: Set<string>,
  prefix = '',
): Noted<Attribute> {
  const id = uniqueIdentifier(prefix ? `${prefix}_${column.id}` : column.id, taken);
  return noted({ id, label: labelFromName(column.header), column: ref });
}

/** The events fields of a file with many rows per entity: a time column, a name, a value, a unit. */
function eventsModality(
  table: TableProfile,
  reference: ProfiledColumn,
  taken: Set<string>,
): { modality: Noted<EventsModality>; columns: ProfiledColumn[] } | undefined {
  const others = table.columns.filter((column) => column !== reference);
  const time =
    others.find((column) => column.type === 'date') ??
    others.find(
      (column) =>
        (column.type === 'integer' || column.type === 'number') &&
        /(time|day|dy|days|week|month|year|visit|t)$/i.test(column.header),
    );
  if (!time) return undefined;
  const rest = others.filter((column) => column !== time);
  const texts = rest.filter((column) => column.type === 'category' || column.type === 'text');
  const unit = rest.find(
    (column) => /unit/i.test(column.header) && column.type !== 'integer' && column.type !== 'number',
  );
  const named = texts.filter((column) => column !== unit);
  const name = named.find((column) => column.type === 'category') ?? named[0];
  const group = named.find((column) => column !== name && column.type === 'category');
  const value = rest.find((column) => column.type === 'number' || column.type === 'integer');
  const nameRef: FieldRef = name ? name.id : { expression: `'${table.sourceId}'` };
  const modality: EventsModality = {
    id: uniqueIdentifier(table.sourceId, taken),
    label: labelFromName(table.sourceId),
    kind: 'events',
    source: table.sourceId,
    entity: reference.id,
    time: time.type === 'date' ? { value: time.id } : { value: time.id, unit: 'days' },
    name: nameRef,
  };
  if (group) modality.group = group.id;
  if (value) modality.value = value.id;
  if (unit) modality.unit = unit.id;
  const fields = [
    `time ${time.header}${time.type === 'date' ? ' (a date)' : ' (assumed days from the origin)'}`,
    `name ${name ? name.header : `'${table.sourceId}' (the file has no text column)`}`,
    ...(group ? [`group ${group.header}`] : []),
    ...(value ? [`value ${value.header}`] : []),
    ...(unit ? [`unit ${unit.header}`] : []),
  ];
  return {
    modality: noted(
      modality,
      `CHECK: ${table.fileName} has several rows per entity (linked by ${reference.header}), so it became\nevents: ${fields.join(', ')}.`,
    ),
    columns: [reference, time, ...[name, group, value, unit].filter((column) => column !== undefined)],
  };
}

/**
 * A product from CSV files: the file whose id column is unique is the entity source, files with one
 * row per entity are joined, files with several rows per entity and a time column become events.
 */
export async function planFromCsv(paths: readonly string[], identity: InitIdentity): Promise<ProductPlan> {
  const tables = await profileFiles(paths);
  const { table: entity, key } = chooseEntitySource(tables);
  const checks: string[] = [];
  const attributeIds = new Set<string>(['id']);
  const endpointIds = new Set<string>();
  const modalityIds = new Set<string>();

  const endpoints = detectEndpoints(
    entity.columns.filter((column) => column !== key),
    endpointIds,
  );
  const endpointColumns = new Set(endpoints.flatMap(({ time, event }) => [time, event]));
  const entityColumns = entity.columns.filter(
    (column) => column === key || endpointColumns.has(column) || usefulAttribute(column),
  );
  const sourceColumns = entityColumns.map((column) => ({
    column,
    ...(endpoints.some((found) => found.event === column) && column.zeroOne
      ? { type: 'integer' as const }
      : {}),
  }));
  const sources: PlannedSource[] = [
    plannedSource(entity, sourceColumns, `${entity.fileName}: one row per entity.`),
  ];
  const attributes = entityColumns
    .filter((column) => column !== key && !endpointColumns.has(column))
    .map((column) => attributeFor(column, column.id, attributeIds));
  const skipped = entity.columns.filter((column) => !entityColumns.includes(column));
  if (skipped.length > 0)
    checks.push(
      `${entity.fileName}: ${skipped.map((column) => column.header).join(', ')} left out (free text, different on every row)`,
    );

  const joins: ProductPlan['joins'] = [];
  const modalities: ProductPlan['modalities'] = [];
  for (const table of tables) {
    if (table === entity) continue;
    const reference = key && referencingColumn(table, key);
    if (!key || !reference) {
      checks.push(`${table.fileName} was copied but not mapped: no column of it refers to the entity id`);
      continue;
    }
    if (reference.unique) {
      const columns = table.columns.filter((column) => column !== reference && usefulAttribute(column));
      sources.push(
        plannedSource(
          table,
          [{ column: reference }, ...columns.map((column) => ({ column }))],
          `${table.fileName}: at most one row per entity, joined on ${reference.header}.`,
        ),
      );
      joins.push(
        noted(
          { source: table.sourceId, on: { left: key.id, right: reference.id } },
          `${table.fileName} has at most one row per ${key.header}: joined to the entity source.`,
        ),
      );
      attributes.push(
        ...columns.map((column) =>
          attributeFor(column, `${table.sourceId}.${column.id}`, attributeIds, table.sourceId),
        ),
      );
      continue;
    }
    const events = eventsModality(table, reference, modalityIds);
    if (!events) {
      checks.push(
        `${table.fileName} was copied but not mapped: several rows per entity and no date or time column`,
      );
      continue;
    }
    sources.push(
      plannedSource(
        table,
        events.columns.map((column) => ({ column })),
        `${table.fileName}: several rows per entity.`,
      ),
    );
    modalities.push(events.modality);
    checks.push(
      `${table.fileName} became the events modality '${events.modality.value.id}': check which columns give its time, name and value`,
    );
  }

  for (const found of endpoints)
    checks.push(
      `endpoint '${found.endpoint.value.id}': the event coding of ${found.event.header} and the unit of ${found.time.header} are assumptions`,
    );
  for (const column of entity.columns.filter((candidate) => candidate.ambiguousDate))
    checks.push(
      `${column.header}: dates read day-first (${column.format}); day and month are both ≤ 12 everywhere`,
    );
  const codes = entity.columns.filter(
    (column) => column.type === 'integer' && typeFor(column) === 'category',
  );
  for (const column of codes)
    checks.push(`${column.header}: integer codes read as a category; give them labels`);

  const entityId = key ? { column: key.id } : { rowNumber: { width: String(entity.rows).length } };
  const entityComment = key
    ? `One row of ${entity.fileName} is one entity; ${key.header} is unique and never missing.`
    : `CHECK: ${entity.fileName} has no unique id column (id, *_id, usubjid, person_id…), so entities are numbered by row.`;
  if (!key) checks.push(`entities are numbered by row of ${entity.fileName}: no unique id column was found`);
  if (attributes.length === 0) throw new Error(`${entity.fileName} has no column to make an attribute of`);

  const grouping = attributes.flatMap(({ value: attribute }) => {
    const column = entity.columns.find((candidate) => candidate.id === attribute.column);
    const type = column ? typeFor(column) : undefined;
    return column && (type === 'category' || type === 'boolean')
      ? [{ id: attribute.id, levels: column.distinct }]
      : [];
  });
  return {
    id: identity.id,
    title: identity.title,
    description: `Generated by plexus init from ${tables.map((table) => table.fileName).join(', ')}: say what the data is, where it comes from and its caveats.`,
    domain: 'clinical research',
    tags: [],
    entity: { singular: 'patient', plural: 'patients' },
    dataFiles: tables.map((table) => ({ name: table.fileName, from: table.path })),
    mappingComment: `Generated by plexus init from ${tables.map((table) => table.fileName).join(', ')}.\nTypes were inferred from every value; comments starting with CHECK mark guesses to confirm.`,
    sources,
    entitySource: entity.sourceId,
    entityId,
    entityComment,
    joins,
    attributes,
    endpoints: endpoints.map((found) => found.endpoint),
    modalities,
    protocols: {
      ...groupingDefaults(grouping, GROUPING),
      ...(endpoints[0] ? { endpoint: endpoints[0].endpoint.value.id } : {}),
    },
    checks,
  };
}
