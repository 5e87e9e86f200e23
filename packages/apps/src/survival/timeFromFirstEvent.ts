import type { PluginContext } from '@plexus/runtime';
import { type Block, didYouMean, InputError, type PluginOutput } from '@plexus/spec';
import { kaplanMeier } from '@plexus/stats';
import { kaplanMeierChart } from './kaplanMeierChart.ts';
import { atRiskTable, survivalTable } from './kaplanMeierTables.ts';

const DAYS_PER: Record<string, number> = { days: 1, weeks: 7, months: 30.4375, years: 365.25 };

/** Per entity of the cohort, the time of its first event of the given name (NaN when it has none). */
async function firstEventTimes(
  context: PluginContext,
  modality: string,
  name: string,
  cohort: unknown,
): Promise<{ first: Map<string, number>; timeKind: 'offset' | 'date' }> {
  const events = await context.events({ modality, cohort: cohort as never, names: [name] });
  const first = new Map<string, number>();
  for (let row = 0; row < events.length; row++) {
    const time = events.time[row] ?? Number.NaN;
    const id = events.ids[row];
    if (id === undefined || Number.isNaN(time) || events.name[row] !== name) continue;
    const known = first.get(id);
    if (known === undefined || time < known) first.set(id, time);
  }
  return { first, timeKind: events.timeKind };
}

/**
 * Time from each entity's first event of a given name (a diagnosis, a first dose) to the event of an
 * endpoint (death) or the end of its follow-up: a Kaplan–Meier curve with the median and the number at
 * risk. The endpoint fixes the end of follow-up; for dated events its time counts from the `origin`
 * date attribute (e.g. the start of observation), so the end date is origin + endpoint time.
 */
export async function timeFromFirstEvent(context: PluginContext): Promise<PluginOutput> {
  const { params, model, product } = context;
  const modalityId = String(params.modality);
  const eventName = String(params.eventName ?? '').trim();
  const endpointId = String(params.endpoint);
  const confLevel = Number(params.confLevel ?? 0.95);
  const modality = model.modalities.find((candidate) => candidate.id === modalityId);
  if (modality?.kind !== 'events') {
    const known = model.modalities.filter((candidate) => candidate.kind === 'events').map((m) => m.id);
    throw new InputError(
      `'${modalityId}' is not an events modality of this product${didYouMean(modalityId, known)}`,
    );
  }
  const endpoint = model.endpoints.find((candidate) => candidate.id === endpointId);
  if (!endpoint) throw new Error('endpoint missing from the model');
  if (eventName === '')
    throw new InputError(`give the exact name of an event of ${modality.label} in eventName`);

  const { first, timeKind } = await firstEventTimes(context, modalityId, eventName, params.cohort);
  const origin = params.origin === undefined || params.origin === null ? undefined : String(params.origin);
  if (timeKind === 'date' && origin === undefined)
    throw new InputError(
      `the events of ${modality.label} are dated: give origin, the date attribute the ${endpoint.label.toLowerCase()} time counts from`,
    );
  const columns = [`endpoint:${endpointId}`, ...(timeKind === 'date' && origin ? [origin] : [])];
  const frame = await context.frame({ cohort: params.cohort as never, columns });
  const outcome = frame.columns[`endpoint:${endpointId}`];
  const originColumn = timeKind === 'date' && origin ? frame.columns[origin] : undefined;
  if (outcome?.type !== 'endpoint') throw new Error('frame lacks the endpoint');
  if (timeKind === 'date' && originColumn?.type !== 'date')
    throw new InputError(`origin '${origin}' must be a date attribute`);

  const unitDays = DAYS_PER[endpoint.unit] ?? 1;
  const time: number[] = [];
  const event: number[] = [];
  let withoutEvent = 0;
  let unknownOutcome = 0;
  let afterEnd = 0;
  for (let row = 0; row < frame.length; row++) {
    const start = first.get(frame.ids[row] ?? '');
    if (start === undefined) {
      withoutEvent++;
      continue;
    }
    const followUp = (outcome.time[row] ?? Number.NaN) * unitDays;
    const status = outcome.event[row] ?? -1;
    const base = originColumn?.type === 'date' ? (originColumn.values[row] ?? Number.NaN) : 0;
    const end = base + followUp;
    if (Number.isNaN(end) || status < 0) {
      unknownOutcome++;
      continue;
    }
    if (end < start) {
      afterEnd++;
      continue;
    }
    time.push(end - start);
    event.push(status);
  }
  const entities = product.entity.plural;
  if (time.length === 0)
    throw new InputError(
      `no ${entities} of the cohort have an event '${eventName}' in ${modality.label} with a known ${endpoint.label.toLowerCase()}${didYouMean(
        eventName,
        modality.topNames.map((top) => top.name),
      )}`,
    );

  const label = `first ${eventName}`;
  const strata = kaplanMeier({
    time: Float64Array.from(time),
    event: Uint8Array.from(event),
    group: time.map(() => label),
    confLevel,
  });
  const stratum = strata[0];
  if (!stratum) throw new Error('no Kaplan–Meier stratum');
  const percent = Math.round(confLevel * 1000) / 10;
  const deaths = stratum.events;
  const median = stratum.median;
  const excluded = [
    withoutEvent ? `${withoutEvent} without an event '${eventName}'` : '',
    unknownOutcome ? `${unknownOutcome} with an unknown ${endpoint.label.toLowerCase()} or origin` : '',
    afterEnd ? `${afterEnd} whose first event lies after the end of follow-up` : '',
  ].filter((part) => part !== '');
  const endpointInDays = { label: `Days from ${label} to ${endpoint.label.toLowerCase()}`, unit: 'days' };
  const blocks: Block[] = [
    {
      id: 'summary',
      type: 'markdown',
      text: [
        `${time.length} ${entities} of the cohort (${frame.length}) have ${modality.label.toLowerCase()} '${eventName}'; ${deaths} reached ${endpoint.label.toLowerCase()} afterwards, the others are censored at the end of follow-up.`,
        `Time counts from each ${product.entity.singular}'s first '${eventName}' in days${timeKind === 'date' ? `; the end of follow-up is ${origin} + the ${endpoint.label.toLowerCase()} time` : ''}.`,
        excluded.length ? `Left out: ${excluded.join('; ')}.` : '',
      ]
        .filter((line) => line !== '')
        .join('\n\n'),
    },
    {
      id: 'median',
      type: 'statistic',
      name: `Median time from ${label} to ${endpoint.label.toLowerCase()}`,
      value: median.median,
      unit: 'days',
      ci: { lower: median.lower, upper: median.upper, level: confLevel },
      method: "Kaplan–Meier, log-type confidence interval (R's survfit)",
    },
    {
      id: 'km-chart',
      type: 'chart',
      title: `${endpoint.label} after ${label}`,
      spec: kaplanMeierChart(strata, endpointInDays, modality.label, percent),
    } as Block,
    atRiskTable(
      strata,
      Float64Array.from(time),
      time.map(() => label),
    ),
    survivalTable(strata, percent),
  ];
  const medianText = median.median === null ? 'median not reached' : `median ${median.median} days`;
  return {
    title: `Time from ${label} to ${endpoint.label.toLowerCase()}`,
    summary: `${time.length} ${entities}, ${deaths} ${endpoint.label.toLowerCase()} events; ${medianText}`,
    blocks,
  };
}
