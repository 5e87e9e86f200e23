import type { StatisticBlock } from '@plexus/spec';
import { kruskalWallis, oneWayAnova, welchTTest } from '@plexus/stats';

/**
 * The test of a difference in a value between groups: Welch's t-test for two groups; for more, the
 * Kruskal–Wallis rank-sum test and the classical one-way ANOVA F test beside it (R's kruskal.test
 * and summary(aov), i.e. oneway.test with var.equal = TRUE).
 */
export function groupTest(levels: string[], samples: number[][]): StatisticBlock[] {
  if (samples.length === 2) {
    const [x, y] = samples as [number[], number[]];
    const welch = welchTTest(x, y);
    return [
      {
        id: 'welch-t',
        type: 'statistic',
        title: "Welch's t-test",
        name: `t (${levels[0]} vs ${levels[1]})`,
        value: welch.statistic,
        df: welch.df,
        p: welch.p,
        ci: { lower: welch.ci[0], upper: welch.ci[1], level: 0.95 },
        method: `Welch two-sample t-test; 95% CI of the difference in means ${levels[0]} − ${levels[1]}`,
      },
    ];
  }
  const kruskal = kruskalWallis(samples);
  const anova = oneWayAnova(samples);
  return [
    {
      id: 'kruskal-wallis',
      type: 'statistic',
      title: 'Kruskal–Wallis test',
      name: 'Kruskal–Wallis chi-squared',
      value: kruskal.statistic,
      df: kruskal.df,
      p: kruskal.p,
      method: `Kruskal–Wallis rank-sum test across ${samples.length} groups`,
    },
    {
      id: 'anova',
      type: 'statistic',
      title: 'One-way ANOVA',
      name: `F (${anova.dfBetween}, ${anova.dfWithin})`,
      value: anova.statistic,
      df: anova.dfBetween,
      p: anova.p,
      method: `One-way analysis of variance (equal variances), ${anova.dfBetween} and ${anova.dfWithin} degrees of freedom`,
    },
  ];
}
