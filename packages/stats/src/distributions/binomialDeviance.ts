import { logGamma, stirlingError } from './logGamma.ts';

const HALF_LOG_TWO_PI = 0.9189385332046728;
const LOG_TWO_PI = 1.8378770664093456;

/**
 * Loader's bd0(x, np) = x log(x/np) + np - x without cancellation when x and np are close (the
 * series in v = (x-np)/(x+np), as R's bd0 / dpois_raw compute it).
 */
export function bd0(x: number, np: number): number {
  if (Math.abs(x - np) < 0.1 * (x + np)) {
    const v = (x - np) / (x + np);
    const v2 = v * v;
    let sum = (x - np) * v;
    let term = 2 * x * v;
    for (let j = 1; j < 1000; j++) {
      term *= v2;
      const next = sum + term / (2 * j + 1);
      if (next === sum) return next;
      sum = next;
    }
    return sum;
  }
  return x * Math.log(x / np) + np - x;
}

/** R's stirlerr(n) = log Gamma(n+1) - [(n+1/2) log n - n + log sqrt(2 pi)] for any n > 0. */
export function stirlerr(n: number): number {
  if (n >= 10) return stirlingError(n);
  return logGamma(n + 1) - (n + 0.5) * Math.log(n) + n - HALF_LOG_TWO_PI;
}

/**
 * log of the binomial probability C(n, x) p^x q^(n-x) by Loader's saddle-point formula (R's
 * dbinom_raw with log = TRUE), accurate to ~1e-15 relative even for large n.
 */
export function logBinomialRaw(x: number, n: number, p: number, q: number): number {
  if (p === 0) return x === 0 ? 0 : Number.NEGATIVE_INFINITY;
  if (q === 0) return x === n ? 0 : Number.NEGATIVE_INFINITY;
  if (x === 0) {
    if (n === 0) return 0;
    return p < 0.1 ? -bd0(n, n * q) - n * p : n * Math.log(q);
  }
  if (x === n) return q < 0.1 ? -bd0(n, n * p) - n * q : n * Math.log(p);
  if (x < 0 || x > n) return Number.NEGATIVE_INFINITY;
  const lc = stirlerr(n) - stirlerr(x) - stirlerr(n - x) - bd0(x, n * p) - bd0(n - x, n * q);
  const lf = LOG_TWO_PI + Math.log(x) + Math.log1p(-x / n);
  return lc - 0.5 * lf;
}
