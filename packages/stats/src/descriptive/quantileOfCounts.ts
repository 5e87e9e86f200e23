/**
 * R's type-7 quantile of a sample given as distinct sorted values with their counts — the same number
 * `quantile(rep(values, counts), p)` gives, without expanding the sample. Lets a database return a
 * small frequency table instead of sorting millions of rows.
 */
export function quantileOfCounts(
  values: ArrayLike<number>,
  counts: ArrayLike<number>,
  probability: number,
): number {
  let n = 0;
  for (let index = 0; index < counts.length; index++) n += counts[index] ?? 0;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * probability;
  const low = Math.floor(h);
  const valueAt = (position: number): number => {
    let seen = 0;
    for (let index = 0; index < values.length; index++) {
      seen += counts[index] ?? 0;
      if (position < seen) return values[index] ?? Number.NaN;
    }
    return values[values.length - 1] ?? Number.NaN;
  };
  const lower = valueAt(low);
  const upper = valueAt(Math.min(low + 1, n - 1));
  // R: (1 - h) * x[lo] + h * x[hi], and x[lo] itself when both are equal — the same rounding as R.
  const weight = h - low;
  return upper === lower ? lower : (1 - weight) * lower + weight * upper;
}
