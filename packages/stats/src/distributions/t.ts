import { logBeta, logRegularizedBetaTail } from './incompleteBeta.ts';
import { normalCdf, normalQuantile } from './normal.ts';

/**
 * log P(T > t) for t >= 0, T ~ Student t(df), as R's `pt`: P(|T| > t) = I_{df/(df+t^2)}(df/2, 1/2),
 * with x = df/(df+t^2) and 1 - x = t^2/(df+t^2) both formed without cancellation.
 */
function logUpperHalf(t: number, df: number): number {
  if (t === Number.POSITIVE_INFINITY) return Number.NEGATIVE_INFINITY;
  if (df > 2e6) {
    // Abramowitz & Stegun 26.7.8 (the approximation older R used above 4e5); its O(1/df^2) error is
    // below 1e-11 here, where the continued fraction loses digits.
    const v = 1 / (4 * df);
    return Math.log(normalCdf((-t * (1 - v)) / Math.sqrt(1 + t * t * 2 * v)));
  }
  const t2 = t * t;
  let x: number;
  let y: number;
  if (t2 > df) {
    // t large: x = 1/(1 + t^2/df) small; compute as df/t^2 / (1 + df/t^2)
    const r = df / t2;
    x = r / (1 + r);
    y = 1 / (1 + r);
  } else {
    const r = t2 / df;
    x = 1 / (1 + r);
    y = r / (1 + r);
  }
  return logRegularizedBetaTail(x, y, df / 2, 0.5, true) - Math.LN2;
}

function checkDf(df: number): boolean {
  return df > 0;
}

/** P(T <= t) for T ~ Student t(df) (R: `pt(t, df)`); accurate in the lower tail down to ~1e-300. */
export function tCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !checkDf(df)) return Number.NaN;
  if (t < 0) return Math.exp(logUpperHalf(-t, df));
  return -Math.expm1(logUpperHalf(t, df));
}

/** P(T > t) (R: `pt(t, df, lower.tail = FALSE)`), computed directly for positive t. */
export function tSurvival(t: number, df: number): number {
  return tCdf(-t, df);
}

/** log P(T > t), finite where the probability itself underflows. */
export function logTSurvival(t: number, df: number): number {
  if (Number.isNaN(t) || !checkDf(df)) return Number.NaN;
  if (t > 0) return logUpperHalf(t, df);
  return Math.log1p(-Math.exp(logUpperHalf(-t, df)));
}

/** Density of Student t(df) (R: `dt(t, df)`). */
export function tDensity(t: number, df: number): number {
  if (df === Number.POSITIVE_INFINITY) return Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
  return Math.exp(-0.5 * Math.log(df) - logBeta(df / 2, 0.5) - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/**
 * Quantile of Student t(df) (R: `qt(p, df)`). Closed forms for df = 1 (Cauchy) and df = 2;
 * otherwise a Cornish-Fisher start refined by Newton's method on log P(T > t), which stays well
 * conditioned far into the tail. Accurate to ~1e-13 relative.
 */
export function tQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !checkDf(df)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  const upper = p > 0.5;
  const q = upper ? 1 - p : p; // tail probability beyond |t|
  if (df === 1) {
    const value = 1 / Math.tan(Math.PI * q);
    return upper ? value : -value;
  }
  if (df === 2) {
    const a = 4 * q * (1 - q);
    const value = Math.sqrt(2 / a) * (1 - 2 * q);
    return upper ? value : -value;
  }
  if (df === Number.POSITIVE_INFINITY) return normalQuantile(p);
  // Cornish-Fisher expansion (Abramowitz & Stegun 26.7.5) as a starting value.
  const z = -normalQuantile(q);
  const z2 = z * z;
  let t =
    z +
    (z * (z2 + 1)) / (4 * df) +
    (z * (5 * z2 * z2 + 16 * z2 + 3)) / (96 * df * df) +
    (z * (3 * z2 * z2 * z2 + 19 * z2 * z2 + 17 * z2 - 15)) / (384 * df * df * df);
  if (!(t > 0) || !Number.isFinite(t)) t = z;
  const logQ = Math.log(q);
  const logDensityConstant = -0.5 * Math.log(df) - logBeta(df / 2, 0.5);
  let previousStep = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 50; i++) {
    const logS = logUpperHalf(t, df);
    // d/dt log S(t) = -f(t) / S(t)
    const slope = Math.exp(logDensityConstant - ((df + 1) / 2) * Math.log1p((t * t) / df) - logS);
    let step = (logS - logQ) / slope;
    if (!Number.isFinite(step)) break;
    if (t + step <= 0) step = -t / 2;
    // Newton converges quadratically: after a step below 1e-8 relative the error is ~1e-16, and a
    // step that stops shrinking near convergence is rounding noise.
    if (Math.abs(step) < 1e-6 * t && Math.abs(step) >= previousStep) break;
    previousStep = Math.abs(step);
    t += step;
    if (Math.abs(step) <= 1e-8 * t) break;
  }
  return upper ? t : -t;
}
