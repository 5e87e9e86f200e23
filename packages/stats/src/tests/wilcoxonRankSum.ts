import { normalCdf, normalSurvival } from '../distributions/normal.ts';
import {
  wilcoxonCounts,
  wilcoxonRankSumCdf,
  wilcoxonRankSumSurvival,
} from '../distributions/wilcoxonRankSum.ts';
import { StatsInputError } from '../StatsInputError.ts';
import type { Alternative } from './alternative.ts';
import { averageRanks } from './rank.ts';
import { requireFinite } from './sampleMoments.ts';

export interface WilcoxonRankSumOptions {
  alternative?: Alternative;
  /** Continuity correction of the normal approximation (default true, as R). */
  correct?: boolean;
  /** Force (true) or forbid (false) the exact distribution; default: exact when both n < 50 and no ties. */
  exact?: boolean;
  /** Hypothesised location shift (default 0). */
  mu?: number;
}

export interface WilcoxonRankSumResult {
  /** R's W: rank sum of x minus nx (nx + 1) / 2. */
  statistic: number;
  p: number;
  /** Whether the exact null distribution was used. */
  exact: boolean;
}

/**
 * Two-sample Wilcoxon rank-sum (Mann-Whitney) test as R's `wilcox.test(x, y)` (stats:::wilcox.test.default,
 * without conf.int). With ties the exact distribution is not available and, as R (which then warns),
 * the normal approximation with tie-corrected variance is used even if `exact` is true.
 */
export function wilcoxonRankSum(
  x: readonly number[],
  y: readonly number[],
  options: WilcoxonRankSumOptions = {},
): WilcoxonRankSumResult {
  const alternative = options.alternative ?? 'two.sided';
  const correct = options.correct ?? true;
  const mu = options.mu ?? 0;
  requireFinite(x, 'x');
  requireFinite(y, 'y');
  if (x.length < 1) throw new StatsInputError("not enough (non-missing) 'x' observations", 'x');
  if (y.length < 1) throw new StatsInputError("not enough 'y' observations", 'y');
  const nx = x.length;
  const ny = y.length;
  const { ranks, tieSizes } = averageRanks([...x.map((v) => v - mu), ...y]);
  let rankSum = 0;
  for (let i = 0; i < nx; i++) rankSum += ranks[i] as number;
  const statistic = rankSum - (nx * (nx + 1)) / 2;
  const hasTies = tieSizes.length !== nx + ny;
  const exact = (options.exact ?? (nx < 50 && ny < 50)) && !hasTies;
  if (exact) {
    const counts = wilcoxonCounts(nx, ny);
    let p: number;
    if (alternative === 'two.sided') {
      const tail =
        statistic > (nx * ny) / 2
          ? wilcoxonRankSumSurvival(statistic - 1, nx, ny, counts)
          : wilcoxonRankSumCdf(statistic, nx, ny, counts);
      p = Math.min(2 * tail, 1);
    } else if (alternative === 'greater') {
      p = wilcoxonRankSumSurvival(statistic - 1, nx, ny, counts);
    } else {
      p = wilcoxonRankSumCdf(statistic, nx, ny, counts);
    }
    return { statistic, p, exact: true };
  }
  let tieSum = 0;
  for (const t of tieSizes) tieSum += t * t * t - t;
  const n = nx + ny;
  const sigma = Math.sqrt(((nx * ny) / 12) * (n + 1 - tieSum / (n * (n - 1))));
  if (!(sigma > 0)) {
    throw new StatsInputError('all observations are tied, so the rank-sum statistic has zero variance');
  }
  let z = statistic - (nx * ny) / 2;
  let correction = 0;
  if (correct) {
    correction = alternative === 'two.sided' ? Math.sign(z) * 0.5 : alternative === 'greater' ? 0.5 : -0.5;
  }
  z = (z - correction) / sigma;
  const p =
    alternative === 'two.sided'
      ? 2 * Math.min(normalCdf(z), normalSurvival(z))
      : alternative === 'greater'
        ? normalSurvival(z)
        : normalCdf(z);
  return { statistic, p, exact: false };
}
