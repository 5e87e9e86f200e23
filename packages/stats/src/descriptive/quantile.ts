import { StatsInputError } from '../StatsInputError.ts';

/**
 * Sample quantile by R's default rule (`quantile(x, p, type = 7)`): linear interpolation between order
 * statistics at h = (n - 1) p. NaN values are ignored; an empty sample gives NaN.
 */
export function quantile(values: ArrayLike<number>, probability: number): number {
  if (!(probability >= 0 && probability <= 1))
    throw new StatsInputError(`quantile probability must be in [0, 1], found ${probability}`, 'probability');
  const sorted = Float64Array.from(Array.from(values).filter((value) => !Number.isNaN(value))).sort();
  return quantileOfSorted(sorted, probability);
}

export function quantileOfSorted(sorted: Float64Array, probability: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * probability;
  const low = Math.floor(h);
  const lower = sorted[low] ?? Number.NaN;
  const upper = sorted[Math.min(low + 1, n - 1)] ?? lower;
  // R: (1 - h) * x[lo] + h * x[hi], and x[lo] itself when both are equal — the same rounding as R.
  const weight = h - low;
  return upper === lower ? lower : (1 - weight) * lower + weight * upper;
}
