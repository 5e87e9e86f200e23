const HALF_LOG_TWO_PI = 0.9189385332046728; // log(sqrt(2*pi))

/**
 * Below this argument the Stirling series is not accurate enough, so logGamma shifts the argument
 * upwards with the recurrence Gamma(x+1) = x Gamma(x) first.
 */
const STIRLING_MIN = 10;

/**
 * Loader's "stirlerr": log Gamma(x+1) - [(x+1/2) log x - x + log sqrt(2 pi)], i.e. the tail of the
 * Stirling series sum_k B_2k / (2k (2k-1) x^(2k-1)). Valid (error < 1e-17) for x >= 10. Computing it
 * separately lets callers form x^a e^-x / Gamma(a) without the cancellation of large logarithms,
 * as R's dpois_raw/pgamma do.
 */
export function stirlingError(x: number): number {
  if (!(x >= STIRLING_MIN)) {
    throw new RangeError(`stirlingError needs x >= ${STIRLING_MIN}, got ${x}`);
  }
  const r = 1 / (x * x);
  // Bernoulli-number coefficients 1/12, 1/360, 1/1260, 1/1680, 1/1188, 691/360360, 1/156, 3617/122400
  const series =
    1 / 12 -
    r *
      (1 / 360 -
        r *
          (1 / 1260 -
            r * (1 / 1680 - r * (1 / 1188 - r * (691 / 360360 - r * (1 / 156 - (r * 3617) / 122400))))));
  return series / x;
}

/** log((n-1)!) for small positive integers, exact up to rounding of one log. */
function logFactorialOfPredecessor(n: number): number {
  let product = 1;
  for (let k = 2; k < n; k++) product *= k;
  return Math.log(product);
}

/**
 * log |Gamma(x)| for real x (R's `lgamma`). Positive arguments use the Stirling series after
 * shifting x to >= 10, which keeps the absolute error near 1e-15; negative non-integers use the
 * reflection formula; 0 and negative integers are poles (+Infinity), like R.
 */
export function logGamma(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  if (x <= 0) {
    if (Number.isInteger(x)) return Number.POSITIVE_INFINITY;
    // Reflection: Gamma(x) Gamma(1-x) = pi / sin(pi x)
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  if (Number.isInteger(x) && x <= 20) return logFactorialOfPredecessor(x);
  if (x >= STIRLING_MIN) {
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + stirlingError(x);
  }
  // Gamma(x) = Gamma(x + k) / (x (x+1) ... (x+k-1)); at most 10 factors, so no overflow.
  let shifted = x;
  let product = 1;
  while (shifted < STIRLING_MIN) {
    product *= shifted;
    shifted += 1;
  }
  return logGamma(shifted) - Math.log(product);
}
