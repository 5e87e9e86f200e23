import { chiSquareSurvival } from '../distributions/chiSquare.ts';
import type { Heterogeneity } from './fixedEffectMeta.ts';
import {
  checkStudies,
  cochranQ,
  inverseVariancePool,
  iSquaredPercent,
  type MetaAnalysisOptions,
  type PooledEstimate,
} from './inverseVariancePool.ts';

export interface RandomEffectsMetaResult extends PooledEstimate, Heterogeneity {
  method: 'random-effects DerSimonian-Laird';
  k: number;
  /** Between-study variance, DerSimonian–Laird moment estimate truncated at 0. */
  tau2: number;
  tau: number;
  /** H = sqrt(max(1, Q / df)), so that I^2 = 100 (H^2 - 1) / H^2. */
  h: number;
}

/**
 * DerSimonian–Laird random-effects meta-analysis, as meta::metagen's random effects (DL) and
 * metafor::rma(method = "DL"). With fixed-effect weights w_i = 1 / se_i^2 and Cochran's
 * Q = sum w_i (y_i - y_FE)^2 on df = k - 1:
 *
 *   tau^2 = max(0, (Q - df) / (sum w_i - sum w_i^2 / sum w_i))
 *   w*_i  = 1 / (se_i^2 + tau^2)
 *   estimate = sum w*_i y_i / sum w*_i,  se = 1 / sqrt(sum w*_i)
 *
 * CI estimate -/+ z se (normal, no Hartung–Knapp adjustment), z = estimate / se, two-sided normal
 * p, weights in percent of sum w*_i, I^2 = 100 max(0, (Q - df) / Q), H = sqrt(max(1, Q / df)).
 * Q, its p and I^2 are the fixed-effect heterogeneity statistics. Needs at least 2 studies.
 */
export function randomEffectsMeta(
  estimates: ArrayLike<number>,
  standardErrors: ArrayLike<number>,
  options: MetaAnalysisOptions = {},
): RandomEffectsMetaResult {
  const { y, se, level, zCrit } = checkStudies(estimates, standardErrors, options, 2);
  const w = se.map((s) => 1 / (s * s));
  const q = cochranQ(y, w);
  const df = y.length - 1;
  let sumW = 0;
  let sumW2 = 0;
  for (const wi of w) {
    sumW += wi;
    sumW2 += wi * wi;
  }
  const tau2 = Math.max(0, (q - df) / (sumW - sumW2 / sumW));
  const wStar = se.map((s) => 1 / (s * s + tau2));
  return {
    method: 'random-effects DerSimonian-Laird',
    k: y.length,
    ...inverseVariancePool(y, wStar, zCrit, level),
    tau2,
    tau: Math.sqrt(tau2),
    q,
    df,
    pQ: chiSquareSurvival(q, df),
    iSquared: iSquaredPercent(q, df),
    h: Math.sqrt(Math.max(1, q / df)),
  };
}
