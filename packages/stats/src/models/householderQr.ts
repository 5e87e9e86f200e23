import { StatsInputError } from '../StatsInputError.ts';

/**
 * Householder QR of an n x p column-major matrix, as LINPACK's `dqrdc2` used by R's `lm.fit` and
 * `glm.fit` (tol = 1e-7): a column whose norm, after removing its projection on the earlier
 * columns, falls below tol times its original norm is linearly dependent on them. R would pivot it
 * to the end and report an NA coefficient; we refuse instead and name the aliased term.
 */
export interface HouseholderQr {
  n: number;
  p: number;
  /** Column-major n x p: R in the upper triangle, Householder vectors below it. */
  qr: Float64Array;
  /** Scalars of the Householder reflections (qraux). */
  beta: Float64Array;
}

const TOLERANCE = 1e-7;

export function householderQr(
  matrix: Float64Array,
  n: number,
  p: number,
  terms: readonly string[],
): HouseholderQr {
  if (n <= p) {
    throw new StatsInputError(
      `${n} complete observation${n === 1 ? '' : 's'} for ${p} coefficients; the model needs more observations than coefficients to estimate its residual variance`,
      'y',
    );
  }
  const a = Float64Array.from(matrix);
  const beta = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const col = j * n;
    let original = 0;
    for (let i = 0; i < n; i++) original += (a[col + i] ?? 0) ** 2;
    original = Math.sqrt(original);
    let norm = 0;
    for (let i = j; i < n; i++) norm += (a[col + i] ?? 0) ** 2;
    norm = Math.sqrt(norm);
    if (!(norm > TOLERANCE * original) || original === 0) {
      const earlier = terms.slice(0, j).join(', ');
      throw new StatsInputError(
        `the design is singular: "${terms[j]}" is ${original === 0 ? 'constant zero' : `a linear combination of ${earlier}`} among the complete rows (R would report an NA coefficient for it); drop or recode it`,
        'predictors',
      );
    }
    const head = a[col + j] ?? 0;
    const alpha = head > 0 ? -norm : norm;
    // Reflect x onto alpha e1 with v = x - alpha e1 (alpha of opposite sign to x_j: no cancellation).
    const v0 = head - alpha;
    a[col + j] = v0;
    let vv = v0 * v0;
    for (let i = j + 1; i < n; i++) vv += (a[col + i] ?? 0) ** 2;
    const b = 2 / vv;
    for (let k = j + 1; k < p; k++) {
      const ck = k * n;
      let s = 0;
      for (let i = j; i < n; i++) s += (a[col + i] ?? 0) * (a[ck + i] ?? 0);
      s *= b;
      for (let i = j; i < n; i++) a[ck + i] = (a[ck + i] ?? 0) - s * (a[col + i] ?? 0);
    }
    // Store v scaled to v0 = 1 below the diagonal (R on it), so H = I - beta u u' with beta = b v0^2.
    a[col + j] = alpha;
    for (let i = j + 1; i < n; i++) a[col + i] = (a[col + i] ?? 0) / v0;
    beta[j] = b * v0 * v0;
  }
  return { n, p, qr: a, beta };
}

/** Q' y (R: `qr.qty`). */
export function qrQty(qr: HouseholderQr, y: Float64Array): Float64Array {
  const { n, p } = qr;
  const out = Float64Array.from(y);
  for (let j = 0; j < p; j++) {
    const col = j * n;
    let s = out[j] ?? 0;
    for (let i = j + 1; i < n; i++) s += (qr.qr[col + i] ?? 0) * (out[i] ?? 0);
    s *= qr.beta[j] ?? 0;
    out[j] = (out[j] ?? 0) - s;
    for (let i = j + 1; i < n; i++) out[i] = (out[i] ?? 0) - s * (qr.qr[col + i] ?? 0);
  }
  return out;
}

/** Least-squares coefficients from Q'y by back substitution on R (R: `qr.coef`). */
export function qrBackSolve(qr: HouseholderQr, qty: Float64Array): Float64Array {
  const { n, p } = qr;
  const coef = new Float64Array(p);
  for (let j = p - 1; j >= 0; j--) {
    let s = qty[j] ?? 0;
    for (let k = j + 1; k < p; k++) s -= (qr.qr[k * n + j] ?? 0) * (coef[k] ?? 0);
    coef[j] = s / (qr.qr[j * n + j] ?? 1);
  }
  return coef;
}

/** Diagonal of (R'R)^-1 = (X'X)^-1 (R: `diag(chol2inv(qr$qr[1:p, 1:p]))`). */
export function qrUnscaledVarianceDiagonal(qr: HouseholderQr): Float64Array {
  const { n, p } = qr;
  // Rinv upper triangular, column-major p x p
  const inv = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    inv[j * p + j] = 1 / (qr.qr[j * n + j] ?? 1);
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let k = i + 1; k <= j; k++) s += (qr.qr[k * n + i] ?? 0) * (inv[j * p + k] ?? 0);
      inv[j * p + i] = -s / (qr.qr[i * n + i] ?? 1);
    }
  }
  const diag = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = 0;
    for (let j = i; j < p; j++) s += (inv[j * p + i] ?? 0) ** 2;
    diag[i] = s;
  }
  return diag;
}
