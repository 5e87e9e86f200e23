/**
 * Which groups of a partition to withhold. Groups below `minCellCount` (and non-empty) are withheld
 * (primary). When the groups partition a whole whose totals are known (the cohort's count, the pooled
 * moments), a single withheld group is the whole minus the others, so the smallest other non-empty
 * group is withheld too (secondary). Empty groups are published: an empty group reveals no one.
 */
export function complementarySuppression(
  sizes: readonly number[],
  minCellCount: number,
  partitionOfKnownWhole: boolean,
): ('primary' | 'secondary' | undefined)[] {
  const reasons = sizes.map((n): 'primary' | 'secondary' | undefined =>
    n > 0 && n < minCellCount ? 'primary' : undefined,
  );
  const withheld = reasons.filter((reason) => reason !== undefined).length;
  if (partitionOfKnownWhole && withheld === 1) {
    let pick = -1;
    sizes.forEach((n, k) => {
      if (reasons[k] === undefined && n > 0 && (pick < 0 || n < sizes[pick]!)) pick = k;
    });
    if (pick >= 0) reasons[pick] = 'secondary';
  }
  return reasons;
}
