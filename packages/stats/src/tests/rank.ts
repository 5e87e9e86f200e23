/** Mid-ranks (R: `rank(x)`, ties.method = "average") plus the tie group sizes. */
export function averageRanks(values: readonly number[]): { ranks: number[]; tieSizes: number[] } {
  const n = values.length;
  const order = [...Array(n).keys()].sort((a, b) => (values[a] as number) - (values[b] as number));
  const ranks = new Array<number>(n).fill(0);
  const tieSizes: number[] = [];
  let start = 0;
  while (start < n) {
    let end = start + 1;
    const v = values[order[start] as number] as number;
    while (end < n && values[order[end] as number] === v) end++;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k] as number] = rank;
    tieSizes.push(end - start);
    start = end;
  }
  return { ranks, tieSizes };
}
