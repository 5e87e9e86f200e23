import { didYouMean, InputError } from '@plexus/spec';
import { ENTITY_TABLE, ID_COLUMN } from '../build/entitySql.ts';
import { ENTITY_ALIAS, ParameterList } from '../cohort/cohortSql.ts';
import type { CompiledCohort } from '../cohort/compileCohort.ts';
import { quoteIdentifier } from '../duckdb/sql.ts';
import { eventsTable } from '../modalities/ModalityBuild.ts';
import type { ManifestEventsModality, ManifestModality } from '../snapshot/Manifest.ts';
import type { EventsRequest, EventTable } from './Frame.ts';
import type { ColumnsQuery } from './SnapshotQueries.ts';

const text = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);
const number = (value: unknown): number =>
  value === null || value === undefined ? Number.NaN : Number(value);

/** The events of one modality for a cohort, as columns. */
export async function eventTable(
  run: ColumnsQuery,
  modalities: readonly ManifestModality[],
  request: EventsRequest,
  cohort: CompiledCohort,
): Promise<EventTable> {
  const modality = modalities.find(
    (candidate): candidate is ManifestEventsModality =>
      candidate.kind === 'events' && candidate.id === request.modality,
  );
  if (!modality) {
    const known = modalities
      .filter((candidate) => candidate.kind === 'events')
      .map((candidate) => candidate.id);
    throw new InputError(
      `unknown events modality '${request.modality}'${didYouMean(request.modality, known)} (the product has: ${known.join(', ') || 'none'})`,
      [{ at: 'modality', message: 'unknown events modality', allowed: known }],
    );
  }
  const id = quoteIdentifier(ID_COLUMN);
  const alias = quoteIdentifier(ENTITY_ALIAS);
  // The cohort's parameters come first; the name filter's are numbered after them.
  const params = new ParameterList(cohort.params);
  const names = request.names ? ` AND ev."name" IN ${params.textList(request.names)}` : '';
  const columns = await run(
    `SELECT ev.* FROM ${quoteIdentifier(eventsTable(modality.id))} AS ev JOIN ${quoteIdentifier(ENTITY_TABLE)} AS ${alias} ON ${alias}.${id} = ev.${id} WHERE (${cohort.where})${names} ORDER BY ev.${id}, ev."time" NULLS LAST, ev."name", ev."code", ev."group", ev."value", ev."text", ev."unit"`,
    params.values,
  );
  const column = (name: string) => columns[name] ?? [];
  const ids = column(ID_COLUMN).map(String);
  return {
    modality: modality.id,
    length: ids.length,
    ids,
    time: Float64Array.from(column('time'), number),
    timeKind: modality.timeKind,
    name: column('name').map(text),
    code: column('code').map(text),
    group: column('group').map(text),
    value: Float64Array.from(column('value'), number),
    text: column('text').map(text),
    unit: column('unit').map(text),
  };
}
