import type { Endpoint } from '@plexus/spec';
import type { Noted } from './ProductPlan.ts';
import type { ProfiledColumn } from './profileTable.ts';

const TIME = /^(.*?)[_.]?(time|days|futime)$/i;
const EVENT = /^(.*?)[_.]?(status|stat|event|dead|death|died|cens|censor|censored)$/i;

interface Coding {
  eventValues: Array<number | boolean>;
  censoredValues: Array<number | boolean>;
  assumption: string;
}

function isEventColumn(column: ProfiledColumn): boolean {
  return column.type === 'boolean' || (column.type === 'integer' && column.distinct === 2);
}

/** The coding of an event indicator: 0/1 with 1 = event (1 = censored for a censoring flag), 1/2 with 2 = event as R's survival reads it. */
function coding(column: ProfiledColumn): Coding | undefined {
  const censoring = /cens/i.test(column.header);
  if (column.zeroOne || (column.type === 'integer' && column.min === 0 && column.max === 1)) {
    return censoring
      ? { eventValues: [0], censoredValues: [1], assumption: '0 = event, 1 = censored (a censoring flag)' }
      : { eventValues: [1], censoredValues: [0], assumption: '1 = event, 0 = censored' };
  }
  if (column.type === 'integer' && column.min === 1 && column.max === 2)
    return {
      eventValues: [2],
      censoredValues: [1],
      assumption: "2 = event, 1 = censored (the convention of R's survival package)",
    };
  if (column.type === 'boolean') {
    const [no, yes] = column.levels ?? [];
    // Other boolean tokens (yes/no, y/n, true/false) are read as booleans: true = event.
    if (no !== undefined || yes !== undefined)
      return {
        eventValues: [true],
        censoredValues: [false],
        assumption: 'true (yes) = event, false (no) = censored',
      };
  }
  if (column.type === 'integer' && column.min !== undefined && column.max !== undefined)
    return {
      eventValues: [column.max],
      censoredValues: [column.min],
      assumption: `${column.max} = event, ${column.min} = censored`,
    };
  return undefined;
}

function unitOf(header: string): 'days' | 'weeks' | 'months' | 'years' {
  if (/month/i.test(header)) return 'months';
  if (/week/i.test(header)) return 'weeks';
  if (/year/i.test(header)) return 'years';
  return 'days';
}

export interface DetectedEndpoint {
  endpoint: Noted<Endpoint>;
  time: ProfiledColumn;
  event: ProfiledColumn;
}

/**
 * Time-to-event pairs that are obvious from the names: time/status, futime/fustat, os_time/os_event,
 * pfs.time/pfs.status… The event coding and the time unit are assumptions written into a comment.
 */
export function detectEndpoints(columns: readonly ProfiledColumn[], taken: Set<string>): DetectedEndpoint[] {
  const found: DetectedEndpoint[] = [];
  const used = new Set<ProfiledColumn>();
  for (const time of columns) {
    const timeMatch = time.header.match(TIME);
    if (!timeMatch || !(time.type === 'integer' || time.type === 'number') || (time.min ?? 0) < 0) continue;
    const prefix = (time.header.toLowerCase() === 'futime' ? 'fu' : (timeMatch[1] ?? '')).toLowerCase();
    const event = columns.find((candidate) => {
      if (used.has(candidate) || !isEventColumn(candidate)) return false;
      const match = candidate.header.match(EVENT);
      const eventPrefix = (
        candidate.header.toLowerCase() === 'fustat' ? 'fu' : (match?.[1] ?? '')
      ).toLowerCase();
      return match !== null && eventPrefix === prefix;
    });
    const code = event && coding(event);
    if (!event || !code) continue;
    used.add(event);
    const deathLike = /dead|death|died/i.test(event.header);
    const base =
      prefix && prefix !== 'fu' ? prefix.replace(/[^a-z0-9]+/g, '_') : deathLike ? 'death' : 'outcome';
    let id = /^[a-z]/.test(base) ? base : `endpoint_${base}`;
    for (let suffix = 2; taken.has(id); suffix++) id = `${base}_${suffix}`;
    taken.add(id);
    const unit = unitOf(time.header);
    const label =
      prefix && prefix !== 'fu'
        ? prefix.length <= 4
          ? prefix.toUpperCase()
          : prefix
        : deathLike
          ? 'Death'
          : 'Outcome';
    found.push({
      time,
      event,
      endpoint: {
        value: {
          id,
          label,
          description: `Time from column ${time.header}, event indicator from column ${event.header}.`,
          time: { column: time.id, unit },
          event: { column: event.id, eventValues: code.eventValues, censoredValues: code.censoredValues },
        },
        comment: `CHECK: the coding of ${event.header} was assumed to be ${code.assumption},\nand ${time.header} to be in ${unit}. Correct eventValues, censoredValues and unit if not.`,
      },
    });
  }
  return found;
}
