import { logBinomialRaw } from './binomialDeviance.ts';

function validCounts(m: number, n: number, k: number): boolean {
  return (
    Number.isInteger(m) &&
    Number.isInteger(n) &&
    Number.isInteger(k) &&
    m >= 0 &&
    n >= 0 &&
    k >= 0 &&
    k <= m + n
  );
}

/**
 * log P(X = x) where X counts white balls among k drawn without replacement from an urn of m
 * white and n black balls (R: `dhyper(x, m, n, k, log = TRUE)`).
 */
export function logHypergeometricPmf(x: number, m: number, n: number, k: number): number {
  if (!validCounts(m, n, k) || Number.isNaN(x)) return Number.NaN;
  if (!Number.isInteger(x) || x < Math.max(0, k - n) || x > Math.min(k, m)) return Number.NEGATIVE_INFINITY;
  // R's dhyper: dbinom_raw(x, m, p, q) dbinom_raw(k - x, n, p, q) / dbinom_raw(k, m + n, p, q), p = k/(m+n)
  const total = m + n;
  const p = k / total;
  const q = (total - k) / total;
  return logBinomialRaw(x, m, p, q) + logBinomialRaw(k - x, n, p, q) - logBinomialRaw(k, total, p, q);
}

/** P(X = x) (R: `dhyper(x, m, n, k)`). */
export function hypergeometricPmf(x: number, m: number, n: number, k: number): number {
  return Math.exp(logHypergeometricPmf(x, m, n, k));
}

/**
 * P(X <= x) (R: `phyper(x, m, n, k)`), summing the probabilities of the shorter tail so that both
 * small lower tails and values near 1 keep their relative accuracy.
 */
export function hypergeometricCdf(x: number, m: number, n: number, k: number): number {
  if (!validCounts(m, n, k) || Number.isNaN(x)) return Number.NaN;
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  const q = Math.floor(x + 1e-7);
  if (q < lo) return 0;
  if (q >= hi) return 1;
  const mean = (k * m) / (m + n);
  if (q <= mean) {
    let sum = 0;
    for (let i = lo; i <= q; i++) sum += hypergeometricPmf(i, m, n, k);
    return Math.min(1, sum);
  }
  let upper = 0;
  for (let i = q + 1; i <= hi; i++) upper += hypergeometricPmf(i, m, n, k);
  return Math.max(0, 1 - upper);
}
