import { normalQuantile } from '../distributions/normal.ts';
import { StatsInputError } from '../StatsInputError.ts';
import { type ConfType, confidenceLimits } from '../survival/confidenceLimits.ts';
import type { KaplanMeierCurve } from '../survival/kaplanMeierCurve.ts';
import { type SurvivalMedian, survivalMedian } from '../survival/survivalMedian.ts';
import { checkRiskTables, type RiskTableInput } from './riskTable.ts';

export interface PooledKaplanMeierOptions {
  /** Confidence level of the pointwise limits and of the median CI (default 0.95). */
  level?: number;
  /** Transformation for the limits, as R's survfit `conf.type` (default 'log'). */
  confType?: ConfType;
}

export interface PooledKaplanMeierResult extends KaplanMeierCurve {
  /** Number of sites pooled. */
  sites: number;
  /** Median survival and its limits by print.survfit's rule, over the grid times. */
  median: SurvivalMedian;
}

const CONF_TYPES: readonly ConfType[] = ['log', 'log-log', 'plain'];

/**
 * Kaplan–Meier curve of the pooled data from per-site risk tables on a shared grid (see riskTable).
 * At each grid time t the counts are summed over sites, n(t) = sum nRisk, d(t) = sum nEvent, and
 *
 *   S(t) = prod_{u <= t} (1 - d(u) / n(u)),  Var(log S(t)) = sum_{u <= t} d(u) / (n(u) (n(u) - d(u)))
 *
 * (Greenwood), stdErr = S sqrt(Var log S) and pointwise limits by confType exactly as survfit's
 * (see confidenceLimits). One row per grid time, including times without events or anyone at risk.
 *
 * Exactness: when the grid holds every distinct event time of every site and each site reports
 * nRisk = #(time >= t) and nEvent = #(events at t), every row equals R's survfit on the pooled
 * individual data at that time (nCensor is summed but not used). On a coarser grid the curve is the
 * Kaplan–Meier of the pooled data with event times rounded up and censoring times rounded down to
 * the grid (riskTable's rule): exact at no time in general, but with the same number of events by
 * each grid time and slightly smaller risk sets, i.e. a grouped (life-table-like) approximation.
 */
export function pooledKaplanMeier(
  sites: readonly RiskTableInput[],
  options: PooledKaplanMeierOptions = {},
): PooledKaplanMeierResult {
  const { level = 0.95, confType = 'log' } = options;
  if (!(level > 0 && level < 1)) {
    throw new StatsInputError(`level is ${level}; it must be strictly between 0 and 1 (e.g. 0.95)`, 'level');
  }
  if (!CONF_TYPES.includes(confType)) {
    throw new StatsInputError(`confType "${confType}" is not one of ${CONF_TYPES.join(', ')}`, 'confType');
  }
  const tables = checkRiskTables(sites, 'sites', (i) => `sites[${i}]`);
  const z = normalQuantile(1 - (1 - level) / 2);
  const m = tables.grid.length;
  const curve: KaplanMeierCurve = {
    time: Float64Array.from(tables.grid),
    nRisk: new Float64Array(m),
    nEvent: new Float64Array(m),
    nCensor: new Float64Array(m),
    surv: new Float64Array(m),
    stdErr: new Float64Array(m),
    lower: new Float64Array(m),
    upper: new Float64Array(m),
  };
  for (let s = 0; s < sites.length; s++) {
    for (let j = 0; j < m; j++) {
      curve.nRisk[j] = (curve.nRisk[j] as number) + (tables.nRisk[s]?.[j] as number);
      curve.nEvent[j] = (curve.nEvent[j] as number) + (tables.nEvent[s]?.[j] as number);
      curve.nCensor[j] = (curve.nCensor[j] as number) + (tables.nCensor[s]?.[j] as number);
    }
  }
  let surv = 1;
  let greenwood = 0;
  for (let j = 0; j < m; j++) {
    const n = curve.nRisk[j] as number;
    const d = curve.nEvent[j] as number;
    if (d > 0) {
      surv *= (n - d) / n;
      greenwood += n > d ? d / (n * (n - d)) : Number.POSITIVE_INFINITY;
    }
    const seLog = Math.sqrt(greenwood);
    const limits = confidenceLimits(surv, seLog, z, confType);
    curve.surv[j] = surv;
    curve.stdErr[j] = surv === 0 ? Number.NaN : surv * seLog;
    curve.lower[j] = limits.lower;
    curve.upper[j] = limits.upper;
  }
  return {
    ...curve,
    sites: sites.length,
    median: survivalMedian(curve.time, curve.surv, curve.lower, curve.upper),
  };
}
