export interface Spread {
  median: number;
  min: number;
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  const lower = sorted[middle - 1] ?? upper;
  return { median: sorted.length % 2 === 1 ? upper : (lower + upper) / 2, min: sorted[0] ?? Number.NaN };
}
