import { basename } from 'node:path';
import type { Attribute, ColumnType, EventsModality, SourceColumn } from '@plexus/spec';
import { InputError } from '@plexus/spec';
import { columnDeclaration } from './columnDeclaration.ts';
import { findTables } from './findTables.ts';
import type { InitIdentity } from './fromCsv.ts';
import { labelFromName, toIdentifier } from './identifiers.ts';
import {
  type DataFile,
  groupingDefaults,
  type Noted,
  noted,
  type PlannedSource,
  type ProductPlan,
} from './ProductPlan.ts';
import { columnByHeader, type ProfiledColumn, profileCsv, type TableProfile } from './profileTable.ts';
import { type CsvTable, formatCsvRow, readCsv } from './readCsv.ts';

/** ADaM dates are SAS day numbers: days since 1960-01-01. */
export function sasDateExpression(columnId: string): string {
  return `DATE '1960-01-01' + CAST(${columnId} AS INTEGER)`;
}

/** Columns a source declares, each with the type the mapping reads it as. */
class SourceBuilder {
  readonly columns: Record<string, SourceColumn> = {};
  constructor(readonly table: TableProfile) {}
  /** Declares a column by its header (any case) and returns its id, or undefined when the file lacks it. */
  use(header: string, type?: ColumnType): string | undefined {
    const column = columnByHeader(this.table, header);
    if (!column) return undefined;
    this.columns[column.id] ??= columnDeclaration(column, type ?? column.type);
    return column.id;
  }
  column(header: string): ProfiledColumn | undefined {
    return columnByHeader(this.table, header);
  }
  planned(description: string, comment?: string): PlannedSource {
    return {
      id: this.table.sourceId,
      source: {
        path: `data/${this.table.fileName}`,
        description,
        nullValues: this.table.nullValues,
        columns: this.columns,
      },
      ...(comment ? { comment } : {}),
    };
  }
}

const LABELS: Record<string, string> = {
  age: 'Age',
  agegr1: 'Age group',
  sex: 'Sex',
  race: 'Race',
  ethnic: 'Ethnicity',
  siteid: 'Site',
  bmibl: 'Baseline BMI',
  heightbl: 'Baseline height',
  weightbl: 'Baseline weight',
  mmsetot: 'MMSE total score',
  educlvl: 'Years of education',
  trtdur: 'Treatment duration',
  saffl: 'Safety population',
  ittfl: 'Intent-to-treat population',
  efffl: 'Efficacy population',
  fasfl: 'Full analysis set',
  pprotfl: 'Per-protocol population',
  comp8fl: 'Completed week 8',
  comp16fl: 'Completed week 16',
  comp24fl: 'Completed week 24',
  disconfl: 'Discontinued',
  dsraefl: 'Discontinued due to an adverse event',
  dthfl: 'Died',
};

const UNITS: Record<string, string> = {
  bmibl: 'kg/m²',
  heightbl: 'cm',
  weightbl: 'kg',
  trtdur: 'days',
  educlvl: 'years',
};

function read(tables: Map<string, CsvTable>, name: string): TableProfile | undefined {
  const table = tables.get(name);
  return table ? profileCsv(table, name) : undefined;
}

/** The subjects of a table that are not entities: reported, and dropped rather than failing the build. */
function unmatched(table: TableProfile, entityIds: Set<string>): number {
  const ids = columnByHeader(table, 'USUBJID')?.values ?? new Set<string>();
  return [...ids].filter((id) => !entityIds.has(id)).length;
}

function eventsModality(
  builder: SourceBuilder,
  entityIds: Set<string>,
  fields: Omit<EventsModality, 'source' | 'entity' | 'kind'>,
  comment: string,
): Noted<EventsModality> {
  const modality: EventsModality = {
    kind: 'events',
    source: builder.table.sourceId,
    entity: builder.use('USUBJID', 'text') ?? 'usubjid',
    ...fields,
  };
  const missing = unmatched(builder.table, entityIds);
  if (missing > 0) {
    modality.unmatched = 'drop';
    comment += `\n${missing} subject(s) of ${builder.table.fileName} are not in the entity source: their rows are dropped (unmatched: drop).`;
  }
  return noted(modality, comment);
}

/** Keeps the rows of an ADTTE parameter, as a file of its own: a join takes a whole source, without a filter. */
function parameterFile(table: CsvTable, paramcd: string): string {
  const index = table.header.findIndex((header) => header.toUpperCase() === 'PARAMCD');
  const rows = table.rows.filter((row) => row[index] === paramcd);
  return `${[table.header, ...rows].map(formatCsvRow).join('\n')}\n`;
}

/**
 * A product from an SDTM/ADaM folder: subjects from ADSL (else DM), adverse events and exposure as
 * events, ADTTE parameters as endpoints (CNSR = 0 is the event, 1 censored).
 */
export async function planFromCdisc(folder: string, identity: InitIdentity): Promise<ProductPlan> {
  const files = await findTables(folder);
  const raw = new Map<string, CsvTable>();
  for (const name of ['adsl', 'dm', 'adae', 'ae', 'ex', 'adtte']) {
    const path = files.get(name);
    if (path) raw.set(name, await readCsv(path));
  }
  const entityName = raw.has('adsl') ? 'adsl' : raw.has('dm') ? 'dm' : undefined;
  if (!entityName)
    throw new InputError(
      `${folder} has neither adsl.csv nor dm.csv: one of them gives the subjects (one row per USUBJID)`,
    );
  const entityTable = read(raw, entityName) as TableProfile;
  const key = columnByHeader(entityTable, 'USUBJID');
  if (!key?.unique)
    throw new InputError(
      `${entityTable.fileName}: USUBJID must be present, unique and never missing to identify subjects`,
    );
  const entityIds = key.values;
  const checks: string[] = [];
  const dataFiles: DataFile[] = [];
  const sources: PlannedSource[] = [];

  const subjects = new SourceBuilder(entityTable);
  subjects.use('USUBJID', 'text');
  const attributes: Array<Noted<Attribute>> = [];
  const armHeader = ['TRT01A', 'ACTARM', 'TRT01P', 'ARM'].find((header) => subjects.column(header));
  if (armHeader) {
    const id = subjects.use(armHeader, 'category') as string;
    attributes.push(
      noted({
        id: 'arm',
        label: 'Treatment arm',
        description: `${armHeader} of ${entityTable.fileName}.`,
        column: id,
      }),
    );
  }
  for (const header of [
    'AGE',
    'AGEGR1',
    'SEX',
    'RACE',
    'ETHNIC',
    'SITEID',
    'BMIBL',
    'HEIGHTBL',
    'WEIGHTBL',
    'EDUCLVL',
    'MMSETOT',
    'TRTDUR',
  ]) {
    const column = subjects.column(header);
    if (!column || column.missing === column.rows) continue;
    const lower = header.toLowerCase();
    const type: ColumnType = ['SEX', 'RACE', 'ETHNIC', 'AGEGR1', 'SITEID'].includes(header)
      ? 'category'
      : column.type;
    const id = subjects.use(header, type) as string;
    const unit =
      header === 'AGE'
        ? (subjects.column('AGEU')?.values.values().next().value ?? 'years').toLowerCase()
        : UNITS[lower];
    attributes.push(
      noted({
        id: lower === 'ethnic' ? 'ethnicity' : lower,
        label: LABELS[lower] ?? labelFromName(header),
        column: id,
        ...(unit ? { unit } : {}),
      }),
    );
  }
  // Flags: Y/N columns are booleans; Y-or-blank ones (DTHFL) mean N when blank.
  for (const column of entityTable.columns.filter((candidate) => /FL$/i.test(candidate.header))) {
    const values = [...column.values].map((value) => value.toUpperCase());
    if (values.length === 0 || !values.every((value) => value === 'Y' || value === 'N')) continue;
    const label = LABELS[column.id] ?? labelFromName(column.header);
    if (values.includes('N') || column.missing === 0) {
      attributes.push(
        noted({ id: column.id, label, column: subjects.use(column.header, 'boolean') as string }),
      );
    } else {
      const id = subjects.use(column.header, 'text') as string;
      attributes.push(
        noted(
          { id: column.id, label, type: 'boolean', expression: `coalesce(${id} = 'Y', false)` },
          `${column.header} is Y or blank: blank read as N.`,
        ),
      );
    }
  }
  const start = subjects.column('TRTSDT');
  if (start && start.type === 'integer') {
    const id = subjects.use('TRTSDT', 'integer') as string;
    attributes.push(
      noted(
        {
          id: 'treatment_start',
          label: 'Treatment start date',
          type: 'date',
          expression: sasDateExpression(id),
        },
        'ADaM dates are SAS day numbers (days since 1960-01-01).',
      ),
    );
  }
  sources.push(subjects.planned(`${entityTable.fileName}: one row per subject.`));
  dataFiles.push({ name: entityTable.fileName, from: entityTable.path });

  const modalities: Array<Noted<EventsModality>> = [];
  const aeName =
    entityName === 'adsl' && raw.has('adae')
      ? 'adae'
      : raw.has('ae')
        ? 'ae'
        : raw.has('adae')
          ? 'adae'
          : undefined;
  if (aeName) {
    const ae = new SourceBuilder(read(raw, aeName) as TableProfile);
    const dayHeader = ['ASTDY', 'AESTDY'].find((header) => ae.column(header)?.type === 'integer');
    const time = dayHeader
      ? { value: ae.use(dayHeader, 'integer') as string, unit: 'days' as const }
      : ae.column('ASTDT')
        ? { value: { expression: sasDateExpression(ae.use('ASTDT', 'integer') as string) } }
        : {
            value: {
              expression: `TRY_CAST(substr(${ae.use('AESTDTC', 'text') ?? 'aestdtc'}, 1, 10) AS DATE)`,
            },
          };
    const fields: Omit<EventsModality, 'source' | 'entity' | 'kind'> = {
      id: 'adverse_events',
      label: 'Adverse events',
      time,
      name: ae.use('AEDECOD', 'text') ?? (ae.use('AETERM', 'text') as string),
    };
    const group = ae.use('AEBODSYS', 'text');
    if (group) fields.group = group;
    const severity = ae.use('AESEV', 'text');
    if (severity) fields.text = severity;
    modalities.push(
      eventsModality(
        ae,
        entityIds,
        fields,
        `${ae.table.fileName}: name = preferred term (AEDECOD), group = body system (AEBODSYS), text = severity (AESEV),\ntime = ${dayHeader ? `study day of onset (${dayHeader})` : 'the start date'}.`,
      ),
    );
    sources.push(ae.planned(`${ae.table.fileName}: one row per adverse event.`));
    dataFiles.push({ name: ae.table.fileName, from: ae.table.path });
  }
  if (raw.has('ex')) {
    const ex = new SourceBuilder(read(raw, 'ex') as TableProfile);
    const fields: Omit<EventsModality, 'source' | 'entity' | 'kind'> = {
      id: 'exposure',
      label: 'Exposure',
      time: ex.column('EXSTDY')
        ? { value: ex.use('EXSTDY', 'integer') as string, unit: 'days' }
        : {
            value: {
              expression: `TRY_CAST(substr(${ex.use('EXSTDTC', 'text') ?? 'exstdtc'}, 1, 10) AS DATE)`,
            },
          },
      name: ex.use('EXTRT', 'text') as string,
    };
    const dose = ex.use('EXDOSE', 'number');
    if (dose) fields.value = dose;
    const unit = ex.use('EXDOSU', 'text');
    if (unit) fields.unit = unit;
    modalities.push(
      eventsModality(
        ex,
        entityIds,
        fields,
        `${ex.table.fileName}: name = treatment (EXTRT), value = dose (EXDOSE) in EXDOSU, time = study day of the start (EXSTDY).`,
      ),
    );
    sources.push(ex.planned(`${ex.table.fileName}: one row per constant-dosing interval.`));
    dataFiles.push({ name: ex.table.fileName, from: ex.table.path });
  }

  const joins: ProductPlan['joins'] = [];
  const endpoints: ProductPlan['endpoints'] = [];
  const adtte = raw.get('adtte');
  if (adtte) {
    const profile = read(raw, 'adtte') as TableProfile;
    const paramcds = [...(columnByHeader(profile, 'PARAMCD')?.values ?? [])].sort();
    const single = paramcds.length <= 1;
    if (single) dataFiles.push({ name: profile.fileName, from: profile.path });
    for (const paramcd of paramcds) {
      const sourceId = single ? 'adtte' : toIdentifier(`adtte_${paramcd}`);
      const fileName = single ? profile.fileName : `${sourceId}.csv`;
      if (!single) dataFiles.push({ name: fileName, content: parameterFile(adtte, paramcd) });
      const table = single ? profile : profileCsv(await readCsv(profile.path), sourceId);
      const rows = single
        ? table
        : { ...table, rows: adtte.rows.filter((row) => row.includes(paramcd)).length };
      const builder = new SourceBuilder({ ...rows, sourceId, fileName });
      const subject = builder.use('USUBJID', 'text') as string;
      const aval = builder.use('AVAL', 'number');
      const cnsr = builder.use('CNSR', 'integer');
      if (!aval || !cnsr) {
        checks.push(`${profile.fileName}: AVAL or CNSR missing, no endpoint made for ${paramcd}`);
        continue;
      }
      const param = adtte.rows.find((row) => row.includes(paramcd))?.[
        adtte.header.findIndex((h) => h.toUpperCase() === 'PARAM')
      ];
      const unitValue = builder.column('AVALU')?.values.values().next().value?.toLowerCase() ?? 'days';
      const unit = (['days', 'weeks', 'months', 'years'].includes(unitValue) ? unitValue : 'days') as 'days';
      sources.push(
        builder.planned(
          `${fileName}: ${single ? 'one row per subject' : `the rows of ${profile.fileName} with PARAMCD ${paramcd}`}.`,
        ),
      );
      joins.push(
        noted(
          { source: sourceId, on: { left: key.id, right: subject } },
          `Time-to-event parameter ${paramcd}: one row per subject.`,
        ),
      );
      const id = toIdentifier(paramcd.toLowerCase());
      endpoints.push(
        noted(
          {
            id,
            label: param ?? paramcd,
            description: `ADTTE parameter ${paramcd}: AVAL is the time, CNSR the censoring flag.`,
            time: { column: `${sourceId}.${aval}`, unit },
            event: { column: `${sourceId}.${cnsr}`, eventValues: [0], censoredValues: [1] },
          },
          `ADaM: CNSR = 0 is the event, CNSR = 1 censored.${builder.column('AVALU') ? '' : ' CHECK: no AVALU column, so AVAL was taken to be in days.'}`,
        ),
      );
      if (!builder.column('AVALU'))
        checks.push(`endpoint '${id}': AVAL taken to be in days (no AVALU column)`);
    }
    if (!single)
      checks.push(
        `${profile.fileName} holds ${paramcds.length} parameters: one file per PARAMCD was written to data/, as joins take whole sources`,
      );
  }

  return {
    id: identity.id,
    title: identity.title,
    description: `Generated by plexus init from the CDISC datasets ${dataFiles.map((file) => file.name).join(', ')}: name the study, its design and its population.`,
    domain: 'clinical trials',
    tags: ['CDISC', 'clinical trial'],
    entity: { singular: 'subject', plural: 'subjects' },
    dataFiles,
    mappingComment: `Generated by plexus init from the CDISC folder ${basename(folder)} (${entityName.toUpperCase()} as the subjects).\nComments starting with CHECK mark guesses to confirm.`,
    sources,
    entitySource: entityTable.sourceId,
    entityId: { column: key.id },
    entityComment: `One row of ${entityTable.fileName} is one subject, identified by USUBJID.`,
    joins,
    attributes,
    endpoints,
    modalities,
    protocols: {
      ...groupingDefaults(
        attributes.flatMap(({ value: attribute }) => {
          const column = entityTable.columns.find((candidate) => candidate.id === attribute.column);
          const declared = attribute.column ? subjects.columns[attribute.column]?.type : attribute.type;
          if (declared !== 'category' && declared !== 'boolean') return [];
          return [{ id: attribute.id, levels: column ? column.distinct : 2 }];
        }),
        /^(arm|sex)$/,
      ),
      ...(endpoints[0] ? { endpoint: endpoints[0].value.id } : {}),
    },
    checks,
  };
}
