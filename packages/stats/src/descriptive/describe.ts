import { quantileOfSorted } from './quantile.ts';

export interface Description {
  n: number;
  missing: number;
  mean: number;
  /** Sample standard deviation (n - 1 denominator), as R's sd(). */
  sd: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** n, mean, sd and R-type-7 quartiles of a sample, NaN counted as missing. Two-pass mean/variance for accuracy. */
export function describe(values: ArrayLike<number>): Description {
  const present = Array.from(values).filter((value) => !Number.isNaN(value));
  const n = present.length;
  const missing = values.length - n;
  if (n === 0) {
    const nan = Number.NaN;
    return { n, missing, mean: nan, sd: nan, min: nan, q1: nan, median: nan, q3: nan, max: nan };
  }
  let sum = 0;
  for (const value of present) sum += value;
  const mean = sum / n;
  let squares = 0;
  let correction = 0;
  for (const value of present) {
    squares += (value - mean) ** 2;
    correction += value - mean;
  }
  const sd = n > 1 ? Math.sqrt((squares - (correction * correction) / n) / (n - 1)) : Number.NaN;
  const sorted = Float64Array.from(present).sort();
  return {
    n,
    missing,
    mean,
    sd,
    min: sorted[0] ?? Number.NaN,
    q1: quantileOfSorted(sorted, 0.25),
    median: quantileOfSorted(sorted, 0.5),
    q3: quantileOfSorted(sorted, 0.75),
    max: sorted[n - 1] ?? Number.NaN,
  };
}
