/**
 * Special functions for the probabilistic models: log-gamma, log-beta and digamma from the stdlib
 * packages (`@stdlib/math-base-special-*`, Apache-2.0), plus the Gauss hypergeometric function ₂F₁ and a
 * stable log-sum-exp, which stdlib does not provide.
 *
 * The decision a reader needs: ₂F₁ is written here for real z < 1 (the models only need 0 ≤ z < 1). It sums
 * the power series where that converges quickly and otherwise uses the linear transformation z → 1 − z
 * (Abramowitz & Stegun 15.3.6), falling back to the long series when c − a − b is within 1e-3 of an integer,
 * where the transformation's gamma factors cancel catastrophically, or so large that its series overflow. Negative z goes through the Pfaff
 * transformation (A&S 15.3.5) to a positive argument.
 */
import betaln from '@stdlib/math-base-special-betaln';
import digammaStdlib from '@stdlib/math-base-special-digamma';
import gammaln from '@stdlib/math-base-special-gammaln';

/** ln Γ(x); for negative non-integer x, ln |Γ(x)|; +Infinity at the poles 0, −1, −2, … */
export function lnGamma(x: number): number {
  return gammaln(x);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0. */
export function lnBeta(a: number, b: number): number {
  return betaln(a, b);
}

/** ψ(x) = d/dx ln Γ(x), the digamma function; NaN at the poles 0, −1, −2, … */
export function digamma(x: number): number {
  return digammaStdlib(x);
}

/**
 * lnΓ(q + a) − lnΓ(q) − a ln q for q > 0, a ≥ 0, accurate also for huge q, where the difference of the
 * two ln Γ (each about q ln q) would cancel catastrophically; tends to 0 as q → ∞. For q ≥ 10 it uses
 * Stirling's series: (q + a − ½) ln(1 + a/q) − a + s(q + a) − s(q), s(z) = 1/(12z) − 1/(360z³) +
 * 1/(1260z⁵) − 1/(1680z⁷) (absolute error below 1e-12 there); below 10 the ln Γ directly.
 */
export function lnGammaRatioExcess(q: number, a: number): number {
  if (q < 10) return gammaln(q + a) - gammaln(q) - a * Math.log(q);
  const s = (z: number): number => {
    const z2 = z * z;
    return (1 / 12 - (1 / 360 - (1 / 1260 - 1 / (1680 * z2)) / z2) / z2) / z;
  };
  return (q + a - 0.5) * Math.log1p(a / q) - a + s(q + a) - s(q);
}

/** ln(Σ exp(values)) without overflow; −Infinity for an empty list or when every value is −Infinity. */
export function logSumExp(values: readonly number[]): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  if (max === -Infinity || max === Infinity || Number.isNaN(max)) return max;
  let sum = 0;
  for (const v of values) sum += Math.exp(v - max);
  return max + Math.log(sum);
}

/** ln(exp(a) + exp(b)) without overflow. */
export function logAddExp(a: number, b: number): number {
  const max = a > b ? a : b;
  if (max === -Infinity) return -Infinity;
  return max + Math.log(Math.exp(a - max) + Math.exp(b - max));
}

/** True when x is 0, −1, −2, … (a pole of Γ). */
function isNonPositiveInteger(x: number): boolean {
  return x <= 0 && Number.isInteger(x);
}

/** Sign of Γ(x): +1 for x > 0; alternates between the poles for x < 0; 0 at a pole (1/Γ = 0 there). */
function gammaSign(x: number): number {
  if (x > 0) return 1;
  if (isNonPositiveInteger(x)) return 0;
  return Math.floor(-x) % 2 === 0 ? -1 : 1;
}

const SERIES_MAX_TERMS = 2_000_000;

/**
 * The power series of ₂F₁, Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ for |z| < 1, stopped when a term no longer changes the
 * sum (two terms in a row, so a single small term between larger ones does not stop it early); NaN when it
 * has not converged after 2,000,000 terms. `hyp2f1` uses it where it is accurate; callers use it directly
 * only where they know the terms shrink fast (e.g. c and b both huge with b/c < 1) even for z near 1.
 */
export function hyp2f1Series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  let quiet = 0;
  for (let n = 0; n < SERIES_MAX_TERMS; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    if (term === 0) return sum;
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) {
      if (++quiet === 2) return sum;
    } else quiet = 0;
  }
  return Number.NaN;
}

/**
 * Gauss hypergeometric function ₂F₁(a, b; c; z) for real parameters and real z < 1 (also z = 1 when
 * c − a − b > 0, by Gauss's theorem). Returns NaN outside that domain or when c is 0, −1, −2, … (undefined).
 * Accuracy is about 1e-13 relative for the positive parameters the purchase models use.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (![a, b, c, z].every(Number.isFinite) || z > 1 || isNonPositiveInteger(c)) return Number.NaN;
  if (z === 0 || a === 0 || b === 0) return 1;
  // Terminating series (a polynomial in z) when a or b is a non-positive integer.
  if (isNonPositiveInteger(a) || isNonPositiveInteger(b)) return hyp2f1Series(a, b, c, z);
  if (z < 0) {
    // Pfaff: ₂F₁(a, b; c; z) = (1 − z)^(−a) ₂F₁(a, c − b; c; z / (z − 1)), with z / (z − 1) in (0, 1).
    // Use the parameter that keeps the new series' terms positive when there is a choice.
    const w = z / (z - 1);
    if (c - b >= 0 || c - a < 0) return (1 - z) ** -a * hyp2f1(a, c - b, c, w);
    return (1 - z) ** -b * hyp2f1(b, c - a, c, w);
  }
  const m = c - a - b;
  if (z === 1) {
    if (m <= 0) return Number.NaN;
    return gaussAtOne(a, b, c);
  }
  if (z <= 0.9) return hyp2f1Series(a, b, c, z);
  if (Math.abs(m - Math.round(m)) < 1e-3) return hyp2f1Series(a, b, c, z);
  // With |m|(1 − z) large the transformed series' terms grow like (|m|(1 − z))ⁿ/n! before they fall, past
  // what a double holds; the plain series converges (at rate z, and faster while n ≪ b, c) without that.
  if (Math.abs(m) * (1 - z) > 30) return hyp2f1Series(a, b, c, z);
  return hyp2f1OneMinusZ(a, b, c, z);
}

/** Gauss's theorem: ₂F₁(a, b; c; 1) = Γ(c)Γ(c − a − b) / (Γ(c − a)Γ(c − b)), c − a − b > 0. */
function gaussAtOne(a: number, b: number, c: number): number {
  const sign = gammaSign(c) * gammaSign(c - a - b) * gammaSign(c - a) * gammaSign(c - b);
  if (sign === 0) return 0;
  return sign * Math.exp(lnGamma(c) + lnGamma(c - a - b) - lnGamma(c - a) - lnGamma(c - b));
}

/**
 * A&S 15.3.6 for 0.9 < z < 1 and c − a − b not an integer:
 * ₂F₁(a,b;c;z) = Γ(c)Γ(m)/(Γ(c−a)Γ(c−b)) ₂F₁(a, b; 1−m; 1−z)
 *              + (1−z)^m Γ(c)Γ(−m)/(Γ(a)Γ(b)) ₂F₁(c−a, c−b; 1+m; 1−z), m = c − a − b.
 */
function hyp2f1OneMinusZ(a: number, b: number, c: number, z: number): number {
  const m = c - a - b;
  const y = 1 - z;
  const s1 = gammaSign(c) * gammaSign(m) * gammaSign(c - a) * gammaSign(c - b);
  const s2 = gammaSign(c) * gammaSign(-m) * gammaSign(a) * gammaSign(b);
  const t1 =
    s1 === 0
      ? 0
      : s1 *
        Math.exp(lnGamma(c) + lnGamma(m) - lnGamma(c - a) - lnGamma(c - b)) *
        hyp2f1Series(a, b, 1 - m, y);
  const t2 =
    s2 === 0
      ? 0
      : s2 *
        Math.exp(m * Math.log(y) + lnGamma(c) + lnGamma(-m) - lnGamma(a) - lnGamma(b)) *
        hyp2f1Series(c - a, c - b, 1 + m, y);
  return t1 + t2;
}
