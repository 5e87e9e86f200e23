import { fSurvival } from '../distributions/f.ts';
import { tSurvival } from '../distributions/t.ts';
import { householderQr, qrBackSolve, qrQty, qrUnscaledVarianceDiagonal } from './householderQr.ts';
import { modelFrame, type PredictorInput } from './modelFrame.ts';

export interface LinearRegressionOptions {
  /** Response (NaN or null = missing). */
  y: Float64Array | ArrayLike<number | null | undefined>;
  /** Predictor columns by name: numbers (NaN/null = missing) or category labels (null = missing). */
  predictors: Record<string, PredictorInput>;
  /** Reference level per categorical predictor (default: first level in order of appearance). */
  reference?: Record<string, string>;
}

export interface LinearTerm {
  /** Coefficient name as R prints it: `(Intercept)`, `x1`, `groupb`. */
  term: string;
  estimate: number;
  se: number;
  t: number;
  /** Two-sided p-value, 2 P(T_df > |t|). */
  p: number;
}

export interface LinearRegressionResult {
  terms: LinearTerm[];
  /** Residual standard error. */
  sigma: number;
  rSquared: number;
  adjRSquared: number;
  /** Overall F test of all slopes against the intercept-only model. */
  fStatistic: { value: number; df1: number; df2: number; p: number };
  /** Residual degrees of freedom, n - p. */
  df: number;
  /** Complete observations used. */
  n: number;
  /** Observations dropped for a missing response or predictor. */
  nDropped: number;
}

/**
 * Ordinary least squares as R's `summary(lm(y ~ predictors))` (stats `lm.fit` via Householder QR,
 * then `summary.lm`): t tests on n - p df, R^2 = MSS / (MSS + RSS) about the mean, and the overall
 * F statistic (MSS / (p - 1)) / sigma^2.
 */
export function linearRegression(options: LinearRegressionOptions): LinearRegressionResult {
  const frame = modelFrame(options.y, options.predictors, options.reference);
  const { n, p, x, y, terms } = frame;
  const qr = householderQr(x, n, p, terms);
  const effects = qrQty(qr, y);
  const coef = qrBackSolve(qr, effects);
  let rss = 0;
  for (let i = p; i < n; i++) rss += (effects[i] ?? 0) ** 2;
  // summary.lm: mss = sum((fitted - mean(fitted))^2)
  const fitted = new Float64Array(n);
  for (let j = 0; j < p; j++) {
    const c = coef[j] ?? 0;
    for (let i = 0; i < n; i++) fitted[i] = (fitted[i] ?? 0) + c * (x[j * n + i] ?? 0);
  }
  let mean = 0;
  for (let i = 0; i < n; i++) mean += fitted[i] ?? 0;
  mean /= n;
  let mss = 0;
  for (let i = 0; i < n; i++) mss += ((fitted[i] ?? 0) - mean) ** 2;
  const df = n - p;
  const resvar = rss / df;
  const unscaled = qrUnscaledVarianceDiagonal(qr);
  const rSquared = mss / (mss + rss);
  const df1 = p - 1;
  const fValue = mss / df1 / resvar;
  return {
    terms: terms.map((term, j) => {
      const estimate = coef[j] ?? Number.NaN;
      const se = Math.sqrt(resvar * (unscaled[j] ?? Number.NaN));
      const t = estimate / se;
      return { term, estimate, se, t, p: 2 * tSurvival(Math.abs(t), df) };
    }),
    sigma: Math.sqrt(resvar),
    rSquared,
    adjRSquared: 1 - ((1 - rSquared) * (n - 1)) / df,
    fStatistic: { value: fValue, df1, df2: df, p: fSurvival(fValue, df1, df) },
    df,
    n,
    nDropped: frame.nDropped,
  };
}
