/** Median survival with its confidence limits; null where the curve never reaches 0.5. */
export interface SurvivalMedian {
  median: number | null;
  lower: number | null;
  upper: number | null;
}

/** all.equal's tolerance, which R uses to decide that a curve sits at exactly 0.5. */
const TOLERANCE = Math.sqrt(Number.EPSILON);

/**
 * The first time at which a (survival, lower or upper) curve drops to 0.5 or below, by the rule of
 * R's print.survfit (`minmin` in survival:::survmean): NaN points are ignored; if the first point
 * at or below 0.5 equals 0.5 within 1.5e-8 and the curve drops further later, the answer is the
 * midpoint between that time and the first time the curve is lower (the usual median of a flat);
 * otherwise it is that first time. Null when the curve never gets to 0.5.
 */
export function firstTimeAtOrBelowHalf(curve: ArrayLike<number>, time: ArrayLike<number>): number | null {
  let first = -1;
  for (let i = 0; i < curve.length; i++) {
    const y = curve[i] ?? Number.NaN;
    if (Number.isNaN(y) || !(y < 0.5 + TOLERANCE)) continue;
    if (first < 0) {
      first = i;
      const atHalf = Math.abs(y - 0.5) < TOLERANCE;
      if (!atHalf) return time[i] ?? null;
      continue;
    }
    if (y < (curve[first] ?? Number.NaN)) return ((time[first] ?? 0) + (time[i] ?? 0)) / 2;
  }
  return first < 0 ? null : (time[first] ?? null);
}

/** Median and its CI as R's print.survfit reports them: the same rule applied to surv, lower and upper. */
export function survivalMedian(
  time: ArrayLike<number>,
  surv: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
): SurvivalMedian {
  return {
    median: firstTimeAtOrBelowHalf(surv, time),
    lower: firstTimeAtOrBelowHalf(lower, time),
    upper: firstTimeAtOrBelowHalf(upper, time),
  };
}
