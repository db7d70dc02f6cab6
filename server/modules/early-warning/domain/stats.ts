/**
 * Small, dependency-free distribution functions for the detectors. Tail probabilities are returned on a log scale
 * because alerts live far out in the tail (p ≈ 1e-6 … 1e-30) where plain doubles lose everything to rounding.
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7; ~15 significant digits). */
export function lgamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  x -= 1;
  let a = LANCZOS[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction for the incomplete beta function (modified Lentz). */
function betacf(a: number, b: number, x: number): number {
  const FPMIN = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < FPMIN) d = FPMIN;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 400; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-12) break;
  }
  return h;
}

/** ln I_x(a, b), the log of the regularized incomplete beta function. */
export function logBetaInc(x: number, a: number, b: number): number {
  if (x <= 0) return -Infinity;
  if (x >= 1) return 0;
  const lbt = lgamma(a + b) - lgamma(a) - lgamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  if (x < (a + 1) / (a + b + 2)) return lbt + Math.log(betacf(a, b, x)) - Math.log(a);
  const upper = Math.exp(lbt + Math.log(betacf(b, a, 1 - x)) - Math.log(b));
  return Math.log(Math.max(1e-300, 1 - upper));
}

/**
 * ln P(X ≥ c) for X ~ NegBin(shape r, mean m) — the Gamma–Poisson predictive of a count whose rate is uncertain.
 * P(X ≥ c) = I_q(c, r) with q = m / (r + m).
 */
export function logNbUpperTail(c: number, r: number, m: number): number {
  if (c <= 0) return 0;
  if (m <= 0) return -Infinity;
  return logBetaInc(m / (r + m), c, r);
}

/** ln P(X ≥ c) for X ~ Poisson(m), via the identity P(X ≥ c) = P(Gamma(c) ≤ m) = I_{m/(m+∞)} limit — computed as NB with huge shape. */
export function logPoissonUpperTail(c: number, m: number): number {
  return logNbUpperTail(c, 1e7, m);
}

/** Log-likelihood ratio of one count under NB(mean m1) vs NB(mean m0), same shape r (used by the NB-CUSUM). */
export function nbLogLikRatio(x: number, r: number, m0: number, m1: number): number {
  return x * Math.log((m1 * (r + m0)) / (m0 * (r + m1))) + r * Math.log((r + m0) / (r + m1));
}
