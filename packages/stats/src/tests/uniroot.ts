const DOUBLE_EPS = Number.EPSILON;

/** R's default uniroot tolerance, .Machine$double.eps^0.25. */
export const UNIROOT_TOL = DOUBLE_EPS ** 0.25;

/**
 * Root of f in [lower, upper] by Brent's method, transcribed from R's R_zeroin2 (src/library/stats/
 * src/zeroin.c) as called by `uniroot(f, c(lower, upper))` with its defaults (tol =
 * .Machine$double.eps^0.25, maxiter = 1000). Callers reproducing R results that R itself only
 * computes to `tol` (e.g. fisher.test's odds ratio and interval) need the same iterates, not a more
 * accurate root. Throws if f has the same sign at both ends.
 */
export function uniroot(f: (x: number) => number, lower: number, upper: number, tol = UNIROOT_TOL): number {
  let a = lower;
  let b = upper;
  let fa = f(a);
  let fb = f(b);
  if (fa * fb > 0) throw new Error(`uniroot: f() values at end points not of opposite sign (${fa}, ${fb})`);
  let c = a;
  let fc = fa;
  if (fa === 0) return a;
  if (fb === 0) return b;
  for (let iteration = 0; iteration <= 1000; iteration++) {
    const prevStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolAct = 2 * DOUBLE_EPS * Math.abs(b) + tol / 2;
    let newStep = (c - b) / 2;
    if (Math.abs(newStep) <= tolAct || fb === 0) return b;
    if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
      const cb = c - b;
      let p: number;
      let q: number;
      if (a === c) {
        const t1 = fb / fa;
        p = cb * t1;
        q = 1 - t1;
      } else {
        const qq = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * qq * (qq - t1) - (b - a) * (t1 - 1));
        q = (qq - 1) * (t1 - 1) * (t2 - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs((prevStep * q) / 2)) newStep = p / q;
    }
    if (Math.abs(newStep) < tolAct) newStep = newStep > 0 ? tolAct : -tolAct;
    a = b;
    fa = fb;
    b += newStep;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  return b;
}
