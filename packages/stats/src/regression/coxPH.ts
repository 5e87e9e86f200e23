import { chiSquareSurvival } from '../distributions/chiSquare.ts';
import { normalQuantile, normalSurvival } from '../distributions/normal.ts';
import { StatsInputError } from '../StatsInputError.ts';
import { collectSurvivalRows, type EventInput } from '../survival/survivalInput.ts';
import { concordance } from './concordance.ts';
import { buildDesign, type CovariateInput, hasCompleteCovariates, readCovariates } from './coxDesign.ts';
import { COX_EPS, coxNewtonRaphson } from './coxNewtonRaphson.ts';
import type { CoxTies } from './coxPartialLikelihood.ts';

export interface CoxPHOptions {
  time: Float64Array | ArrayLike<number>;
  /** 1/true = event, 0/false = censored; null/undefined/NaN drops the row. */
  event: EventInput;
  /**
   * Covariates by name: numbers enter as is (NaN/null = missing); strings are categorical and
   * dummy-coded against the reference level (null = missing). Rows with any missing value are dropped.
   */
  covariates: Record<string, CovariateInput>;
  /** Approximation for tied death times (default 'efron', as R's coxph). */
  ties?: CoxTies;
  /** Reference level per categorical covariate (default: first level in order of appearance). */
  reference?: Record<string, string>;
  /** Confidence level of the hazard-ratio intervals (default 0.95). */
  confLevel?: number;
}

export interface CoxTerm {
  /** Model-matrix column name as R prints it (e.g. `celltypesmallcell`). */
  term: string;
  coef: number;
  /** exp(coef). */
  hr: number;
  se: number;
  z: number;
  p: number;
  /** Confidence limits of the hazard ratio. */
  lower: number;
  upper: number;
}

export interface CoxTest {
  test: number;
  df: number;
  p: number;
}

export interface CoxPHResult {
  terms: CoxTerm[];
  /** Log partial likelihood of the null model (beta = 0) and of the fitted model. */
  loglik: [number, number];
  /** Likelihood-ratio test 2 (l1 - l0). */
  lrt: CoxTest;
  /** Wald test b' I b. */
  wald: CoxTest;
  /** Score (log-rank) test u' I^-1 u at beta = 0. */
  score: CoxTest;
  /** Harrell's C of the linear predictor, as R's coxph reports it. */
  concordance: number;
  n: number;
  events: number;
  /** Rows dropped for a missing time, event or covariate. */
  nDropped: number;
  iterations: number;
  converged: boolean;
  ties: CoxTies;
}

/** qnorm(0.975), so the default 95% limits use exactly R's constant. */
const Z_975 = 1.959963984540054;

/**
 * Cox proportional hazards regression, reproducing R's
 * `summary(coxph(Surv(time, event) ~ covariates, ties = ties))` (survival 3.5: coxph.fit / coxfit6):
 * complete cases (after timefix's merging of near-equal times), Newton–Raphson on the partial
 * likelihood from beta = 0 with R's centring, step-halving and convergence rule, standard errors
 * from the inverse information, Wald/likelihood-ratio/score tests on df = number of terms and the
 * concordance R prints. Where R would return NA coefficients or warn that the fit did not converge
 * or that a coefficient may be infinite, this throws a StatsInputError instead.
 */
export function coxPH(options: CoxPHOptions): CoxPHResult {
  const { ties = 'efron', confLevel = 0.95 } = options;
  if (ties !== 'efron' && ties !== 'breslow') {
    throw new StatsInputError(`ties is "${String(ties)}"; use 'efron' or 'breslow'`, 'ties');
  }
  if (!(confLevel > 0 && confLevel < 1)) {
    throw new StatsInputError(
      `confLevel is ${confLevel}; it must be strictly between 0 and 1 (e.g. 0.95)`,
      'confLevel',
    );
  }
  const n = options.time.length;
  const columns = readCovariates(options.covariates, n);
  const rowIds = Array.from({ length: n }, (_, i) => (hasCompleteCovariates(columns, i) ? String(i) : null));
  const rows = collectSurvivalRows(options.time, options.event, [{ name: 'covariates', values: rowIds }]);
  const kept = (rows.labels[0] ?? []).map(Number);
  const m = kept.length;
  const design = buildDesign(columns, kept, options.reference);
  const { p, terms: names } = design;
  const events = rows.event.reduce((sum, e) => sum + e, 0);
  if (events === 0) {
    throw new StatsInputError(
      `none of the ${m} complete rows has an event; a Cox model needs at least one`,
      'event',
    );
  }

  // Sort once by ascending time (stable), as coxph.fit does before calling coxfit6.
  const order = Array.from({ length: m }, (_, i) => i).sort(
    (a, b) => (rows.time[a] ?? 0) - (rows.time[b] ?? 0),
  );
  const x = new Float64Array(m * p);
  order.forEach((r, k) => {
    x.set(design.x.subarray(r * p, (r + 1) * p), k * p);
  });
  const sortedTime = Float64Array.from(order, (r) => rows.time[r] ?? 0);
  const sortedStatus = Uint8Array.from(order, (r) => rows.event[r] ?? 0);
  const fit = coxNewtonRaphson({ n: m, p, time: sortedTime, status: sortedStatus, x }, ties);

  if (fit.initialRank < p) {
    const which = fit.initialSingular.map((j) => names[j]).join(', ');
    throw new StatsInputError(
      `the design is singular: ${which} ${fit.initialSingular.length === 1 ? 'is' : 'are'} constant or a linear combination of the other covariates within the risk sets of the complete rows, so ${fit.initialSingular.length === 1 ? 'its effect' : 'their effects'} cannot be estimated (R would report NA); remove the redundant covariate(s) or merge sparse levels`,
      'covariates',
    );
  }
  const coef = fit.coef;
  const infinite = names.filter((_, j) => {
    if (!Number.isFinite(coef[j] ?? Number.NaN)) return true;
    let influence = 0;
    for (let k = 0; k < p; k++) influence += (fit.u[k] ?? 0) * (fit.variance[k * p + j] ?? 0);
    influence = Math.abs(influence);
    return (
      !Number.isFinite(influence) ||
      (influence > COX_EPS && influence > Math.sqrt(COX_EPS) * Math.abs(coef[j] ?? 0))
    );
  });
  if (!fit.converged || fit.finalRank < p || infinite.length > 0) {
    const culprits = infinite.length > 0 ? ` (${infinite.join(', ')})` : '';
    throw new StatsInputError(
      `the Cox model did not converge${culprits}: ${fit.converged ? 'the log-likelihood converged while a coefficient kept growing' : `no convergence in ${fit.iterations} Newton–Raphson iterations`}, which usually means a covariate (or combination) perfectly separates early from late events (monotone likelihood, infinite hazard ratio); remove or merge the offending covariate or levels`,
      'covariates',
    );
  }

  const z = confLevel === 0.95 ? Z_975 : normalQuantile(1 - (1 - confLevel) / 2);
  const terms = names.map((term, j): CoxTerm => {
    const b = coef[j] ?? 0;
    const se = Math.sqrt(fit.variance[j * p + j] ?? 0);
    const zValue = b / se;
    return {
      term,
      coef: b,
      hr: Math.exp(b),
      se,
      z: zValue,
      p: 2 * normalSurvival(Math.abs(zValue)),
      lower: Math.exp(b - z * se),
      upper: Math.exp(b + z * se),
    };
  });

  // Linear predictor from the uncentred design (identical covariate rows give identical scores),
  // in time order so that concordance's own sort finds the data already ordered.
  const lp = Float64Array.from(order, (r) => {
    let eta = 0;
    for (let j = 0; j < p; j++) eta += (design.x[r * p + j] ?? 0) * (coef[j] ?? 0);
    return eta;
  });
  const test = (value: number): CoxTest => ({ test: value, df: p, p: chiSquareSurvival(value, p) });
  const [l0, l1] = fit.loglik;
  return {
    terms,
    loglik: [l0, l1],
    lrt: test(2 * (l1 - l0)),
    wald: test(fit.wald),
    score: test(fit.scoreTest),
    concordance: concordance(sortedTime, sortedStatus, lp).concordance,
    n: m,
    events,
    nDropped: n - m,
    iterations: fit.iterations,
    converged: fit.converged,
    ties,
  };
}
