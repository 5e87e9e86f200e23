import { normalQuantile, normalSurvival } from '../distributions/normal.ts';
import { StatsInputError } from '../StatsInputError.ts';

/** Options shared by the meta-analysis functions. */
export interface MetaAnalysisOptions {
  /** Confidence level of the pooled interval (default 0.95). */
  level?: number;
}

/** A pooled estimate on the analysis scale (e.g. log hazard ratio) with its Wald inference. */
export interface PooledEstimate {
  estimate: number;
  se: number;
  /** Wald confidence limits estimate -/+ z(1 - (1 - level) / 2) se. */
  lower: number;
  upper: number;
  /** estimate / se. */
  z: number;
  /** Two-sided normal p-value, 2 P(Z > |z|). */
  p: number;
  /** Weight of each study in percent (sums to 100), in input order. */
  weightPercent: Float64Array;
  level: number;
}

/**
 * Checks per-study estimates and standard errors (parallel, finite, SE > 0, at least `minimum`
 * studies) and returns them as typed arrays with the normal quantile for `level`.
 */
export function checkStudies(
  estimates: ArrayLike<number>,
  standardErrors: ArrayLike<number>,
  options: MetaAnalysisOptions,
  minimum: number,
): { y: Float64Array; se: Float64Array; level: number; zCrit: number } {
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) {
    throw new StatsInputError(`level is ${level}; it must be strictly between 0 and 1 (e.g. 0.95)`, 'level');
  }
  if (estimates.length !== standardErrors.length) {
    throw new StatsInputError(
      `estimates has ${estimates.length} entries but standardErrors has ${standardErrors.length}; give one of each per study`,
      'standardErrors',
    );
  }
  if (estimates.length < minimum) {
    throw new StatsInputError(
      `${estimates.length} stud${estimates.length === 1 ? 'y' : 'ies'} given; this analysis needs at least ${minimum}`,
      'estimates',
    );
  }
  const y = Float64Array.from(estimates);
  const se = Float64Array.from(standardErrors);
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i])) {
      throw new StatsInputError(
        `estimates[${i}] is ${y[i]}; every study needs a finite estimate on the analysis scale (e.g. a log hazard ratio)`,
        'estimates',
      );
    }
    const s = se[i] as number;
    if (!(s > 0 && Number.isFinite(s))) {
      throw new StatsInputError(
        `standardErrors[${i}] is ${s}; standard errors must be finite and > 0 (a study with SE 0 would get infinite weight)`,
        'standardErrors',
      );
    }
  }
  return { y, se, level, zCrit: normalQuantile(1 - (1 - level) / 2) };
}

/** Inverse-variance weighted mean of y with weights w, its SE 1 / sqrt(sum w) and Wald inference. */
export function inverseVariancePool(
  y: Float64Array,
  w: Float64Array,
  zCrit: number,
  level: number,
): PooledEstimate {
  let sumW = 0;
  let sumWy = 0;
  for (let i = 0; i < y.length; i++) {
    sumW += w[i] as number;
    sumWy += (w[i] as number) * (y[i] as number);
  }
  const estimate = sumWy / sumW;
  const se = Math.sqrt(1 / sumW);
  const z = estimate / se;
  return {
    estimate,
    se,
    lower: estimate - zCrit * se,
    upper: estimate + zCrit * se,
    z,
    p: 2 * normalSurvival(Math.abs(z)),
    weightPercent: w.map((wi) => (100 * wi) / sumW),
    level,
  };
}

/** Cochran's Q = sum w_i (y_i - fixed-effect estimate)^2 with inverse-variance weights w. */
export function cochranQ(y: Float64Array, w: Float64Array): number {
  let sumW = 0;
  let sumWy = 0;
  for (let i = 0; i < y.length; i++) {
    sumW += w[i] as number;
    sumWy += (w[i] as number) * (y[i] as number);
  }
  const mean = sumWy / sumW;
  let q = 0;
  for (let i = 0; i < y.length; i++) q += (w[i] as number) * ((y[i] as number) - mean) ** 2;
  return q;
}

/** Higgins' I^2 in percent: 100 (Q - df) / Q, truncated at 0 (also 0 when Q = 0). */
export function iSquaredPercent(q: number, df: number): number {
  return q > df ? (100 * (q - df)) / q : 0;
}
