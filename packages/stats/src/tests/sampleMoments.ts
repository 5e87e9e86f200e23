import { StatsInputError } from '../StatsInputError.ts';

/** Mean as R's mean.default: the sum divided by n, then refined by the mean of the residuals. */
export function sampleMean(x: readonly number[]): number {
  const n = x.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i] as number;
  const mean = sum / n;
  let residual = 0;
  for (let i = 0; i < n; i++) residual += (x[i] as number) - mean;
  return mean + residual / n;
}

/** Sample variance (denominator n - 1) by two passes about the mean, as R's var. */
export function sampleVariance(x: readonly number[], mean: number): number {
  let ss = 0;
  for (let i = 0; i < x.length; i++) {
    const d = (x[i] as number) - mean;
    ss += d * d;
  }
  return ss / (x.length - 1);
}

/** Throws unless every value is a finite number; `field` names the argument in the message. */
export function requireFinite(x: readonly number[], field: string): void {
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) {
      throw new StatsInputError(
        `${field}[${i}] is ${x[i]}; remove missing or non-finite values before testing (R drops NA)`,
        field,
      );
    }
  }
}
