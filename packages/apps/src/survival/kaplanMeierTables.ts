import type { FrameColumn } from '@plexus/engine';
import type { Block } from '@plexus/spec';
import type { KaplanMeierStratum } from '@plexus/stats';

/** The group label of every row of a category or boolean column (null when missing). */
export function groupLabels(column: FrameColumn): Array<string | null> {
  if (column.type === 'category')
    return Array.from(column.codes, (code) => (code < 0 ? null : (column.levels[code] ?? null)));
  if (column.type === 'boolean')
    return Array.from(column.values, (value) => (value < 0 ? null : value === 1 ? 'true' : 'false'));
  throw new Error(`group attribute must be a category or boolean, found ${column.type}`);
}

/** A round step (1, 2 or 5 times a power of ten) giving about `target` intervals up to `max`. */
export function niceStep(max: number, target = 6): number {
  if (!(max > 0)) return 1;
  const raw = max / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const multiple = [1, 2, 5, 10].find((candidate) => candidate * power >= raw) ?? 10;
  return multiple * power;
}

/** Numbers at risk (time >= t) per group at round times, as printed under a published KM plot. */
export function atRiskTable(
  strata: KaplanMeierStratum[],
  time: Float64Array,
  group: Array<string | null>,
): Block {
  const maxTime = time.reduce((max, value) => Math.max(max, value), 0);
  const step = niceStep(maxTime);
  const grid: number[] = [];
  // Multiply rather than accumulate, so that 0.1 + 0.2 never becomes 0.30000000000000004.
  for (let index = 0; index * step <= maxTime; index++) grid.push(Number((index * step).toPrecision(12)));
  const rows = grid.map((t) => [
    t,
    ...strata.map((stratum) => {
      let count = 0;
      for (let row = 0; row < time.length; row++)
        if (group[row] === stratum.stratum && (time[row] ?? -1) >= t) count++;
      return count;
    }),
  ]);
  return {
    id: 'at-risk',
    type: 'table',
    title: 'Number at risk',
    columns: [
      { id: 'time', label: 'Time', type: 'number' },
      ...strata.map((stratum, index) => ({
        id: `group-${index + 1}`,
        label: stratum.stratum,
        type: 'integer' as const,
      })),
    ],
    rows,
  };
}

/** Every time point of every curve, as `summary(survfit(...), censored = TRUE)` lists them. */
export function survivalTable(strata: KaplanMeierStratum[], percent: number): Block {
  const rows = strata.flatMap((stratum) =>
    Array.from(stratum.time, (time, index) => [
      stratum.stratum,
      time,
      stratum.nRisk[index] ?? null,
      stratum.nEvent[index] ?? null,
      stratum.nCensor[index] ?? null,
      stratum.surv[index] ?? null,
      stratum.stdErr[index] ?? null,
      stratum.lower[index] ?? null,
      stratum.upper[index] ?? null,
    ]),
  );
  return {
    id: 'survival-table',
    type: 'table',
    title: 'Survival estimates at each time',
    columns: [
      { id: 'group', label: 'Group', type: 'string' },
      { id: 'time', label: 'Time', type: 'number' },
      { id: 'n_risk', label: 'At risk', type: 'integer' },
      { id: 'n_event', label: 'Events', type: 'integer' },
      { id: 'n_censor', label: 'Censored', type: 'integer' },
      { id: 'surv', label: 'Survival', type: 'number' },
      { id: 'std_err', label: 'Std. error', type: 'number' },
      { id: 'lower', label: `${percent}% CI lower`, type: 'number' },
      { id: 'upper', label: `${percent}% CI upper`, type: 'number' },
    ],
    rows,
  };
}
