const INV_SQRT_TWO_PI = 0.3989422804014327;

// W. J. Cody's rational Chebyshev approximations for the normal integral (ACM TOMS Algorithm 715,
// SPECFUN ANORM; the same approximations R's `pnorm` uses), one set per range of |x|. Published
// coefficients here and below are written as the shortest decimals that give the same doubles.
const CENTRAL_NUM = [2.2352520354606837, 161.02823106855587, 1067.6894854603709, 18154.98125334356];
const CENTRAL_DEN = [47.202581904688245, 976.0985517377767, 10260.932208618979, 45507.78933502673];
const CENTRAL_LEAD = 0.06568233791820745;
const MIDDLE_NUM = [
  0.39894151208813466, 8.883149794388377, 93.50665613217785, 597.2702763948002, 2494.5375852903726,
  6848.190450536283, 11602.65143764735, 9842.714838383978,
];
const MIDDLE_DEN = [
  22.266688044328117, 235.387901782625, 1519.3775994075547, 6485.558298266761, 18615.571640885097,
  34900.95272114598, 38912.00328609327, 19685.429676859992,
];
const MIDDLE_LEAD = 1.0765576773720192e-8;
const TAIL_NUM = [0.215898534057957, 0.12740116116024736, 0.022235277870649807, 0.0014216191932278934];
const TAIL_DEN = [1.284260096144911, 0.4682382124808651, 0.06598813786892856, 0.0037823963320275824];
const TAIL_LEAD_NUM = 0.023073441764940174;
const TAIL_LAST_NUM = 2.9112874951168793e-5;
const TAIL_LAST_DEN = 7.297515550839662e-5;

/** Evaluates (lead*t^n + num[0] t^(n-1) + ... ) / (t^n + den[0] t^(n-1) + ...) by Horner's rule. */
function ratio(t: number, lead: number, num: number[], den: number[]): [number, number] {
  let xnum = lead * t;
  let xden = t;
  for (let i = 0; i < num.length - 1; i++) {
    xnum = (xnum + (num[i] ?? 0)) * t;
    xden = (xden + (den[i] ?? 0)) * t;
  }
  return [xnum + (num[num.length - 1] ?? 0), xden + (den[den.length - 1] ?? 0)];
}

/** exp(-y^2/2) with y^2 split as in Cody's code so that the rounding of y^2 does not hurt the tail. */
function expHalfSquare(y: number): number {
  const head = Math.floor(y * 16) / 16;
  const del = (y - head) * (y + head);
  return Math.exp(-head * head * 0.5) * Math.exp(-del * 0.5);
}

/** P(Z > y) for y >= 0.66291, accurate to a few ulps relative down to the underflow at y ~ 38.5. */
function upperTail(y: number): number {
  if (y <= Math.sqrt(32)) {
    const [num, den] = ratio(y, MIDDLE_LEAD, MIDDLE_NUM, MIDDLE_DEN);
    return expHalfSquare(y) * (num / den);
  }
  if (y >= 40) return 0;
  const t = 1 / (y * y);
  const [num, den] = ratio(t, TAIL_LEAD_NUM, [...TAIL_NUM, TAIL_LAST_NUM], [...TAIL_DEN, TAIL_LAST_DEN]);
  return (expHalfSquare(y) * (INV_SQRT_TWO_PI - (t * num) / den)) / y;
}

/** Standard normal distribution function Phi(x) (R: `pnorm(x)`), full relative accuracy in both tails. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const y = Math.abs(x);
  if (y <= 0.66291) {
    const xsq = y > Number.EPSILON / 2 ? x * x : 0;
    const [num, den] = ratio(xsq, CENTRAL_LEAD, CENTRAL_NUM, CENTRAL_DEN);
    return 0.5 + (x * num) / den;
  }
  const tail = upperTail(y);
  return x > 0 ? 1 - tail : tail;
}

/** 1 - Phi(x) without cancellation (R: `pnorm(x, lower.tail = FALSE)`). */
export function normalSurvival(x: number): number {
  return normalCdf(-x);
}

// Wichura (1988), Algorithm AS 241 PPND16, coefficients in ascending powers; ~1e-16 relative.
const A = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const B = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852546,
];
const C = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 7.745450142783414e-4,
];
const D = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
  5.475938084995345e-4, 1.0507500716444169e-9,
];
const E = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 2.7115555687434876e-5, 2.0103343992922881e-7,
];
const F = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 7.868691311456133e-4, 1.8463183175100548e-5,
  1.421511758316446e-7, 2.0442631033899397e-15,
];

function poly(coefficients: number[], r: number): number {
  let acc = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) acc = acc * r + (coefficients[i] ?? 0);
  return acc;
}

/** Standard normal quantile Phi^-1(p) (R: `qnorm(p)`); -Infinity/Infinity at 0/1, NaN outside [0, 1]. */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(A, r)) / poly(B, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value = poly(C, r) / poly(D, r);
  } else {
    r -= 5;
    value = poly(E, r) / poly(F, r);
  }
  return q < 0 ? -value : value;
}
