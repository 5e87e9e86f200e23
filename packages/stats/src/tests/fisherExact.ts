import { logHypergeometricPmf } from '../distributions/hypergeometric.ts';
import { StatsInputError } from '../StatsInputError.ts';
import type { Alternative } from './alternative.ts';
import { checkTable } from './chiSquareTest.ts';
import { fisherExactRxC } from './fisherExactRxC.ts';
import { uniroot } from './uniroot.ts';

export interface FisherExactOptions {
  alternative?: Alternative;
  /** Confidence level of the odds-ratio interval (default 0.95). */
  confLevel?: number;
}

export interface FisherExactResult {
  p: number;
  /** Conditional maximum-likelihood estimate of the odds ratio (0 or Infinity at the boundary). */
  estimate: number;
  ci: [number, number];
}

/**
 * Fisher's exact test for a 2 x 2 table, transcribing R's `fisher.test(table)` (stats:::fisher.test):
 * the p-value sums the null hypergeometric probabilities not exceeding the observed one times
 * 1 + 1e-7; the odds ratio is the conditional MLE and the interval inverts the noncentral
 * hypergeometric tails, both found with R's uniroot (so they agree with R to its ~1e-4 tolerance
 * and, by reproducing its iterates, to far better in practice). Larger tables get the p-value only
 * (estimate and interval NaN), by full enumeration (fisherExactRxC).
 */
export function fisherExact(
  table: readonly (readonly number[])[],
  options: FisherExactOptions = {},
): FisherExactResult {
  const alternative = options.alternative ?? 'two.sided';
  const confLevel = options.confLevel ?? 0.95;
  const { rows, cols } = checkTable(table);
  if (rows !== 2 || cols !== 2) {
    // As R's fisher.test: an r x c table gets the p-value only (no odds ratio is defined).
    if (alternative !== 'two.sided') {
      throw new StatsInputError(`a one-sided test needs a 2 x 2 table, got ${rows} x ${cols}`, 'alternative');
    }
    return { p: fisherExactRxC(table).p, estimate: Number.NaN, ci: [Number.NaN, Number.NaN] };
  }
  if (!(confLevel > 0 && confLevel < 1)) {
    throw new StatsInputError(`confLevel must be strictly between 0 and 1, got ${confLevel}`, 'confLevel');
  }
  const [[a, b], [c, d]] = table as [[number, number], [number, number]];
  for (const value of [a, b, c, d]) {
    if (!Number.isInteger(value))
      throw new StatsInputError(`table counts must be integers, got ${value}`, 'table');
  }
  const m = a + c; // sum(x[, 1])
  const n = b + d; // sum(x[, 2])
  const k = a + b; // sum(x[1, ])
  const x = a;
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  const support: number[] = [];
  for (let s = lo; s <= hi; s++) support.push(s);
  const logdc = support.map((s) => logHypergeometricPmf(s, m, n, k));

  const dnhyper = (ncp: number): number[] => {
    const logNcp = Math.log(ncp);
    const dl = logdc.map((l, i) => l + logNcp * (support[i] as number));
    const max = Math.max(...dl);
    const e = dl.map((v) => Math.exp(v - max));
    const sum = e.reduce((s, v) => s + v, 0);
    return e.map((v) => v / sum);
  };
  const mnhyper = (ncp: number): number => {
    if (ncp === 0) return lo;
    if (ncp === Number.POSITIVE_INFINITY) return hi;
    const dn = dnhyper(ncp);
    let mean = 0;
    dn.forEach((p, i) => {
      mean += (support[i] as number) * p;
    });
    return mean;
  };
  const pnhyper = (q: number, ncp: number, upperTail = false): number => {
    if (ncp === 0) return upperTail ? Number(q <= lo) : Number(q >= lo);
    if (ncp === Number.POSITIVE_INFINITY) return upperTail ? Number(q <= hi) : Number(q >= hi);
    // ncp = 1 is phyper in R; summing the central probabilities gives the same to rounding.
    const dn = ncp === 1 ? logdc.map(Math.exp) : dnhyper(ncp);
    let sum = 0;
    dn.forEach((p, i) => {
      const s = support[i] as number;
      if (upperTail ? s >= q : s <= q) sum += p;
    });
    return sum;
  };

  let p: number;
  if (alternative === 'less') p = pnhyper(x, 1);
  else if (alternative === 'greater') p = pnhyper(x, 1, true);
  else {
    const relErr = 1 + 1e-7;
    const dn = dnhyper(1);
    const observed = (dn[x - lo] as number) * relErr;
    p = dn.reduce((s, v) => (v <= observed ? s + v : s), 0);
  }
  p = Math.max(0, Math.min(1, p));

  const eps = Number.EPSILON;
  const mle = (): number => {
    if (x === lo) return 0;
    if (x === hi) return Number.POSITIVE_INFINITY;
    const mu = mnhyper(1);
    if (mu > x) return uniroot((t) => mnhyper(t) - x, 0, 1);
    if (mu < x) return 1 / uniroot((t) => mnhyper(1 / t) - x, eps, 1);
    return 1;
  };
  const ncpUpper = (alpha: number): number => {
    if (x === hi) return Number.POSITIVE_INFINITY;
    const p1 = pnhyper(x, 1);
    if (p1 < alpha) return uniroot((t) => pnhyper(x, t) - alpha, 0, 1);
    if (p1 > alpha) return 1 / uniroot((t) => pnhyper(x, 1 / t) - alpha, eps, 1);
    return 1;
  };
  const ncpLower = (alpha: number): number => {
    if (x === lo) return 0;
    const p1 = pnhyper(x, 1, true);
    if (p1 > alpha) return uniroot((t) => pnhyper(x, t, true) - alpha, 0, 1);
    if (p1 < alpha) return 1 / uniroot((t) => pnhyper(x, 1 / t, true) - alpha, eps, 1);
    return 1;
  };
  let ci: [number, number];
  if (alternative === 'less') ci = [0, ncpUpper(1 - confLevel)];
  else if (alternative === 'greater') ci = [ncpLower(1 - confLevel), Number.POSITIVE_INFINITY];
  else {
    const alpha = (1 - confLevel) / 2;
    ci = [ncpLower(alpha), ncpUpper(alpha)];
  }
  return { p, estimate: mle(), ci };
}
