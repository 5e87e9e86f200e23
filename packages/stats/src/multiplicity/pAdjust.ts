import { StatsInputError } from '../StatsInputError.ts';

/** Adjustment methods of R's p.adjust implemented here. */
export type PAdjustMethod = 'BH' | 'BY' | 'holm' | 'bonferroni';

/**
 * Adjusted p-values exactly as R's `p.adjust(p, method)`: NaN (R's NA) entries are kept in place
 * and excluded from n. Ties are ordered stably, which (as in R) gives tied p-values equal results.
 */
export function pAdjust(p: readonly number[], method: PAdjustMethod): number[] {
  const result = p.map(() => Number.NaN);
  const index: number[] = [];
  for (let i = 0; i < p.length; i++) {
    const value = p[i] as number;
    if (Number.isNaN(value)) continue;
    if (!(value >= 0 && value <= 1)) {
      throw new StatsInputError(`p[${i}] = ${value} is not a probability in [0, 1]`, 'p');
    }
    index.push(i);
  }
  const n = index.length;
  if (n === 0) return result;
  const valueAt = (k: number): number => p[index[k] as number] as number;
  switch (method) {
    case 'bonferroni':
      for (let k = 0; k < n; k++) result[index[k] as number] = Math.min(1, n * valueAt(k));
      return result;
    case 'holm': {
      // pmin(1, cummax((n - i + 1) * p[o]))[ro], o = order(p)
      const order = [...Array(n).keys()].sort((a, b) => valueAt(a) - valueAt(b) || a - b);
      let running = Number.NEGATIVE_INFINITY;
      order.forEach((k, i) => {
        running = Math.max(running, (n - i) * valueAt(k));
        result[index[k] as number] = Math.min(1, running);
      });
      return result;
    }
    case 'BH':
    case 'BY': {
      // pmin(1, cummin(q * n / i * p[o]))[ro], o = order(p, decreasing = TRUE), i = n:1
      let q = 1;
      if (method === 'BY') {
        q = 0;
        for (let i = 1; i <= n; i++) q += 1 / i;
      }
      const order = [...Array(n).keys()].sort((a, b) => valueAt(b) - valueAt(a) || a - b);
      let running = Number.POSITIVE_INFINITY;
      order.forEach((k, j) => {
        const i = n - j;
        running = Math.min(running, ((q * n) / i) * valueAt(k));
        result[index[k] as number] = Math.min(1, running);
      });
      return result;
    }
    default:
      throw new StatsInputError(
        `unknown p.adjust method '${String(method)}'; use BH, BY, holm or bonferroni`,
      );
  }
}
