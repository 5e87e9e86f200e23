import { normalQuantile } from '../distributions/normal.ts';
import { StatsInputError } from '../StatsInputError.ts';

/** A ratio with its confidence interval; the bounds are null where the interval is undefined. */
export interface RatioWithInterval {
  /** 0 when the numerator is 0; Infinity when only the denominator is; null when both are (0/0). */
  estimate: number | null;
  lower: number | null;
  upper: number | null;
  /** Standard error of the log ratio; null where a zero cell makes it infinite. */
  seLog: number | null;
  level: number;
}

export interface RatioIntervalOptions {
  /** Confidence level of the interval; default 0.95. */
  confLevel?: number;
}

export function checkConfLevel(options: RatioIntervalOptions): number {
  const level = options.confLevel ?? 0.95;
  if (!(level > 0 && level < 1)) {
    throw new StatsInputError(`confLevel must be strictly between 0 and 1, got ${level}`, 'confLevel');
  }
  return level;
}

/**
 * exp(log ratio ± z × SE): the Wald interval on the log scale. A zero cell makes the log ratio or its
 * standard error infinite, and R would answer 0, Inf or NaN for the bounds; null says plainly that
 * there is no interval.
 */
export function ratioInterval(
  numerator: number,
  denominator: number,
  varianceLog: number,
  level: number,
): RatioWithInterval {
  const estimate =
    numerator === 0 && denominator === 0
      ? null
      : denominator === 0
        ? Number.POSITIVE_INFINITY
        : numerator / denominator;
  const seLog = Number.isFinite(varianceLog) ? Math.sqrt(varianceLog) : null;
  if (estimate === null || seLog === null || !(estimate > 0 && Number.isFinite(estimate))) {
    return { estimate, lower: null, upper: null, seLog, level };
  }
  const z = normalQuantile(1 - (1 - level) / 2);
  const log = Math.log(estimate);
  return { estimate, lower: Math.exp(log - z * seLog), upper: Math.exp(log + z * seLog), seLog, level };
}
