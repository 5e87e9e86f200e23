import { basename } from 'node:path';
import type { Attribute, EventsModality, SourceColumn } from '@plexus/spec';
import { InputError } from '@plexus/spec';
import { findTables } from './findTables.ts';
import type { InitIdentity } from './fromCsv.ts';
import { inferColumn } from './inferColumn.ts';
import {
  type DataFile,
  groupingDefaults,
  type Noted,
  noted,
  type PlannedSource,
  type ProductPlan,
} from './ProductPlan.ts';
import { type CsvTable, formatCsvRow, readCsv, readCsvHead } from './readCsv.ts';

/** The OMOP CDM 5.4 event tables init maps, with the columns that give each events field. */
interface EventTableSpec {
  table: string;
  modality: string;
  label: string;
  concept: string;
  date: string;
  value?: string;
  unit?: string;
  text?: string;
}

const EVENT_TABLES: EventTableSpec[] = [
  {
    table: 'condition_occurrence',
    modality: 'condition',
    label: 'Conditions',
    concept: 'condition_concept_id',
    date: 'condition_start_date',
  },
  {
    table: 'drug_exposure',
    modality: 'drug',
    label: 'Drug exposures',
    concept: 'drug_concept_id',
    date: 'drug_exposure_start_date',
  },
  {
    table: 'measurement',
    modality: 'measurement',
    label: 'Measurements',
    concept: 'measurement_concept_id',
    date: 'measurement_date',
    value: 'value_as_number',
    unit: 'unit_source_value',
  },
  {
    table: 'procedure_occurrence',
    modality: 'procedure',
    label: 'Procedures',
    concept: 'procedure_concept_id',
    date: 'procedure_date',
  },
  {
    table: 'visit_occurrence',
    modality: 'visit',
    label: 'Visits',
    concept: 'visit_concept_id',
    date: 'visit_start_date',
  },
  {
    table: 'observation',
    modality: 'observation',
    label: 'Observations',
    concept: 'observation_concept_id',
    date: 'observation_date',
    value: 'value_as_number',
    unit: 'unit_source_value',
    text: 'value_as_string',
  },
];

function column(table: CsvTable, name: string): string[] {
  const index = table.header.findIndex((header) => header.toLowerCase() === name);
  return index < 0 ? [] : table.rows.map((row) => row[index] ?? '');
}

function requireColumns(table: CsvTable, names: readonly string[]): void {
  const missing = names.filter((name) => !table.header.some((header) => header.toLowerCase() === name));
  if (missing.length > 0)
    throw new InputError(
      `${basename(table.path)}: expected the OMOP CDM 5.4 column(s) ${missing.join(', ')}; found ${table.header.join(', ')}`,
    );
}

/** A date column's declaration: ISO needs no format, anything else gets the format init recognised. */
function dateColumn(table: CsvTable, name: string): SourceColumn {
  const profile = inferColumn(name, column(table, name));
  return profile.type === 'date' && profile.format !== undefined
    ? { type: 'date', format: profile.format }
    : { type: 'date' };
}

function source(
  path: string,
  description: string,
  columns: Record<string, SourceColumn>,
): PlannedSource['source'] {
  return { path, description, nullValues: ['', 'NA'], columns };
}

/** Whether every person has at most one row of a table keyed by person_id. */
function onePerPerson(table: CsvTable): boolean {
  const ids = column(table, 'person_id');
  return new Set(ids).size === ids.length;
}

/**
 * One observation period per person, aggregated when a person has several: the first start and the
 * last end, so that follow-up spans every period (gaps between periods count as observed).
 */
function aggregatedPeriods(table: CsvTable): string {
  const ids = column(table, 'person_id');
  const starts = column(table, 'observation_period_start_date');
  const ends = column(table, 'observation_period_end_date');
  const spans = new Map<string, [string, string]>();
  ids.forEach((id, row) => {
    const start = starts[row] ?? '';
    const end = ends[row] ?? '';
    const span = spans.get(id);
    if (!span) spans.set(id, [start, end]);
    else spans.set(id, [[start, span[0]].sort()[0] ?? start, [end, span[1]].sort()[1] ?? end]); // ISO dates sort as text
  });
  const lines = [formatCsvRow(['person_id', 'observation_period_start_date', 'observation_period_end_date'])];
  for (const [id, [start, end]] of spans) lines.push(formatCsvRow([id, start, end]));
  return `${lines.join('\n')}\n`;
}

/** The first death record of each person (CDM 5.4 allows one, exports sometimes hold more). */
function firstDeaths(table: CsvTable): string {
  const ids = column(table, 'person_id');
  const dates = column(table, 'death_date');
  const first = new Map<string, string>();
  ids.forEach((id, row) => {
    const date = dates[row] ?? '';
    const known = first.get(id);
    if (known === undefined || date < known) first.set(id, date);
  });
  const lines = [formatCsvRow(['person_id', 'death_date'])];
  for (const [id, date] of first) lines.push(formatCsvRow([id, date]));
  return `${lines.join('\n')}\n`;
}

/**
 * A product from an OMOP CDM 5.4 folder of CSV files: person as the entity, clinical tables as events
 * named through the concept table, death as an endpoint over the observation period.
 */
export async function planFromOmop(folder: string, identity: InitIdentity): Promise<ProductPlan> {
  const files = await findTables(folder);
  const personPath = files.get('person');
  if (!personPath)
    throw new InputError(`${folder} has no person.csv: an OMOP CDM export starts from the person table`);
  const person = await readCsv(personPath);
  requireColumns(person, ['person_id', 'year_of_birth']);
  const personIds = column(person, 'person_id');
  if (new Set(personIds).size !== personIds.length || personIds.some((id) => id === ''))
    throw new InputError(`${basename(personPath)}: person_id must be unique and never missing`);

  const checks: string[] = [];
  const dataFiles: DataFile[] = [{ name: basename(personPath), from: personPath }];
  const sources: PlannedSource[] = [];
  const joins: ProductPlan['joins'] = [];
  const attributes: Array<Noted<Attribute>> = [];
  const personColumns: Record<string, SourceColumn> = {
    person_id: { type: 'integer' },
    year_of_birth: { type: 'integer' },
  };
  const conceptPath = files.get('concept');
  const concept = conceptPath ? await readCsv(conceptPath) : undefined;
  const conceptIds = new Set(concept ? column(concept, 'concept_id') : []);
  const grouping: Array<{ id: string; levels: number }> = [];

  // Sex, race and ethnicity: concept names when the concept table knows every id, else the source values.
  for (const [field, id, label] of [
    ['gender', 'sex', 'Sex'],
    ['race', 'race', 'Race'],
    ['ethnicity', 'ethnicity', 'Ethnicity'],
  ] as const) {
    const ids = column(person, `${field}_concept_id`);
    const named =
      concept !== undefined && ids.length > 0 && ids.every((value) => value !== '0' && conceptIds.has(value));
    if (named) {
      const sourceId = `${field}_concept`;
      personColumns[`${field}_concept_id`] = { type: 'integer' };
      sources.push({
        id: sourceId,
        source: source(
          `data/${basename(conceptPath ?? 'concept.csv')}`,
          `Concept names for ${field}_concept_id.`,
          {
            concept_id: { type: 'integer' },
            concept_name: { type: 'category' },
          },
        ),
      });
      joins.push(
        noted(
          { source: sourceId, on: { left: `${field}_concept_id`, right: 'concept_id' } },
          `${label} named by the concept table.`,
        ),
      );
      attributes.push(noted({ id, label, column: `${sourceId}.concept_name` }));
      grouping.push({ id, levels: new Set(ids).size });
    } else {
      const values = column(person, `${field}_source_value`);
      if (values.length === 0) continue;
      personColumns[`${field}_source_value`] = { type: 'category' };
      const comment =
        field === 'gender'
          ? `${label} from gender_source_value (the concept table does not name every gender_concept_id).`
          : `${label} from ${field}_source_value: the concept table does not name every ${field}_concept_id.`;
      attributes.push(noted({ id, label, column: `${field}_source_value` }, comment));
      grouping.push({ id, levels: new Set(values.filter((value) => value !== '')).size });
      checks.push(`${id}: read from ${field}_source_value (codes as exported), not from concept names`);
    }
  }
  attributes.push(noted({ id: 'year_of_birth', label: 'Year of birth', column: 'year_of_birth' }));

  // Follow-up: the observation period, one per person (aggregated when there are several).
  const periodPath = files.get('observation_period');
  let periodSource: string | undefined;
  if (periodPath) {
    const periods = await readCsv(periodPath);
    requireColumns(periods, ['person_id', 'observation_period_start_date', 'observation_period_end_date']);
    const single = onePerPerson(periods);
    const fileName = single ? basename(periodPath) : 'observation_period_per_person.csv';
    dataFiles.push(
      single ? { name: fileName, from: periodPath } : { name: fileName, content: aggregatedPeriods(periods) },
    );
    periodSource = 'observation_period';
    sources.push({
      id: periodSource,
      source: source(
        `data/${fileName}`,
        single
          ? 'One observation period per person.'
          : 'The observation periods of each person, from the first start to the last end.',
        {
          person_id: { type: 'integer' },
          observation_period_start_date: dateColumn(periods, 'observation_period_start_date'),
          observation_period_end_date: dateColumn(periods, 'observation_period_end_date'),
        },
      ),
    });
    joins.push(
      noted(
        { source: periodSource, on: { left: 'person_id', right: 'person_id' } },
        single
          ? 'observation_period has one row per person here: joined as it is.'
          : 'Persons have several observation periods: init wrote one row per person (first start, last end).',
      ),
    );
    if (!single)
      checks.push(
        'observation periods were aggregated per person (first start to last end): gaps count as follow-up',
      );
    attributes.push(
      noted({
        id: 'observation_start',
        label: 'Start of observation',
        column: `${periodSource}.observation_period_start_date`,
      }),
      noted({
        id: 'observation_end',
        label: 'End of observation',
        column: `${periodSource}.observation_period_end_date`,
      }),
      noted({
        id: 'age_at_start',
        label: 'Age at start of observation',
        unit: 'years',
        type: 'integer',
        expression: `year(${periodSource}.observation_period_start_date) - year_of_birth`,
      }),
    );
  } else checks.push('no observation_period.csv: no follow-up, so no death endpoint');

  const endpoints: ProductPlan['endpoints'] = [];
  const deathPath = files.get('death');
  if (deathPath && periodSource) {
    const deaths = await readCsv(deathPath);
    requireColumns(deaths, ['person_id', 'death_date']);
    const single = onePerPerson(deaths);
    const fileName = single ? basename(deathPath) : 'death_per_person.csv';
    dataFiles.push(
      single ? { name: fileName, from: deathPath } : { name: fileName, content: firstDeaths(deaths) },
    );
    sources.push({
      id: 'death',
      source: source(
        `data/${fileName}`,
        single ? 'At most one death record per person.' : 'The first death record of each person.',
        {
          person_id: { type: 'integer' },
          death_date: dateColumn(deaths, 'death_date'),
        },
      ),
    });
    joins.push(
      noted(
        { source: 'death', on: { left: 'person_id', right: 'person_id' } },
        single
          ? 'death: at most one row per person.'
          : 'Several death records for some persons: the first date is kept.',
      ),
    );
    endpoints.push(
      noted(
        {
          id: 'death',
          label: 'Death',
          description: 'Days from the start of observation to death, censored at the end of observation.',
          time: {
            expression: `coalesce(death.death_date, ${periodSource}.observation_period_end_date) - ${periodSource}.observation_period_start_date`,
            unit: 'days',
          },
          event: { expression: 'death.death_date IS NOT NULL', eventValues: [true], censoredValues: [false] },
        },
        'Follow-up starts with the observation period; persons without a death record are censored at its end.',
      ),
    );
  }
  sources.unshift({
    id: 'person',
    source: source(`data/${basename(personPath)}`, 'One row per person.', personColumns),
  });

  // Clinical tables as events, named through the concept table.
  const modalities: Array<Noted<EventsModality>> = [];
  if (concept && conceptPath) {
    dataFiles.push({ name: basename(conceptPath), from: conceptPath });
    sources.push({
      id: 'concept',
      source: source(
        `data/${basename(conceptPath)}`,
        'OMOP concepts: names of the concept ids of the event tables.',
        {
          concept_id: { type: 'integer' },
          concept_name: { type: 'text' },
        },
      ),
    });
  } else checks.push('no concept.csv: events are named by their concept id');
  for (const spec of EVENT_TABLES) {
    const path = files.get(spec.table);
    if (!path) continue;
    const head = await readCsvHead(path);
    requireColumns(head, ['person_id', spec.concept, spec.date]);
    dataFiles.push({ name: basename(path), from: path });
    const columns: Record<string, SourceColumn> = {
      person_id: { type: 'integer' },
      [spec.concept]: { type: 'integer' },
      [spec.date]: dateColumn(head, spec.date),
    };
    const modality: EventsModality = {
      id: spec.modality,
      label: spec.label,
      kind: 'events',
      source: spec.table,
      ...(concept ? { joins: [{ source: 'concept', on: { left: spec.concept, right: 'concept_id' } }] } : {}),
      entity: 'person_id',
      time: { value: spec.date },
      name: concept ? 'concept.concept_name' : { expression: `CAST(${spec.concept} AS VARCHAR)` },
      code: spec.concept,
    };
    for (const field of ['value', 'unit', 'text'] as const) {
      const name = spec[field];
      if (!name || !head.header.includes(name)) continue;
      columns[name] = { type: field === 'value' ? 'number' : 'text' };
      modality[field] = name;
    }
    sources.push({
      id: spec.table,
      source: source(`data/${basename(path)}`, `${spec.table}: one row per record.`, columns),
    });
    modalities.push(
      noted(
        modality,
        `${spec.table}: name from concept.concept_name, code = ${spec.concept}, time = ${spec.date}${spec.value ? `, value = ${spec.value}` : ''}${spec.unit ? ` in ${spec.unit}` : ''}.`,
      ),
    );
  }

  return {
    id: identity.id,
    title: identity.title,
    description: `Generated by plexus init from an OMOP CDM 5.4 export (${dataFiles.map((file) => file.name).join(', ')}): say which database, which population and which period it covers.`,
    domain: 'real-world data',
    tags: ['OMOP', 'real-world data'],
    entity: { singular: 'person', plural: 'persons' },
    dataFiles,
    mappingComment: `Generated by plexus init from the OMOP CDM 5.4 folder ${basename(folder)}: person is the entity,\nclinical tables are events named by the concept table, death is the endpoint.`,
    sources,
    entitySource: 'person',
    entityId: { column: 'person_id' },
    entityComment: 'One row of person.csv is one person, identified by person_id.',
    joins,
    attributes,
    endpoints,
    modalities,
    protocols: {
      ...groupingDefaults(grouping, /^sex$/),
      ...(endpoints[0] ? { endpoint: 'death' } : {}),
    },
    checks,
  };
}
