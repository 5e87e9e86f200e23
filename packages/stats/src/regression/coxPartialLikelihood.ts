/** Right-censored data sorted by ascending time, with a row-major n x p covariate matrix. */
export interface CoxData {
  n: number;
  p: number;
  time: Float64Array;
  status: Uint8Array;
  /** x[i * p + j]: covariate j of the i-th subject in time order (already centred/scaled). */
  x: Float64Array;
}

/** Ties handling for the partial likelihood. */
export type CoxTies = 'efron' | 'breslow';

/** Score vector and information matrix (row-major p x p, symmetric) filled in by the evaluation. */
export interface CoxDerivatives {
  u: Float64Array;
  imat: Float64Array;
}

/**
 * Log partial likelihood at `beta`, with its gradient `u` and information matrix `imat` written into
 * `out`: a transcription of `coxfit6_iter` in survival's coxfit6.c (unit case weights, no offset,
 * one stratum). Subjects are visited from the largest time down so the risk-set sums (denominator,
 * first and second moments) accumulate in one pass; tied deaths use the Breslow or the Efron
 * approximation exactly as R does, giving O(n p^2) work per evaluation.
 */
export function coxPartialLikelihood(
  data: CoxData,
  beta: Float64Array,
  ties: CoxTies,
  out: CoxDerivatives,
): number {
  const { n, p, time, status, x } = data;
  const { u, imat } = out;
  u.fill(0);
  imat.fill(0);
  const a = new Float64Array(p);
  const a2 = new Float64Array(p);
  const cmat = new Float64Array(p * p);
  const cmat2 = new Float64Array(p * p);
  const efron = ties === 'efron';
  let denom = 0;
  let loglik = 0;

  let person = n - 1;
  while (person >= 0) {
    const dtime = time[person];
    let ndead = 0;
    let denom2 = 0;
    while (person >= 0 && time[person] === dtime) {
      const row = person * p;
      let zbeta = 0;
      for (let i = 0; i < p; i++) zbeta += (beta[i] ?? 0) * (x[row + i] ?? 0);
      const risk = Math.exp(zbeta);
      if (status[person] === 0) {
        denom += risk;
        for (let i = 0; i < p; i++) {
          const rx = risk * (x[row + i] ?? 0);
          a[i] = (a[i] ?? 0) + rx;
          for (let j = 0; j <= i; j++) cmat[i * p + j] = (cmat[i * p + j] ?? 0) + rx * (x[row + j] ?? 0);
        }
      } else {
        ndead++;
        denom2 += risk;
        loglik += zbeta;
        for (let i = 0; i < p; i++) {
          const xi = x[row + i] ?? 0;
          u[i] = (u[i] ?? 0) + xi;
          const rx = risk * xi;
          a2[i] = (a2[i] ?? 0) + rx;
          for (let j = 0; j <= i; j++) cmat2[i * p + j] = (cmat2[i * p + j] ?? 0) + rx * (x[row + j] ?? 0);
        }
      }
      person--;
    }
    if (ndead === 0) continue;

    // Breslow (or a single death): every death sees the full risk set. Efron: the k-th of d tied
    // deaths sees the others plus (k+1)/d of the deaths' risk (coxfit6 adds them back a 1/d at a time).
    const steps = efron && ndead > 1 ? ndead : 1;
    const divisor = steps === 1 ? 1 : ndead;
    const wtave = ndead / steps;
    for (let k = 0; k < steps; k++) {
      denom += denom2 / divisor;
      loglik -= wtave * Math.log(denom);
      for (let i = 0; i < p; i++) {
        a[i] = (a[i] ?? 0) + (a2[i] ?? 0) / divisor;
        const ai = a[i] ?? 0;
        const mean = ai / denom;
        u[i] = (u[i] ?? 0) - wtave * mean;
        for (let j = 0; j <= i; j++) {
          const ij = i * p + j;
          cmat[ij] = (cmat[ij] ?? 0) + (cmat2[ij] ?? 0) / divisor;
          imat[ij] = (imat[ij] ?? 0) + (wtave * ((cmat[ij] ?? 0) - mean * (a[j] ?? 0))) / denom;
        }
      }
    }
    a2.fill(0);
    cmat2.fill(0);
  }
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) imat[j * p + i] = imat[i * p + j] ?? 0;
  return loglik;
}
