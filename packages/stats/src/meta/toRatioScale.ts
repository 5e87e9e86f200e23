/** A pooled estimate and its limits back-transformed from the log scale. */
export interface RatioScale {
  /** exp(estimate): the pooled hazard, odds or risk ratio. */
  ratio: number;
  lower: number;
  upper: number;
}

/**
 * Exponentiates a pooled log-scale result (log hazard ratio, log odds ratio...) to the ratio scale:
 * exp of the estimate and of both confidence limits. z, p and heterogeneity do not change.
 */
export function toRatioScale(pooled: { estimate: number; lower: number; upper: number }): RatioScale {
  return { ratio: Math.exp(pooled.estimate), lower: Math.exp(pooled.lower), upper: Math.exp(pooled.upper) };
}
