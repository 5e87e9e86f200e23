import { chiSquareSurvival } from '../distributions/chiSquare.ts';
import { StatsInputError } from '../StatsInputError.ts';
import { averageRanks } from './rank.ts';
import { requireFinite } from './sampleMoments.ts';

export interface KruskalWallisResult {
  statistic: number;
  df: number;
  p: number;
}

/** Validates k >= 2 non-empty groups of finite numbers. */
export function checkGroups(groups: readonly (readonly number[])[]): void {
  if (groups.length < 2) {
    throw new StatsInputError(`need at least 2 groups to compare, got ${groups.length}`, 'groups');
  }
  groups.forEach((group, i) => {
    if (group.length === 0)
      throw new StatsInputError(`group ${i} is empty; drop it or add observations`, 'groups');
    requireFinite(group, `groups[${i}]`);
  });
}

/** Kruskal-Wallis rank-sum test with tie correction, as R's `kruskal.test(groups)`. */
export function kruskalWallis(groups: readonly (readonly number[])[]): KruskalWallisResult {
  checkGroups(groups);
  const all = groups.flat();
  const n = all.length;
  const { ranks, tieSizes } = averageRanks(all);
  let tieSum = 0;
  for (const t of tieSizes) tieSum += t * t * t - t;
  if (tieSum === n * n * n - n) {
    throw new StatsInputError(
      'all observations are tied, so the Kruskal-Wallis statistic is undefined',
      'groups',
    );
  }
  let sum = 0;
  let offset = 0;
  for (const group of groups) {
    let rankSum = 0;
    for (let i = 0; i < group.length; i++) rankSum += ranks[offset + i] as number;
    sum += (rankSum * rankSum) / group.length;
    offset += group.length;
  }
  const statistic = ((12 * sum) / (n * (n + 1)) - 3 * (n + 1)) / (1 - tieSum / (n * n * n - n));
  const df = groups.length - 1;
  return { statistic, df, p: chiSquareSurvival(statistic, df) };
}
