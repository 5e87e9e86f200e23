import { normalQuantile } from '../distributions/normal.ts';
import { StatsInputError } from '../StatsInputError.ts';
import type { ConfType } from './confidenceLimits.ts';
import { encodeLevels } from './encodeLevels.ts';
import { type KaplanMeierCurve, kaplanMeierCurve } from './kaplanMeierCurve.ts';
import { collectSurvivalRows, type EventInput, type LabelInput } from './survivalInput.ts';
import { type SurvivalMedian, survivalMedian } from './survivalMedian.ts';

export interface KaplanMeierOptions {
  /** Follow-up time per subject (>= 0); NaN drops the row. */
  time: Float64Array | ArrayLike<number>;
  /** 1/true = event, 0/false = censored; null/undefined/NaN drops the row. */
  event: EventInput;
  /** Stratum label per subject; null drops the row. Without it there is one stratum, `all`. */
  group?: LabelInput;
  /** Order of the strata (default: order of first appearance); every label must be listed. */
  levels?: string[];
  /** Confidence level of the pointwise limits and of the median CI (default 0.95). */
  confLevel?: number;
  /** Transformation for the limits, as R's survfit `conf.type` (default 'log'). */
  confType?: ConfType;
}

export interface KaplanMeierStratum extends KaplanMeierCurve {
  stratum: string;
  /** Number of subjects in the stratum (R's `records`). */
  n: number;
  /** Total number of events. */
  events: number;
  median: SurvivalMedian;
}

/**
 * One entry per stratum, in stratum order. The array also answers to `.strata` (itself), so that both
 * `kaplanMeier(...)[0]` and `kaplanMeier(...).strata[0]` read naturally.
 */
export type KaplanMeierResult = KaplanMeierStratum[] & { readonly strata: KaplanMeierStratum[] };

const CONF_TYPES: readonly ConfType[] = ['log', 'log-log', 'plain'];

/**
 * Kaplan–Meier survival curves per stratum, reproducing R's
 * `summary(survfit(Surv(time, event) ~ group, conf.type = confType), censored = TRUE)` and the
 * median table of `print.survfit`. Strata with no complete rows are omitted, as R does.
 */
export function kaplanMeier(options: KaplanMeierOptions): KaplanMeierResult {
  const { confLevel = 0.95, confType = 'log' } = options;
  if (!(confLevel > 0 && confLevel < 1)) {
    throw new StatsInputError(
      `confLevel is ${confLevel}; it must be strictly between 0 and 1 (e.g. 0.95)`,
      'confLevel',
    );
  }
  if (!CONF_TYPES.includes(confType)) {
    throw new StatsInputError(`confType "${confType}" is not one of ${CONF_TYPES.join(', ')}`, 'confType');
  }
  const labels = options.group ? [{ name: 'group', values: options.group }] : [];
  const rows = collectSurvivalRows(options.time, options.event, labels);
  const groupLabels = rows.labels[0] ?? new Array<string>(rows.time.length).fill('all');
  const { levels, codes } = encodeLevels(groupLabels, 'group', options.group ? options.levels : undefined);
  const z = normalQuantile(1 - (1 - confLevel) / 2);

  const strata = levels.map((stratum, code): KaplanMeierStratum | null => {
    const members = codes.reduce<number[]>((acc, c, i) => {
      if (c === code) acc.push(i);
      return acc;
    }, []);
    if (members.length === 0) return null;
    const time = Float64Array.from(members, (i) => rows.time[i] ?? 0);
    const event = Uint8Array.from(members, (i) => rows.event[i] ?? 0);
    const curve = kaplanMeierCurve(time, event, z, confType);
    return {
      stratum,
      n: members.length,
      events: event.reduce((sum, e) => sum + e, 0),
      ...curve,
      median: survivalMedian(curve.time, curve.surv, curve.lower, curve.upper),
    };
  });
  const result = strata.filter((s): s is KaplanMeierStratum => s !== null);
  return Object.defineProperty(result, 'strata', { value: result, enumerable: false }) as KaplanMeierResult;
}
