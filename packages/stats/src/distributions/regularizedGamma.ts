import { bd0 } from './binomialDeviance.ts';
import { logGamma, stirlingError } from './logGamma.ts';

const EPSILON = Number.EPSILON;
const TINY = 1e-300;
const LOG_TWO_PI = 1.8378770664093456;

/**
 * log(x^a e^-x / Gamma(a)), the factor shared by the series and the continued fraction. For large
 * a the naive form subtracts numbers of size a log a, losing digits; Loader's saddle-point form
 * (log a/(2 pi))/2 - stirlerr(a) - bd0(a, x) keeps full relative accuracy there.
 */
function logPrefactor(a: number, x: number): number {
  if (a < 10) return a * Math.log(x) - x - logGamma(a);
  return 0.5 * (Math.log(a) - LOG_TWO_PI) - stirlingError(a) - bd0(a, x);
}

function maxIterations(a: number): number {
  // Both expansions need O(sqrt(a)) terms near x = a.
  return 1000 + Math.ceil(50 * Math.sqrt(a));
}

/** log P(a, x) by the power series x^a e^-x / Gamma(a+1) * sum x^n / ((a+1)...(a+n)); for x < a+1. */
function logLowerSeries(a: number, x: number): number {
  let term = 1;
  let sum = 1;
  const limit = maxIterations(a);
  for (let n = 1; n < limit; n++) {
    term *= x / (a + n);
    sum += term;
    if (term < sum * EPSILON) break;
  }
  return logPrefactor(a, x) - Math.log(a) + Math.log(sum);
}

/** log Q(a, x) by the Legendre continued fraction (modified Lentz); for x >= a+1. */
function logUpperContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  const limit = maxIterations(a);
  for (let i = 1; i < limit; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return logPrefactor(a, x) + Math.log(h);
}

/**
 * Returns [log P, log Q] of the regularized incomplete gamma function, computing the smaller tail
 * directly (series below a+1, continued fraction above) and the other as log(1 - that), so that
 * neither tail underflows before R's `pgamma` would.
 */
function logBothTails(a: number, x: number): [number, number] {
  if (x < a + 1) {
    const logP = logLowerSeries(a, x);
    return [logP, Math.log1p(-Math.exp(logP))];
  }
  const logQ = logUpperContinuedFraction(a, x);
  return [Math.log1p(-Math.exp(logQ)), logQ];
}

/** NaN for invalid arguments, or the [P, Q] pair fixed by an edge case, or null to compute. */
function edgeCase(a: number, x: number): [number, number] | null {
  if (Number.isNaN(a) || Number.isNaN(x) || a < 0) return [Number.NaN, Number.NaN];
  if (x <= 0) return [0, 1];
  if (a === 0 || x === Number.POSITIVE_INFINITY) return [1, 0]; // point mass at 0 / whole mass
  if (a === Number.POSITIVE_INFINITY) return [0, 1];
  return null;
}

/** Lower regularized incomplete gamma P(a, x) = gamma(a, x) / Gamma(a) (R: `pgamma(x, a)`). */
export function regularizedGammaP(a: number, x: number): number {
  const edge = edgeCase(a, x);
  if (edge) return edge[0];
  return Math.exp(logBothTails(a, x)[0]);
}

/** Upper regularized incomplete gamma Q(a, x) = 1 - P(a, x) (R: `pgamma(x, a, lower.tail = FALSE)`). */
export function regularizedGammaQ(a: number, x: number): number {
  const edge = edgeCase(a, x);
  if (edge) return edge[1];
  return Math.exp(logBothTails(a, x)[1]);
}

/** log Q(a, x), finite far beyond where Q itself underflows (R: `pgamma(..., log.p = TRUE)`). */
export function logRegularizedGammaQ(a: number, x: number): number {
  const edge = edgeCase(a, x);
  if (edge) return Math.log(edge[1]);
  return logBothTails(a, x)[1];
}
