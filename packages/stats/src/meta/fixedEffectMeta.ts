import { chiSquareSurvival } from '../distributions/chiSquare.ts';
import {
  checkStudies,
  cochranQ,
  inverseVariancePool,
  iSquaredPercent,
  type MetaAnalysisOptions,
  type PooledEstimate,
} from './inverseVariancePool.ts';

/** Heterogeneity statistics reported with both pooled models. */
export interface Heterogeneity {
  /** Cochran's Q = sum w_i (y_i - fixed-effect estimate)^2, w_i = 1 / se_i^2. */
  q: number;
  /** k - 1. */
  df: number;
  /** P(chi-square with df degrees of freedom > Q); NaN for a single study (df = 0). */
  pQ: number;
  /** Higgins' I^2 in percent, 100 max(0, (Q - df) / Q). */
  iSquared: number;
}

export interface FixedEffectMetaResult extends PooledEstimate, Heterogeneity {
  method: 'fixed-effect inverse-variance';
  k: number;
}

/**
 * Inverse-variance fixed-effect meta-analysis, as meta::metagen's common effect and
 * metafor::rma(method = "FE"): with w_i = 1 / se_i^2 the pooled estimate is sum w_i y_i / sum w_i,
 * its SE 1 / sqrt(sum w_i), CI estimate -/+ z se, z = estimate / se, two-sided normal p. Estimates
 * are on the analysis scale (log hazard ratio, log odds ratio, mean difference...); see
 * `toRatioScale` to exponentiate. One study is allowed (the result is that study).
 */
export function fixedEffectMeta(
  estimates: ArrayLike<number>,
  standardErrors: ArrayLike<number>,
  options: MetaAnalysisOptions = {},
): FixedEffectMetaResult {
  const { y, se, level, zCrit } = checkStudies(estimates, standardErrors, options, 1);
  const w = se.map((s) => 1 / (s * s));
  const pooled = inverseVariancePool(y, w, zCrit, level);
  const q = cochranQ(y, w);
  const df = y.length - 1;
  return {
    method: 'fixed-effect inverse-variance',
    k: y.length,
    ...pooled,
    q,
    df,
    pQ: df > 0 ? chiSquareSurvival(q, df) : Number.NaN,
    iSquared: iSquaredPercent(q, df),
  };
}
