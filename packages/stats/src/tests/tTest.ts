import { tCdf, tQuantile, tSurvival } from '../distributions/t.ts';
import { StatsInputError } from '../StatsInputError.ts';
import type { Alternative } from './alternative.ts';
import { requireFinite, sampleMean, sampleVariance } from './sampleMoments.ts';

export interface TTestOptions {
  /** Alternative hypothesis (default 'two.sided'). */
  alternative?: Alternative;
  /** Confidence level of the interval (default 0.95). */
  confLevel?: number;
  /** Hypothesised difference in means (or mean difference when paired); default 0. */
  mu?: number;
}

export interface TTestResult {
  statistic: number;
  df: number;
  p: number;
  /** Confidence interval for the difference in means (infinite on the open side of one-sided tests). */
  ci: [number, number];
  /** [mean of x, mean of y] for two-sample tests; [mean difference] for the paired test. */
  estimate: number[];
  method: string;
}

const DOUBLE_EPS = Number.EPSILON;

function resolveOptions(options: TTestOptions): Required<TTestOptions> {
  const alternative = options.alternative ?? 'two.sided';
  const confLevel = options.confLevel ?? 0.95;
  const mu = options.mu ?? 0;
  if (!(confLevel > 0 && confLevel < 1)) {
    throw new StatsInputError(`confLevel must be strictly between 0 and 1, got ${confLevel}`, 'confLevel');
  }
  if (!Number.isFinite(mu)) throw new StatsInputError(`mu must be a finite number, got ${mu}`, 'mu');
  if (alternative !== 'two.sided' && alternative !== 'less' && alternative !== 'greater') {
    throw new StatsInputError(`alternative must be 'two.sided', 'less' or 'greater', got ${alternative}`);
  }
  return { alternative, confLevel, mu };
}

/** The tail of stats:::t.test.default after the statistic: p-value and interval (also for t-tests from moments). */
export function tTestTail(
  difference: number,
  stderr: number,
  df: number,
  options: Required<TTestOptions>,
  estimate: number[],
  method: string,
): TTestResult {
  const { alternative, confLevel, mu } = options;
  const statistic = (difference - mu) / stderr;
  let p: number;
  let lower: number;
  let upper: number;
  if (alternative === 'less') {
    p = tCdf(statistic, df);
    lower = Number.NEGATIVE_INFINITY;
    upper = statistic + tQuantile(confLevel, df);
  } else if (alternative === 'greater') {
    p = tSurvival(statistic, df);
    lower = statistic - tQuantile(confLevel, df);
    upper = Number.POSITIVE_INFINITY;
  } else {
    p = 2 * tCdf(-Math.abs(statistic), df);
    const half = tQuantile(1 - (1 - confLevel) / 2, df);
    lower = statistic - half;
    upper = statistic + half;
  }
  return { statistic, df, p, ci: [mu + lower * stderr, mu + upper * stderr], estimate, method };
}

function checkConstant(stderr: number, scale: number): void {
  if (!(stderr >= 10 * DOUBLE_EPS * scale) || stderr === 0) {
    throw new StatsInputError(
      'data are essentially constant: the standard error is zero, so the t statistic is undefined',
    );
  }
}

/** Both samples finite and at least `minimum` long, as R's t.test requires of a two-sample test. */
function checkSamples(x: readonly number[], y: readonly number[], minimum: number): void {
  requireFinite(x, 'x');
  requireFinite(y, 'y');
  for (const [name, sample] of [
    ['x', x],
    ['y', y],
  ] as const) {
    if (sample.length < minimum) {
      throw new StatsInputError(
        `not enough '${name}' observations: need at least ${minimum}, got ${sample.length}`,
        name,
      );
    }
  }
}

/** R: `t.test(x, y, var.equal = FALSE)` (Welch-Satterthwaite degrees of freedom). */
export function welchTTest(
  x: readonly number[],
  y: readonly number[],
  options: TTestOptions = {},
): TTestResult {
  const resolved = resolveOptions(options);
  checkSamples(x, y, 2);
  const mx = sampleMean(x);
  const my = sampleMean(y);
  const sx2 = sampleVariance(x, mx) / x.length;
  const sy2 = sampleVariance(y, my) / y.length;
  const stderr = Math.sqrt(sx2 + sy2);
  checkConstant(stderr, Math.max(Math.abs(mx), Math.abs(my)));
  const df = (stderr * stderr) ** 2 / ((sx2 * sx2) / (x.length - 1) + (sy2 * sy2) / (y.length - 1));
  return tTestTail(mx - my, stderr, df, resolved, [mx, my], 'Welch Two Sample t-test');
}

/** R: `t.test(x, y, var.equal = TRUE)` (pooled variance, df = nx + ny - 2). */
export function studentTTest(
  x: readonly number[],
  y: readonly number[],
  options: TTestOptions = {},
): TTestResult {
  const resolved = resolveOptions(options);
  checkSamples(x, y, 1);
  if (x.length + y.length < 3) throw new StatsInputError('not enough observations: need at least 3 in total');
  const mx = sampleMean(x);
  const my = sampleMean(y);
  const df = x.length + y.length - 2;
  let pooled = 0;
  if (x.length > 1) pooled += (x.length - 1) * sampleVariance(x, mx);
  if (y.length > 1) pooled += (y.length - 1) * sampleVariance(y, my);
  pooled /= df;
  const stderr = Math.sqrt(pooled * (1 / x.length + 1 / y.length));
  checkConstant(stderr, Math.max(Math.abs(mx), Math.abs(my)));
  return tTestTail(mx - my, stderr, df, resolved, [mx, my], 'Two Sample t-test');
}

/** R: `t.test(x, y, paired = TRUE)`, i.e. a one-sample t-test on the differences x - y. */
export function pairedTTest(
  x: readonly number[],
  y: readonly number[],
  options: TTestOptions = {},
): TTestResult {
  const resolved = resolveOptions(options);
  requireFinite(x, 'x');
  requireFinite(y, 'y');
  if (x.length !== y.length) {
    throw new StatsInputError(`paired samples must have equal lengths, got ${x.length} and ${y.length}`, 'y');
  }
  if (x.length < 2)
    throw new StatsInputError(`not enough paired observations: need at least 2, got ${x.length}`);
  const d = x.map((value, i) => value - (y[i] as number));
  const md = sampleMean(d);
  const stderr = Math.sqrt(sampleVariance(d, md) / d.length);
  checkConstant(stderr, Math.abs(md));
  return tTestTail(md, stderr, d.length - 1, resolved, [md], 'Paired t-test');
}
