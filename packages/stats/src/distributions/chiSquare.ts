import { logRegularizedGammaQ, regularizedGammaP, regularizedGammaQ } from './regularizedGamma.ts';

/** P(X <= x) for X ~ chi-square(df) (R: `pchisq(x, df)`). */
export function chiSquareCdf(x: number, df: number): number {
  return regularizedGammaP(df / 2, x / 2);
}

/**
 * P(X > x) for X ~ chi-square(df) (R: `pchisq(x, df, lower.tail = FALSE)`). The upper tail is
 * computed directly by a continued fraction in log space, never as 1 - cdf, so p-values stay
 * accurate down to ~1e-300 (e.g. x = 900, df = 1 gives 9.81e-198 = erfc(sqrt(450)), not 0).
 */
export function chiSquareSurvival(x: number, df: number): number {
  return regularizedGammaQ(df / 2, x / 2);
}

/** log P(X > x), finite even where the p-value itself underflows double precision. */
export function logChiSquareSurvival(x: number, df: number): number {
  return logRegularizedGammaQ(df / 2, x / 2);
}
