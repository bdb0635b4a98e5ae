/**
 * Pareto/NBD purchase model: Schmittlein, Morrison & Colombo (1987), "Counting your customers: who are they
 * and what will they do next?", Management Science 33(1); likelihood and predictions as derived in Fader &
 * Hardie (2005), "A note on deriving the Pareto/NBD model and related expressions" (equation numbers below).
 *
 * Symbols (the papers'): while alive a customer buys as a Poisson process with rate λ ~ Gamma(shape `r`,
 * rate `alpha`) and stays alive for an exponential lifetime with rate μ ~ Gamma(shape `s`, rate `beta`).
 * Per customer: `x` repeat purchases, `tx` time of the last one and `T` the observation length, both measured
 * from the first purchase, in the time unit the caller chose (weeks for CDNOW); `alpha` and `beta` carry that
 * unit, `t` is a future span in it.
 *
 * The decision a reader needs: the likelihood's integral over the unobserved dropout time is written with
 * the Gauss hypergeometric function, taking the branch on |α − β| so its argument lies in [0, 1), and every
 * power of (α + T) or (β + T) stays a logarithm: nothing overflows however long T or large x is. The two
 * ₂F₁ terms are subtracted in log space (ln(e^a − e^b) = a + ln(1 − e^(b−a))), exact when tx = T.
 */
import { hyp2f1, logSumExp } from '../math/special';
import { fitPositiveParameters } from './fit';
import type { CustomerSummary, ModelFit } from './summary';
import { summaryCustomers, summaryMaxX } from './summary';

/** Pareto/NBD parameters: r, alpha (Gamma purchase rate), s, beta (Gamma dropout rate); alpha, beta in the time unit. */
export interface ParetoNbdParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

/** ln(e^a − e^b) for a ≥ b; −Infinity when they are equal. */
function logSubExp(a: number, b: number): number {
  if (b === -Infinity) return a;
  return a + Math.log1p(-Math.exp(b - a));
}

/** Largest size of the logarithms summed for one customer that still leaves about 1e-8 of precision. */
const MAX_LOG_TERM = 1e8;

/** Below this 1 − z the ₂F₁ argument is too close to 1 to be represented accurately (see `logDying`). */
const NEAR_ONE = 1e-6;

/** Steps of the fallback quadrature in `logDying`. */
const QUADRATURE_INTERVALS = 4096;

/**
 * ln ∫_tx^T (α+y)^−(r+x) (β+y)^−(s+1) dy, the integral over the dropout time y between the last purchase and T
 * (−Infinity when tx = T). In closed form (eq. 19 ff.) it is A₀ / (r+s+x) with, for a = r+s+x, M = max(α, β),
 * b = s+1 when α ≥ β and r+x otherwise,
 * A₀ = ₂F₁(a, b; a+1; |α−β|/(M+tx)) / (M+tx)^a − ₂F₁(a, b; a+1; |α−β|/(M+T)) / (M+T)^a.
 * When 1 − z = (min(α, β)+tx)/(M+tx) is below NEAR_ONE (one rate parameter some million times the other, only
 * met far from any realistic fit) z itself carries too large a rounding error, so the integral is taken numerically
 * in v = ln(min(α, β) + y) instead, where the log-integrand is close to piecewise linear.
 */
function logDying(params: ParetoNbdParams, x: number, tx: number, T: number): number {
  if (tx >= T) return -Infinity;
  const { r, alpha, s, beta } = params;
  const a = r + s + x;
  const alphaLarger = alpha >= beta;
  const big = alphaLarger ? alpha : beta;
  const small = alphaLarger ? beta : alpha;
  const d = big - small;
  if ((small + tx) / (big + tx) >= NEAR_ONE) {
    const b = alphaLarger ? s + 1 : r + x;
    const atTx = Math.log(hyp2f1(a, b, a + 1, d / (big + tx))) - a * Math.log(big + tx);
    const atT = Math.log(hyp2f1(a, b, a + 1, d / (big + T))) - a * Math.log(big + T);
    return logSubExp(atTx, atT) - Math.log(a);
  }
  // With y = e^v − min: min + y = e^v, max + y = e^v + d and dy = e^v dv.
  const powerSmall = alphaLarger ? s + 1 : r + x;
  const powerBig = alphaLarger ? r + x : s + 1;
  const lnD = Math.log(d);
  const from = Math.log(small + tx);
  const h = (Math.log(small + T) - from) / QUADRATURE_INTERVALS;
  const logIntegrand = (v: number): number =>
    (1 - powerSmall) * v - powerBig * (Math.max(v, lnD) + Math.log1p(Math.exp(-Math.abs(v - lnD))));
  // On each step the log-integrand is taken as linear and e^ℓ integrated exactly: h (e^ℓ₁ − e^ℓ₀) / (ℓ₁ − ℓ₀).
  // Exact for an exponential, so a sharply falling integrand (large s or r + x) is never overestimated.
  const terms: number[] = [];
  let previous = logIntegrand(from);
  for (let i = 1; i <= QUADRATURE_INTERVALS; i++) {
    const next = logIntegrand(from + i * h);
    const slope = next - previous;
    const hi = Math.max(previous, next);
    const lo = Math.min(previous, next);
    // ln((e^hi − e^lo) / (hi − lo)); the mean e^hi when the two are equal
    terms.push(Math.abs(slope) < 1e-9 ? hi : hi + Math.log(-Math.expm1(lo - hi)) - Math.log(hi - lo));
    previous = next;
  }
  return logSumExp(terms) + Math.log(h);
}

/**
 * ln of the bracket of eq. (22) without its common factor Γ(r+x) αʳ βˢ / Γ(r): alive through T,
 * (α+T)^−(r+x) (β+T)^−s, plus died in (tx, T], s/(r+s+x) · A₀ = s · ∫_tx^T (α+y)^−(r+x) (β+y)^−(s+1) dy.
 */
function logBracket(
  params: ParetoNbdParams,
  x: number,
  tx: number,
  T: number,
): { alive: number; total: number } {
  const { r, alpha, s, beta } = params;
  const alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const died = Math.log(s) + logDying(params, x, tx, T);
  const max = Math.max(alive, died);
  return { alive, total: max + Math.log(Math.exp(alive - max) + Math.exp(died - max)) };
}

/**
 * Log-likelihood of a summary (eq. 22, summed with weights):
 * L = Γ(r+x) αʳ βˢ / Γ(r) · [ (α+T)^−(r+x) (β+T)^−s + s/(r+s+x) · A₀ ].
 * ln Γ(r+x) − ln Γ(r) is tabulated once per call for x = 0 … max x. NaN when a parameter is not positive,
 * or when the parameters are so extreme that the logarithms summed for one customer (r ln α + s ln β,
 * (r+s+x) ln(max(α, β) + T)) exceed 1e8 in size: they would then cancel beyond double precision and leave
 * noise (a fit treats NaN as "not here" and looks elsewhere).
 */
export function logLikelihoodParetoNbd(params: ParetoNbdParams, summary: CustomerSummary): number {
  const { r, alpha, s, beta } = params;
  if (!(r > 0 && alpha > 0 && s > 0 && beta > 0)) return Number.NaN;
  const lnLarger = Math.log(Math.max(alpha, beta));
  const maxX = summaryMaxX(summary);
  const lnRate = new Float64Array(maxX + 1);
  for (let k = 1; k <= maxX; k++) lnRate[k] = (lnRate[k - 1] as number) + Math.log(r + k - 1);
  const common = r * Math.log(alpha) + s * Math.log(beta);
  const { x, tx, T, weight } = summary;
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    const w = weight[i] as number;
    if (w === 0) continue;
    const xi = x[i] as number;
    const Ti = T[i] as number;
    const scale =
      Math.abs(common) +
      (r + s + xi) * Math.max(Math.abs(lnLarger), Math.abs(Math.log(Math.max(alpha, beta) + Ti)));
    if (scale > MAX_LOG_TERM) return Number.NaN;
    const bracket = logBracket(params, xi, tx[i] as number, Ti).total;
    total += w * ((lnRate[xi] as number) + common + bracket);
  }
  return total;
}

/** Largest ₂F₁ argument z for which the gradient's series are summed (at most some 4,000 terms). */
const GRADIENT_MAX_Z = 0.99;

/** Cap on the terms of one gradient series (the terms first rise while n < Q z / (1 − z)). */
const GRADIENT_MAX_TERMS = 100_000;

/**
 * J(t) = ∫_t^∞ (big+y)^−P (small+y)^−Q dy = (big+t)^−A Σₙ cₙ zⁿ / (A+n), A = P+Q−1, cₙ = (Q)ₙ/n!,
 * z = (big−small)/(big+t) (expanding (small+y)^−Q in (big−small)/(big+y)), and what the gradient needs of
 * it: ln J, ∂ ln J/∂P, ∂ ln J/∂Q, J(P+1, Q)/J and J(P, Q+1)/J, all from sums over the same n. Null when the
 * series is too slow (z above GRADIENT_MAX_Z) or leaves the range of a double.
 */
function endpointSeries(
  P: number,
  Q: number,
  big: number,
  small: number,
  t: number,
): { lnJ: number; dP: number; dQ: number; nextP: number; nextQ: number } | null {
  const z = (big - small) / (big + t);
  if (!(z <= GRADIENT_MAX_Z)) return null;
  const A = P + Q - 1;
  const peak = (Q * z) / (1 - z);
  let c = 1; // (Q)ₙ zⁿ / n!
  let cNext = 1; // (Q+1)ₙ zⁿ / n!
  let psi = 0; // Σₖ₍ₙ 1/(Q+k) = ∂ ln (Q)ₙ / ∂Q
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let s5 = 0;
  for (let n = 0; ; n++) {
    if (n > GRADIENT_MAX_TERMS) return null;
    const inverse = 1 / (A + n);
    const term = c * inverse;
    s1 += term;
    s2 += term * inverse;
    s3 += term * psi;
    s4 += c / (A + 1 + n);
    s5 += cNext / (A + 1 + n);
    if (n > peak && term <= 1e-17 * s1 && cNext <= 1e-17 * s5 * (A + 1 + n)) break;
    c *= ((Q + n) / (n + 1)) * z;
    cNext *= ((Q + 1 + n) / (n + 1)) * z;
    psi += 1 / (Q + n);
    if (c === 0 && cNext === 0) break;
  }
  if (![s1, s2, s3, s4, s5].every(Number.isFinite) || !(s1 > 0)) return null;
  const lnBig = Math.log(big + t);
  const dP = -lnBig - s2 / s1;
  return {
    lnJ: -A * lnBig + Math.log(s1),
    dP,
    dQ: dP + s3 / s1,
    nextP: s4 / (s1 * (big + t)),
    nextQ: s5 / (s1 * (big + t)),
  };
}

/**
 * The derivatives of ln I, I = ∫_tx^T (α+y)^−p (β+y)^−q dy with p = r+x, q = s+1 (`logDying`), with respect
 * to r, α, s, β: ∂/∂r = ∂ ln I/∂p, ∂/∂s = ∂ ln I/∂q, ∂/∂α = −p I(p+1, q)/I, ∂/∂β = −q I(p, q+1)/I, where
 * I = J(tx) − J(T) and each ratio X of I is (X(tx) − ω X(T)) / (1 − ω), ω = J(T)/J(tx). Null where a series is
 * not summed (the caller then leaves the gradient to differences).
 */
function dyingGradient(
  params: ParetoNbdParams,
  x: number,
  tx: number,
  T: number,
): [number, number, number, number] | null {
  const { r, alpha, s, beta } = params;
  const p = r + x;
  const q = s + 1;
  const alphaLarger = alpha >= beta;
  const [P, Q, big, small] = alphaLarger ? [p, q, alpha, beta] : [q, p, beta, alpha];
  const atTx = endpointSeries(P, Q, big, small, tx);
  const atT = endpointSeries(P, Q, big, small, T);
  if (atTx === null || atT === null) return null;
  const omega = Math.exp(atT.lnJ - atTx.lnJ);
  if (!(omega < 1)) return null;
  const combine = (at: number, end: number): number => (at - omega * end) / (1 - omega);
  const dP = combine(atTx.dP, atT.dP);
  const dQ = combine(atTx.dQ, atT.dQ);
  const nextP = combine(atTx.nextP, atT.nextP);
  const nextQ = combine(atTx.nextQ, atT.nextQ);
  return alphaLarger ? [dP, -p * nextP, dQ, -q * nextQ] : [dQ, -p * nextQ, dP, -q * nextP];
}

/**
 * The log-likelihood (exactly `logLikelihoodParetoNbd`) and its gradient with respect to (r, α, s, β).
 * Per customer ln L = ln Γ(r+x)/Γ(r) + r ln α + s ln β + ln(e^alive + e^died), alive = −(r+x) ln(α+T) −
 * s ln(β+T), died = ln s + ln I (`dyingGradient`); with wA, wD the two branches' shares:
 * ∂/∂r = Σₖ₍ₓ 1/(r+k) + ln α − wA ln(α+T) + wD ∂ ln I/∂r, ∂/∂α = r/α − wA (r+x)/(α+T) + wD ∂ ln I/∂α,
 * ∂/∂s = ln β − wA ln(β+T) + wD (1/s + ∂ ln I/∂s), ∂/∂β = s/β − wA s/(β+T) + wD ∂ ln I/∂β.
 * The gradient is NaN where a customer's series is not summed (one rate parameter over a hundred times the
 * other, or a buyer so heavy that the series leaves a double): the fit then takes differences there.
 */
export function logLikelihoodGradientParetoNbd(
  params: ParetoNbdParams,
  summary: CustomerSummary,
): { value: number; gradient: [number, number, number, number] } {
  const value = logLikelihoodParetoNbd(params, summary);
  const nan: [number, number, number, number] = [Number.NaN, Number.NaN, Number.NaN, Number.NaN];
  if (!Number.isFinite(value)) return { value, gradient: nan };
  const { r, alpha, s, beta } = params;
  const maxX = summaryMaxX(summary);
  const dRate = new Float64Array(maxX + 1);
  for (let k = 1; k <= maxX; k++) dRate[k] = (dRate[k - 1] as number) + 1 / (r + k - 1);
  const lnAlpha = Math.log(alpha);
  const lnBeta = Math.log(beta);
  const { x, tx, T, weight } = summary;
  let gr = 0;
  let gAlpha = 0;
  let gs = 0;
  let gBeta = 0;
  for (let i = 0; i < x.length; i++) {
    const w = weight[i] as number;
    if (w === 0) continue;
    const xi = x[i] as number;
    const Ti = T[i] as number;
    const txi = tx[i] as number;
    const { alive, total } = logBracket(params, xi, txi, Ti);
    const wA = Math.exp(alive - total);
    const wD = 1 - wA;
    let dying: [number, number, number, number] = [0, 0, 0, 0];
    if (txi < Ti && wD > 0) {
      const d = dyingGradient(params, xi, txi, Ti);
      if (d === null) return { value, gradient: nan };
      dying = d;
    }
    gr += w * ((dRate[xi] as number) + lnAlpha - wA * Math.log(alpha + Ti) + wD * dying[0]);
    gAlpha += w * (r / alpha - (wA * (r + xi)) / (alpha + Ti) + wD * dying[1]);
    gs += w * (lnBeta - wA * Math.log(beta + Ti) + wD * (1 / s + dying[2]));
    gBeta += w * (s / beta - (wA * s) / (beta + Ti) + wD * dying[3]);
  }
  return { value, gradient: [gr, gAlpha, gs, gBeta] };
}

/**
 * Fits Pareto/NBD by maximum likelihood on log-parameters (see fit.ts).
 * @returns null when the summary has no customers
 */
export function fitParetoNbd(summary: CustomerSummary): ModelFit<ParetoNbdParams> | null {
  let sumT = 0;
  let total = 0;
  for (let i = 0; i < summary.T.length; i++) {
    sumT += (summary.T[i] as number) * (summary.weight[i] as number);
    total += summary.weight[i] as number;
  }
  const meanT = total > 0 && sumT > 0 ? sumT / total : 1;
  return fitPositiveParameters<ParetoNbdParams>({
    model: 'Pareto/NBD',
    names: ['r', 'alpha', 's', 'beta'],
    logLikelihood: ([r = 1, alpha = 1, s = 1, beta = 1]) =>
      logLikelihoodParetoNbd({ r, alpha, s, beta }, summary),
    valueAndGradient: ([r = 1, alpha = 1, s = 1, beta = 1]) =>
      logLikelihoodGradientParetoNbd({ r, alpha, s, beta }, summary),
    starts: [
      [1, meanT, 1, meanT],
      [0.5, meanT / 4, 0.5, meanT / 4],
    ],
    customers: summaryCustomers(summary),
  });
}

/**
 * P(alive at T | x, tx, T) (eq. 18) = 1 / (1 + s/(r+s+x) · (α+T)^(r+x) (β+T)^s · A₀); 1 when tx = T
 * (a purchase at the end of observation).
 */
export function pAliveParetoNbd(params: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { alive, total } = logBracket(params, x, tx, T);
  return Math.exp(alive - total);
}

/** (1 − u^(s−1)) / (s − 1) for 0 < u ≤ 1, continuous through s = 1 (where it is −ln u). */
function powerDifference(u: number, s: number): number {
  const lnU = Math.log(u);
  return s === 1 ? -lnU : -Math.expm1((s - 1) * lnU) / (s - 1);
}

/**
 * E[X(t)] for a new customer: expected repeat purchases within t time units of the first purchase (eq. 17),
 * rβ / (α(s−1)) · [1 − (β/(β+t))^(s−1)]; at s = 1 its limit rβ/α · ln((β+t)/β). 0 for t ≤ 0.
 */
export function expectedPurchasesParetoNbd(params: ParetoNbdParams, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, s, beta } = params;
  return ((r * beta) / alpha) * powerDifference(beta / (beta + t), s);
}

/**
 * E[Y(t) | x, tx, T]: expected repeat purchases in the next t time units after T for a customer with
 * history (x, tx, T) (eq. 21): (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive),
 * continuous through s = 1. 0 for t ≤ 0.
 */
export function conditionalExpectedPurchasesParetoNbd(
  params: ParetoNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  if (t <= 0) return 0;
  const { r, alpha, s, beta } = params;
  const rate = ((r + x) * (beta + T)) / (alpha + T);
  return rate * powerDifference((beta + T) / (beta + T + t), s) * pAliveParetoNbd(params, x, tx, T);
}
