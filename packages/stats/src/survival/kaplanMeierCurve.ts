import { type ConfType, confidenceLimits } from './confidenceLimits.ts';

/** One Kaplan–Meier curve, one entry per distinct observed time (event or censoring). */
export interface KaplanMeierCurve {
  time: Float64Array;
  nRisk: Float64Array;
  nEvent: Float64Array;
  nCensor: Float64Array;
  surv: Float64Array;
  /** Standard error of S(t), surv * sqrt(Greenwood sum), as `summary.survfit` reports `std.err`. */
  stdErr: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
}

/**
 * Kaplan–Meier estimate for one stratum, as survival's survfitKM computes it for right-censored
 * data: S(t) = prod (1 - d/n) over event times, Greenwood variance of log S summed d / (n (n - d)),
 * which is infinite once everybody at risk has died (S = 0), so stdErr and limits are NaN there.
 */
export function kaplanMeierCurve(
  time: Float64Array,
  event: Uint8Array,
  z: number,
  confType: ConfType,
): KaplanMeierCurve {
  const order = Array.from(time.keys()).sort((a, b) => (time[a] ?? 0) - (time[b] ?? 0));
  const distinct: number[] = [];
  const deaths: number[] = [];
  const censored: number[] = [];
  for (const i of order) {
    const t = time[i] ?? 0;
    const isEvent = event[i] === 1 ? 1 : 0;
    const last = distinct.length - 1;
    if (last >= 0 && distinct[last] === t) {
      deaths[last] = (deaths[last] ?? 0) + isEvent;
      censored[last] = (censored[last] ?? 0) + 1 - isEvent;
    } else {
      distinct.push(t);
      deaths.push(isEvent);
      censored.push(1 - isEvent);
    }
  }
  const m = distinct.length;
  const curve: KaplanMeierCurve = {
    time: Float64Array.from(distinct),
    nRisk: new Float64Array(m),
    nEvent: Float64Array.from(deaths),
    nCensor: Float64Array.from(censored),
    surv: new Float64Array(m),
    stdErr: new Float64Array(m),
    lower: new Float64Array(m),
    upper: new Float64Array(m),
  };
  let atRisk = time.length;
  let surv = 1;
  let greenwood = 0;
  for (let k = 0; k < m; k++) {
    const d = deaths[k] ?? 0;
    if (d > 0) {
      surv *= (atRisk - d) / atRisk;
      greenwood += atRisk > d ? d / (atRisk * (atRisk - d)) : Number.POSITIVE_INFINITY;
    }
    const seLog = Math.sqrt(greenwood);
    const limits = confidenceLimits(surv, seLog, z, confType);
    curve.nRisk[k] = atRisk;
    curve.surv[k] = surv;
    curve.stdErr[k] = surv === 0 ? Number.NaN : surv * seLog;
    curve.lower[k] = limits.lower;
    curve.upper[k] = limits.upper;
    atRisk -= d + (censored[k] ?? 0);
  }
  return curve;
}
