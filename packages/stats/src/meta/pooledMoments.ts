import { StatsInputError } from '../StatsInputError.ts';

/** What a site reports for one numeric variable: count, mean and sum of squared deviations. */
export interface Moments {
  n: number;
  mean: number;
  /** Sum of squared deviations from the mean, sum (x - mean)^2 (not divided by anything). */
  m2: number;
}

export interface PooledMoments extends Moments {
  /** Sample variance m2 / (n - 1), as R's var; NaN when n < 2. */
  variance: number;
  /** sqrt(variance), as R's sd. */
  sd: number;
}

/**
 * The moments a site reports for its values: n, mean (as R's mean: sum / n refined by the mean
 * residual) and m2 by a second pass about that mean. NaN is an error (drop missing values first);
 * an empty array gives n = 0, mean NaN, m2 0, which pooledMoments ignores.
 */
export function momentsOf(values: Float64Array | ArrayLike<number>): Moments {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) {
      throw new StatsInputError(
        `values[${i}] is ${v}; remove missing or non-finite values before computing moments`,
        'values',
      );
    }
    sum += v;
  }
  if (n === 0) return { n: 0, mean: Number.NaN, m2: 0 };
  let mean = sum / n;
  let residual = 0;
  for (let i = 0; i < n; i++) residual += (values[i] as number) - mean;
  mean += residual / n;
  let m2 = 0;
  for (let i = 0; i < n; i++) m2 += ((values[i] as number) - mean) ** 2;
  return { n, mean, m2 };
}

function checkGroup(group: Moments, i: number): void {
  const { n, mean, m2 } = group;
  if (!(Number.isInteger(n) && n >= 0)) {
    throw new StatsInputError(`groups[${i}].n is ${n}; it must be a whole number >= 0`, 'groups');
  }
  if (n > 0 && !Number.isFinite(mean)) {
    throw new StatsInputError(
      `groups[${i}].mean is ${mean}; a group with n > 0 needs a finite mean`,
      'groups',
    );
  }
  if (!(m2 >= 0 && Number.isFinite(m2))) {
    throw new StatsInputError(
      `groups[${i}].m2 is ${m2}; it must be the (finite, >= 0) sum of squared deviations from the group mean`,
      'groups',
    );
  }
  if (n <= 1 && m2 !== 0) {
    throw new StatsInputError(
      `groups[${i}] has n = ${n} but m2 = ${m2}; with n <= 1, m2 must be 0`,
      'groups',
    );
  }
}

/**
 * Combines per-site moments into those of the pooled data without the data, by the pairwise update
 * of Chan, Golub & LeVeque (1979): for parts a and b with delta = mean_b - mean_a,
 *
 *   n = n_a + n_b,  mean = mean_a + delta n_b / n,  m2 = m2_a + m2_b + delta^2 n_a n_b / n
 *
 * which, unlike sums of x and x^2, does not lose precision when the mean is large relative to the
 * spread. Groups with n = 0 are skipped. variance = m2 / (n - 1) and sd match R's var and sd on the
 * pooled values up to rounding.
 */
export function pooledMoments(groups: readonly Moments[]): PooledMoments {
  let n = 0;
  let mean = Number.NaN;
  let m2 = 0;
  groups.forEach((group, i) => {
    checkGroup(group, i);
    if (group.n === 0) return;
    if (n === 0) {
      ({ n, mean, m2 } = group);
      return;
    }
    const total = n + group.n;
    const delta = group.mean - mean;
    mean += (delta * group.n) / total;
    m2 += group.m2 + (delta * delta * n * group.n) / total;
    n = total;
  });
  const variance = n > 1 ? m2 / (n - 1) : Number.NaN;
  return { n, mean, m2, variance, sd: Math.sqrt(variance) };
}
