import { ldlCholesky, ldlInverse, ldlSolve } from '../linalg/ldlCholesky.ts';
import { type CoxData, type CoxTies, coxPartialLikelihood } from './coxPartialLikelihood.ts';

/** coxph.control defaults: eps, toler.chol = .Machine$double.eps^0.75, iter.max. */
export const COX_EPS = 1e-9;
export const COX_TOLER_CHOL = Number.EPSILON ** 0.75;
export const COX_ITER_MAX = 20;

export interface CoxNewtonResult {
  /** Coefficients on the original covariate scale. */
  coef: Float64Array;
  /** Inverse information (row-major p x p) on the original scale. */
  variance: Float64Array;
  /** Score vector at the final coefficients, original scale. */
  u: Float64Array;
  /** Wald statistic b' I b at the final coefficients. */
  wald: number;
  /** Log partial likelihood at beta = 0 and at the final coefficients. */
  loglik: [number, number];
  /** Score test u' I^-1 u at beta = 0. */
  scoreTest: number;
  iterations: number;
  converged: boolean;
  /** Rank of the information matrix at beta = 0, and its singular columns. */
  initialRank: number;
  initialSingular: number[];
  /** Rank of the information matrix at the final coefficients. */
  finalRank: number;
}

/**
 * Newton–Raphson maximization of the partial likelihood, transcribing the driver of survival's
 * coxfit6 (C routine behind coxph.fit): columns not entirely in {-1, 0, 1} (coxph's `nocenter`) are
 * centred by their mean and scaled by 1 / mean |x - mean|; start at beta = 0; the score test comes
 * from the first evaluation; iterate until |1 - loglik_old / loglik_new| <= eps, halving the step
 * (newbeta = (newbeta + h * beta) / (h + 1)) whenever the loglik decreases or is not finite. Only
 * the centred/scaled copy of `data.x` is modified (the caller passes a working copy).
 */
export function coxNewtonRaphson(
  data: CoxData,
  ties: CoxTies,
  maxIterations = COX_ITER_MAX,
  eps = COX_EPS,
  tolerance = COX_TOLER_CHOL,
): CoxNewtonResult {
  const { n, p, x } = data;
  const scale = new Float64Array(p).fill(1);
  for (let j = 0; j < p; j++) {
    let doScale = false;
    for (let i = 0; i < n; i++) {
      const v = x[i * p + j] ?? 0;
      if (v !== 0 && v !== 1 && v !== -1) {
        doScale = true;
        break;
      }
    }
    if (!doScale) continue;
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[i * p + j] ?? 0;
    mean /= n;
    let absSum = 0;
    for (let i = 0; i < n; i++) {
      const centred = (x[i * p + j] ?? 0) - mean;
      x[i * p + j] = centred;
      absSum += Math.abs(centred);
    }
    const s = absSum > 0 ? n / absSum : 1;
    scale[j] = s;
    for (let i = 0; i < n; i++) x[i * p + j] = (x[i * p + j] ?? 0) * s;
  }

  const derivatives = { u: new Float64Array(p), imat: new Float64Array(p * p) };
  let beta = new Float64Array(p);
  const loglik0 = coxPartialLikelihood(data, beta, ties, derivatives);
  let chol = ldlCholesky(derivatives.imat, p, tolerance);
  const initialRank = chol.rank;
  const initialSingular = chol.singular;
  const step = ldlSolve(chol, derivatives.u);
  let scoreTest = 0;
  for (let i = 0; i < p; i++) scoreTest += (derivatives.u[i] ?? 0) * (step[i] ?? 0);

  let best = loglik0;
  let newBeta = Float64Array.from(beta, (b, i) => b + (step[i] ?? 0));
  let halving = 0;
  let converged = false;
  let iterations = 0;
  let imat = derivatives.imat;
  for (iterations = 1; iterations <= maxIterations; iterations++) {
    const newLoglik = coxPartialLikelihood(data, newBeta, ties, derivatives);
    imat = derivatives.imat;
    chol = ldlCholesky(imat, p, tolerance);
    const finite =
      Number.isFinite(newLoglik) &&
      derivatives.u.every(Number.isFinite) &&
      derivatives.imat.every(Number.isFinite);
    if (finite && Math.abs(1 - best / newLoglik) <= eps) {
      best = newLoglik;
      beta = newBeta;
      converged = true;
      break;
    }
    if (iterations === maxIterations) break;
    if (!finite || newLoglik < best) {
      halving++;
      newBeta = Float64Array.from(newBeta, (b, i) => (b + halving * (beta[i] ?? 0)) / (halving + 1));
    } else {
      halving = 0;
      best = newLoglik;
      const delta = ldlSolve(chol, derivatives.u);
      beta = newBeta;
      newBeta = Float64Array.from(beta, (b, i) => b + (delta[i] ?? 0));
    }
  }
  if (!converged) {
    // As coxfit6 does when it runs out of iterations: report the last accepted beta.
    best = coxPartialLikelihood(data, beta, ties, derivatives);
    imat = derivatives.imat;
    chol = ldlCholesky(imat, p, tolerance);
  }

  let wald = 0;
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) wald += (beta[i] ?? 0) * (imat[i * p + j] ?? 0) * (beta[j] ?? 0);
  }
  const scaledVariance = ldlInverse(chol);
  const variance = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      variance[i * p + j] = (scaledVariance[i * p + j] ?? 0) * (scale[i] ?? 1) * (scale[j] ?? 1);
    }
  }
  return {
    coef: Float64Array.from(beta, (b, i) => b * (scale[i] ?? 1)),
    variance,
    u: Float64Array.from(derivatives.u, (v, i) => v / (scale[i] ?? 1)),
    wald,
    loglik: [loglik0, best],
    scoreTest,
    iterations,
    converged,
    initialRank,
    initialSingular,
    finalRank: chol.rank,
  };
}
