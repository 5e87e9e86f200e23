import { fSurvival } from '../distributions/f.ts';
import { StatsInputError } from '../StatsInputError.ts';
import { checkGroups } from './kruskalWallis.ts';
import { sampleMean } from './sampleMoments.ts';

export interface OneWayAnovaResult {
  /** F statistic, msBetween / msWithin. */
  statistic: number;
  dfBetween: number;
  dfWithin: number;
  ssBetween: number;
  ssWithin: number;
  msBetween: number;
  msWithin: number;
  p: number;
}

/** One-way analysis of variance, the table R prints for `summary(aov(value ~ group))`. */
export function oneWayAnova(groups: readonly (readonly number[])[]): OneWayAnovaResult {
  checkGroups(groups);
  const all = groups.flat();
  const n = all.length;
  const k = groups.length;
  if (n <= k) {
    throw new StatsInputError(
      `need more observations (${n}) than groups (${k}) to estimate the residual variance`,
      'groups',
    );
  }
  const grand = sampleMean(all);
  let ssBetween = 0;
  let ssWithin = 0;
  for (const group of groups) {
    const m = sampleMean(group);
    ssBetween += group.length * (m - grand) * (m - grand);
    for (const v of group) ssWithin += (v - m) * (v - m);
  }
  const dfBetween = k - 1;
  const dfWithin = n - k;
  const msBetween = ssBetween / dfBetween;
  const msWithin = ssWithin / dfWithin;
  if (!(msWithin > 0)) {
    throw new StatsInputError(
      'every group is constant (zero residual variance), so the F statistic is undefined',
      'groups',
    );
  }
  const statistic = msBetween / msWithin;
  return {
    statistic,
    dfBetween,
    dfWithin,
    ssBetween,
    ssWithin,
    msBetween,
    msWithin,
    p: fSurvival(statistic, dfBetween, dfWithin),
  };
}
