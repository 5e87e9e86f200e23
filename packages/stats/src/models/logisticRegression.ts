import { normalCdf } from '../distributions/normal.ts';
import { StatsInputError } from '../StatsInputError.ts';
import {
  type HouseholderQr,
  householderQr,
  qrBackSolve,
  qrQty,
  qrUnscaledVarianceDiagonal,
} from './householderQr.ts';
import { modelFrame, type PredictorInput } from './modelFrame.ts';

export interface LogisticRegressionOptions {
  /** Binary response: 0 or 1 (NaN or null = missing). */
  y: Float64Array | ArrayLike<number | null | undefined>;
  /** Predictor columns by name: numbers (NaN/null = missing) or category labels (null = missing). */
  predictors: Record<string, PredictorInput>;
  /** Reference level per categorical predictor (default: first level in order of appearance). */
  reference?: Record<string, string>;
}

export interface LogisticTerm {
  /** Coefficient name as R prints it: `(Intercept)`, `x1`, `groupb`. */
  term: string;
  /** Log odds ratio. */
  estimate: number;
  se: number;
  /** Wald statistic estimate / se. */
  z: number;
  /** Two-sided p-value, 2 P(Z > |z|). */
  p: number;
}

export interface LogisticRegressionResult {
  terms: LogisticTerm[];
  /** Residual deviance, -2 log-likelihood. */
  deviance: number;
  /** Deviance of the intercept-only model. */
  nullDeviance: number;
  /** deviance + 2 p. */
  aic: number;
  /** Fisher scoring iterations, as summary.glm prints them. */
  iterations: number;
  converged: boolean;
  /** Complete observations used. */
  n: number;
  /** Observations dropped for a missing response or predictor. */
  nDropped: number;
}

// R's binomial()$linkinv / $mu.eta (C logit_linkinv, logit_mu_eta): eta clamped at +-30.
const THRESH = 30;
const EPSILON = 2.220446049250313e-16;
/** glm.control() defaults. */
const CONVERGENCE = 1e-8;
const MAX_ITERATIONS = 25;

function linkInverse(eta: number): number {
  const tmp = eta < -THRESH ? EPSILON : eta > THRESH ? 1 / EPSILON : Math.exp(eta);
  return tmp / (1 + tmp);
}

function muEta(eta: number): number {
  const opexp = 1 + Math.exp(eta);
  return eta > THRESH || eta < -THRESH ? EPSILON : Math.exp(eta) / (opexp * opexp);
}

/** Binomial deviance for 0/1 responses (R: `sum(binomial()$dev.resids(y, mu, 1))`). */
function deviance(y: Float64Array, mu: Float64Array): number {
  let dev = 0;
  for (let i = 0; i < y.length; i++) {
    const m = mu[i] ?? Number.NaN;
    dev += (y[i] ?? 0) === 1 ? -2 * Math.log(m) : -2 * Math.log(1 - m);
  }
  return dev;
}

/**
 * Logistic regression as R's `summary(glm(y ~ predictors, family = binomial))`: `glm.fit`'s
 * iteratively reweighted least squares (start mu = (y + 0.5) / 2, each step a Householder QR of
 * the weighted design, stop when |dev - devold| / (|dev| + 0.1) < 1e-8 or after 25 iterations),
 * standard errors from the QR of the last iteration with dispersion 1 (`summary.glm`).
 * Perfect or quasi-complete separation (fitted probabilities numerically 0 or 1, where R warns and
 * reports meaningless estimates) is refused with a StatsInputError.
 */
export function logisticRegression(options: LogisticRegressionOptions): LogisticRegressionResult {
  const frame = modelFrame(options.y, options.predictors, options.reference);
  const { n, p, x, y, terms } = frame;
  let events = 0;
  for (let i = 0; i < n; i++) {
    const v = y[i] ?? Number.NaN;
    if (v !== 0 && v !== 1) {
      throw new StatsInputError(`y contains ${v}; a logistic regression needs a 0/1 response`, 'y');
    }
    events += v;
  }
  if (events === 0 || events === n) {
    throw new StatsInputError(
      `every complete observation has y = ${events === 0 ? 0 : 1}; a logistic regression needs both outcomes`,
      'y',
    );
  }
  const eta = new Float64Array(n);
  const mu = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const m = ((y[i] ?? 0) + 0.5) / 2;
    mu[i] = m;
    eta[i] = Math.log(m / (1 - m));
  }
  let devold = deviance(y, mu);
  let dev = devold;
  let coef: Float64Array = new Float64Array(p);
  let qr: HouseholderQr | null = null;
  let converged = false;
  let iterations = 0;
  const wx = new Float64Array(n * p);
  const wz = new Float64Array(n);
  for (let iter = 1; iter <= MAX_ITERATIONS; iter++) {
    iterations = iter;
    for (let i = 0; i < n; i++) {
      const e = eta[i] ?? 0;
      const m = mu[i] ?? 0;
      const d = muEta(e);
      const w = Math.sqrt((d * d) / (m * (1 - m)));
      wz[i] = (e + ((y[i] ?? 0) - m) / d) * w;
      for (let j = 0; j < p; j++) wx[j * n + i] = (x[j * n + i] ?? 0) * w;
    }
    qr = householderQr(wx, n, p, terms);
    coef = qrBackSolve(qr, qrQty(qr, wz));
    for (let i = 0; i < n; i++) {
      let e = 0;
      for (let j = 0; j < p; j++) e += (x[j * n + i] ?? 0) * (coef[j] ?? 0);
      eta[i] = e;
      mu[i] = linkInverse(e);
    }
    dev = deviance(y, mu);
    if (!Number.isFinite(dev)) {
      throw new StatsInputError(
        'the deviance became infinite while fitting; the data are likely separated',
        'y',
      );
    }
    if (Math.abs(dev - devold) / (Math.abs(dev) + 0.1) < CONVERGENCE) {
      converged = true;
      break;
    }
    devold = dev;
  }
  // glm.fit's warning "fitted probabilities numerically 0 or 1 occurred" uses eps = 10 * DBL_EPSILON.
  const eps = 10 * EPSILON;
  for (let i = 0; i < n; i++) {
    const m = mu[i] ?? 0;
    if (m > 1 - eps || m < eps) {
      throw new StatsInputError(
        'fitted probabilities numerically 0 or 1 occurred: the outcome is perfectly (or quasi-completely) separated by the predictors, so the maximum-likelihood estimates do not exist; drop or merge the separating predictor or use a penalized (Firth) model',
        'predictors',
      );
    }
  }
  if (!qr) throw new Error('unreachable: IRLS ran no iteration');
  const unscaled = qrUnscaledVarianceDiagonal(qr);
  const mean = events / n;
  let nullDeviance = 0;
  for (let i = 0; i < n; i++)
    nullDeviance += (y[i] ?? 0) === 1 ? -2 * Math.log(mean) : -2 * Math.log(1 - mean);
  return {
    terms: terms.map((term, j) => {
      const estimate = coef[j] ?? Number.NaN;
      const se = Math.sqrt(unscaled[j] ?? Number.NaN);
      const z = estimate / se;
      return { term, estimate, se, z, p: 2 * normalCdf(-Math.abs(z)) };
    }),
    deviance: dev,
    nullDeviance,
    aic: dev + 2 * p,
    iterations,
    converged,
    n,
    nDropped: frame.nDropped,
  };
}
