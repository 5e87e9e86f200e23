import { chiSquareTest, fisherExact, fisherExactRxC } from '@plexus/stats';

/**
 * Pearson's chi-square test, or Fisher's exact test where an expected count is below 5 (the usual
 * rule; R's chisq.test warns there): 2 × 2 with its conditional MLE odds ratio, larger tables by
 * enumeration where that is feasible. Categories absent from both groups are dropped first.
 */
export function categoricalTest(table: number[][]): { test: string; statistic: number | null; p: number } {
  const used = table.map((row) =>
    row.filter((_count, position) => table.some((other) => (other[position] ?? 0) > 0)),
  );
  const chi = chiSquareTest(used);
  if (!chi.expected.some((row) => row.some((value) => value < 5)))
    return { test: 'chi-square', statistic: chi.statistic, p: chi.p };
  if (used.length === 2 && used[0]?.length === 2) {
    const fisher = fisherExact(used);
    return { test: 'Fisher exact (odds ratio)', statistic: fisher.estimate, p: fisher.p };
  }
  try {
    return { test: 'Fisher exact', statistic: null, p: fisherExactRxC(used).p };
  } catch {
    return { test: 'chi-square (small counts)', statistic: chi.statistic, p: chi.p };
  }
}
