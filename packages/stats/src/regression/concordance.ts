export interface ConcordanceCounts {
  /** (concordant + tiedRisk / 2) / (concordant + discordant + tiedRisk). */
  concordance: number;
  concordant: number;
  discordant: number;
  /** Comparable pairs with equal risk scores (each counts 1/2). */
  tiedRisk: number;
  /** Pairs of deaths at the same time (not comparable; R's tied.y). */
  tiedTime: number;
}

/**
 * Harrell's C for a risk score (higher score = shorter survival), as survival's `concordance` /
 * `concordancefit(..., reverse = TRUE)` with the default timewt = "n" reports it for a coxph fit:
 * a pair is comparable when the shorter time is a death; a subject censored at a death time counts
 * as still at risk (longer); two deaths at the same time are not comparable; tied scores count 1/2.
 * Computed in O(n log n) with a Fenwick tree over score ranks, visiting times from the largest down.
 */
export function concordance(
  time: ArrayLike<number>,
  status: ArrayLike<number>,
  score: ArrayLike<number>,
): ConcordanceCounts {
  const n = time.length;
  const distinct = Float64Array.from(new Set(Array.from(score))).sort();
  const rankOf = new Map<number, number>();
  distinct.forEach((value, i) => {
    rankOf.set(value, i + 1);
  });
  const m = distinct.length;
  const tree = new Float64Array(m + 1);
  const add = (rank: number): void => {
    for (let i = rank; i <= m; i += i & -i) tree[i] = (tree[i] ?? 0) + 1;
  };
  /** Number of subjects in the tree with rank <= r. */
  const countUpTo = (rank: number): number => {
    let total = 0;
    for (let i = rank; i > 0; i -= i & -i) total += tree[i] ?? 0;
    return total;
  };

  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (time[b] ?? 0) - (time[a] ?? 0));
  let inTree = 0;
  let concordant = 0;
  let discordant = 0;
  let tiedRisk = 0;
  let tiedTime = 0;
  let start = 0;
  while (start < n) {
    const t = time[order[start] ?? 0];
    let end = start;
    while (end < n && time[order[end] ?? 0] === t) end++;
    // Censored at t: at risk beyond the deaths at t.
    let deaths = 0;
    for (let k = start; k < end; k++) {
      const i = order[k] ?? 0;
      if (status[i] === 0) {
        add(rankOf.get(score[i] ?? 0) ?? 1);
        inTree++;
      } else deaths++;
    }
    for (let k = start; k < end; k++) {
      const i = order[k] ?? 0;
      if (status[i] === 0) continue;
      const rank = rankOf.get(score[i] ?? 0) ?? 1;
      const below = countUpTo(rank - 1);
      const atOrBelow = countUpTo(rank);
      concordant += below;
      tiedRisk += atOrBelow - below;
      discordant += inTree - atOrBelow;
    }
    tiedTime += (deaths * (deaths - 1)) / 2;
    for (let k = start; k < end; k++) {
      const i = order[k] ?? 0;
      if (status[i] !== 0) {
        add(rankOf.get(score[i] ?? 0) ?? 1);
        inTree++;
      }
    }
    start = end;
  }
  const comparable = concordant + discordant + tiedRisk;
  return {
    concordance: comparable > 0 ? (concordant + tiedRisk / 2) / comparable : Number.NaN,
    concordant,
    discordant,
    tiedRisk,
    tiedTime,
  };
}
