import { logRegularizedBetaTail } from './incompleteBeta.ts';

/**
 * P(X > f) for X ~ F(df1, df2) (R: `pf(f, df1, df2, lower.tail = FALSE)`), as R's pf:
 * I_{df2/(df2 + df1 f)}(df2/2, df1/2), computed in log space so small p-values do not underflow.
 */
export function fSurvival(f: number, df1: number, df2: number): number {
  return Math.exp(logFSurvival(f, df1, df2));
}

/** log P(X > f), finite where the probability underflows. */
export function logFSurvival(f: number, df1: number, df2: number): number {
  if (Number.isNaN(f) || !(df1 > 0) || !(df2 > 0)) return Number.NaN;
  if (f <= 0) return 0;
  if (f === Number.POSITIVE_INFINITY) return Number.NEGATIVE_INFINITY;
  const denominator = df2 + df1 * f;
  return logRegularizedBetaTail(df2 / denominator, (df1 * f) / denominator, df2 / 2, df1 / 2, true);
}

/** P(X <= f) for X ~ F(df1, df2) (R: `pf(f, df1, df2)`). */
export function fCdf(f: number, df1: number, df2: number): number {
  if (Number.isNaN(f) || !(df1 > 0) || !(df2 > 0)) return Number.NaN;
  if (f <= 0) return 0;
  const denominator = df2 + df1 * f;
  return Math.exp(logRegularizedBetaTail((df1 * f) / denominator, df2 / denominator, df1 / 2, df2 / 2, true));
}
