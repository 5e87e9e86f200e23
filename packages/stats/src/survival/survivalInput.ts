import { StatsInputError } from '../StatsInputError.ts';
import { mergeNearTies } from './mergeNearTies.ts';

/** Event indicator as callers hand it in: 1/true = event, 0/false = censored, null/NaN = missing. */
export type EventInput = Uint8Array | ArrayLike<number | boolean | null | undefined>;
/** Group or stratum labels; null (or undefined) marks a row to drop. */
export type LabelInput = ArrayLike<string | null | undefined>;

/** The complete-case rows of a right-censored survival data set. */
export interface SurvivalRows {
  time: Float64Array;
  event: Uint8Array;
  /** One array per requested label column, aligned with `time`. */
  labels: string[][];
}

function parseEvent(value: number | boolean | null | undefined, row: number): number | null {
  if (value === null || value === undefined) return null;
  if (value === true || value === 1) return 1;
  if (value === false || value === 0) return 0;
  if (typeof value === 'number' && Number.isNaN(value)) return null;
  throw new StatsInputError(
    `event[${row}] is ${String(value)}; events must be 1/true (event) or 0/false (censored). ` +
      'Recode the status column first (e.g. R-style 1=censored/2=dead becomes status === 2).',
    'event',
  );
}

function checkLength(name: string, length: number, expected: number): void {
  if (length !== expected) {
    throw new StatsInputError(
      `time has ${expected} entries but ${name} has ${length}; they must be parallel arrays with one entry per subject`,
      name,
    );
  }
}

/**
 * Validates parallel time/event/label arrays and keeps the complete cases, as R's model.frame with
 * na.omit does before `survfit`/`survdiff`: rows with NaN time, missing event or a null label are
 * dropped; negative or infinite times are errors. Near-equal times are then merged like R's
 * `aeqSurv` (timefix = TRUE).
 */
export function collectSurvivalRows(
  time: ArrayLike<number>,
  event: EventInput,
  labels: { name: string; values: LabelInput }[] = [],
): SurvivalRows {
  const n = time.length;
  checkLength('event', event.length, n);
  for (const column of labels) checkLength(column.name, column.values.length, n);
  const times: number[] = [];
  const events: number[] = [];
  const kept: string[][] = labels.map(() => []);
  for (let i = 0; i < n; i++) {
    const t = time[i];
    if (t === undefined || t === null || Number.isNaN(t)) continue;
    if (t < 0 || !Number.isFinite(t)) {
      throw new StatsInputError(
        `time[${i}] is ${t}; survival times must be finite and >= 0 (time since the origin, e.g. days from diagnosis)`,
        'time',
      );
    }
    const e = parseEvent(event[i], i);
    if (e === null) continue;
    const rowLabels = labels.map((column) => column.values[i]);
    if (rowLabels.some((label) => label === null || label === undefined)) continue;
    times.push(t);
    events.push(e);
    rowLabels.forEach((label, j) => {
      kept[j]?.push(String(label));
    });
  }
  if (times.length === 0) {
    throw new StatsInputError(
      `none of the ${n} rows is complete (time not NaN, event not missing${labels.length ? ', labels not null' : ''}); nothing to analyse`,
    );
  }
  return { time: mergeNearTies(Float64Array.from(times)), event: Uint8Array.from(events), labels: kept };
}
