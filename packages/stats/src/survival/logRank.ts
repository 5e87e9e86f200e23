import { chiSquareSurvival } from '../distributions/chiSquare.ts';
import { generalizedQuadraticForm } from '../linalg/generalizedQuadraticForm.ts';
import { StatsInputError } from '../StatsInputError.ts';
import { encodeLevels } from './encodeLevels.ts';
import { addLogRankStratum, type LogRankTotals } from './logRankStratum.ts';
import { collectSurvivalRows, type EventInput, type LabelInput } from './survivalInput.ts';

export interface LogRankOptions {
  time: Float64Array | ArrayLike<number>;
  /** 1/true = event, 0/false = censored; null/undefined/NaN drops the row. */
  event: EventInput;
  /** Group to compare; null drops the row. At least two groups must remain. */
  group: LabelInput;
  /** Optional stratification variable; the test is summed over strata. */
  strata?: LabelInput;
  /** Order of the groups in the result (default: order of first appearance). */
  levels?: string[];
  /** G-rho weight S(t-)^rho: 0 = log-rank (default), 1 = Peto–Peto modification of Gehan–Wilcoxon. */
  rho?: number;
}

export interface LogRankResult {
  chisq: number;
  df: number;
  p: number;
  /** Observed (rho-weighted, as survdiff reports) events per group, summed over strata. */
  observed: number[];
  expected: number[];
  /** Variance matrix of observed - expected, groups x groups. */
  variance: number[][];
  groups: string[];
}

/**
 * G-rho family test of equal survival across groups, reproducing R's
 * `survdiff(Surv(time, event) ~ group + strata(strata), rho = rho)`: per-stratum observed, expected
 * and variance are summed, groups with expected 0 are removed, the first remaining group is dropped
 * and chisq = (O - E)' V^- (O - E) on (groups with expected > 0) - 1 degrees of freedom.
 */
export function logRank(options: LogRankOptions): LogRankResult {
  const { rho = 0 } = options;
  if (!Number.isFinite(rho))
    throw new StatsInputError(`rho is ${rho}; it must be a finite number (0 or 1)`, 'rho');
  const labels = [{ name: 'group', values: options.group }];
  if (options.strata) labels.push({ name: 'strata', values: options.strata });
  const rows = collectSurvivalRows(options.time, options.event, labels);
  const { levels, codes } = encodeLevels(rows.labels[0] ?? [], 'group', options.levels);
  const present = new Set(codes);
  if (present.size < 2) {
    throw new StatsInputError(
      `group has ${present.size} level${present.size === 1 ? ` ("${levels[codes[0] ?? 0]}")` : 's'} among the complete rows; a log-rank test needs at least two groups to compare`,
      'group',
    );
  }
  const k = levels.length;
  const totals: LogRankTotals = {
    observed: new Float64Array(k),
    expected: new Float64Array(k),
    variance: new Float64Array(k * k),
  };
  const strata = encodeLevels(rows.labels[1] ?? new Array<string>(codes.length).fill(''), 'strata');
  strata.levels.forEach((_, s) => {
    const members = Array.from(strata.codes.keys()).filter((i) => strata.codes[i] === s);
    addLogRankStratum(
      totals,
      Float64Array.from(members, (i) => rows.time[i] ?? 0),
      Uint8Array.from(members, (i) => rows.event[i] ?? 0),
      Int32Array.from(members, (i) => codes[i] ?? 0),
      rho,
    );
  });

  const observed = Array.from(totals.observed);
  const expected = Array.from(totals.expected);
  const variance = levels.map((_, a) => levels.map((__, b) => totals.variance[a * k + b] ?? 0));
  const kept = expected.flatMap((e, i) => (e > 0 ? [i] : []));
  const df = Math.max(kept.length - 1, 0);
  let chisq = 0;
  if (kept.length >= 2) {
    // survdiff drops the first group (the statistic is invariant to which one) and solves.
    const rest = kept.slice(1);
    const diff = rest.map((i) => (observed[i] ?? 0) - (expected[i] ?? 0));
    const reduced = rest.map((a) => rest.map((b) => variance[a]?.[b] ?? 0));
    chisq = generalizedQuadraticForm(reduced, diff).value;
  }
  return { chisq, df, p: chiSquareSurvival(chisq, df), observed, expected, variance, groups: levels };
}
