import { StatsInputError } from '../StatsInputError.ts';
import { type TTestOptions, type TTestResult, tTestTail } from '../tests/tTest.ts';
import type { Moments } from './pooledMoments.ts';

function checkSample(m: Moments, name: string): void {
  if (!(Number.isInteger(m.n) && m.n >= 2)) {
    throw new StatsInputError(`not enough '${name}' observations: need at least 2, got n = ${m.n}`, name);
  }
  if (!Number.isFinite(m.mean) || !(m.m2 >= 0 && Number.isFinite(m.m2))) {
    throw new StatsInputError(
      `${name} has mean ${m.mean} and m2 ${m.m2}; both must be finite (m2 >= 0)`,
      name,
    );
  }
}

/**
 * Welch's two-sample t-test (unequal variances, Welch–Satterthwaite df) from the moments of each
 * sample, e.g. as pooled from sites by pooledMoments: identical in its formulas to R's
 * `t.test(x, y, var.equal = FALSE)` on the pooled values, and to welchTTest. estimate is
 * [mean a, mean b]; ci is for mean a - mean b.
 */
export function welchFromMoments(a: Moments, b: Moments, options: TTestOptions = {}): TTestResult {
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
  checkSample(a, 'a');
  checkSample(b, 'b');
  const va = a.m2 / (a.n - 1) / a.n;
  const vb = b.m2 / (b.n - 1) / b.n;
  const stderr = Math.sqrt(va + vb);
  const scale = Math.max(Math.abs(a.mean), Math.abs(b.mean));
  if (!(stderr >= 10 * Number.EPSILON * scale) || stderr === 0) {
    throw new StatsInputError(
      'data are essentially constant: the standard error is zero, so the t statistic is undefined',
    );
  }
  const df = (stderr * stderr) ** 2 / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  return tTestTail(
    a.mean - b.mean,
    stderr,
    df,
    { alternative, confLevel, mu },
    [a.mean, b.mean],
    'Welch Two Sample t-test',
  );
}
