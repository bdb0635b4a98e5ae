/**
 * BG/NBD purchase model: Fader, Hardie & Lee (2005), "'Counting your customers' the easy way: an alternative
 * to the Pareto/NBD model", Marketing Science 24(2), 275–284. Equation numbers below are the paper's.
 *
 * Symbols (the paper's): while alive a customer buys as a Poisson process with rate λ ~ Gamma(shape `r`,
 * rate `alpha`); after every purchase they drop out with probability p ~ Beta(`a`, `b`). Per customer: `x`
 * repeat purchases, `tx` time of the last one and `T` the observation length, both measured from the first
 * purchase, in the time unit the caller chose (weeks for CDNOW); `alpha` carries that unit, `t` is a future
 * span in it.
 *
 * The decision a reader needs: under BG/NBD a customer can only drop out right after a purchase, so one
 * with no repeat purchase (x = 0) is alive with probability 1. That is the model, not a bug; MBG/NBD
 * (mbg-nbd.ts) lets customers drop out at time 0 too.
 */
import { hyp2f1, hyp2f1Series } from '../math/special';
import { fitPositiveParameters } from './fit';
import type { CustomerSummary, ModelFit } from './summary';
import { summaryCustomers, summaryMaxX } from './summary';

/** BG/NBD parameters: r, alpha (Gamma purchase rate, alpha in the model's time unit), a, b (Beta dropout). */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/**
 * Log-likelihood of a summary (eq. 6, summed with weights):
 * L = B(a, b+x)/B(a, b) · Γ(r+x)αʳ / (Γ(r)(α+T)^(r+x)) + [x > 0] B(a+1, b+x−1)/B(a, b) · Γ(r+x)αʳ / (Γ(r)(α+tx)^(r+x)).
 * The gamma and beta ratios are products over k < x, tabulated once per call for x = 0 … max x.
 * NaN when a parameter is not positive.
 */
export function logLikelihoodBgNbd(params: BgNbdParams, summary: CustomerSummary): number {
  const { r, alpha, a, b } = params;
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return Number.NaN;
  const maxX = summaryMaxX(summary);
  // lnRate[x] = ln(Γ(r+x)/Γ(r)); lnAlive[x] = ln(B(a, b+x)/B(a, b)).
  const lnRate = new Float64Array(maxX + 1);
  const lnAlive = new Float64Array(maxX + 1);
  for (let k = 1; k <= maxX; k++) {
    lnRate[k] = (lnRate[k - 1] as number) + Math.log(r + k - 1);
    lnAlive[k] = (lnAlive[k - 1] as number) + Math.log((b + k - 1) / (a + b + k - 1));
  }
  const lnA = Math.log(a);
  const lnAlpha = Math.log(alpha);
  const { x, tx, T, weight } = summary;
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const rx = r + xi;
    const aliveTerm = (lnAlive[xi] as number) - rx * Math.log(alpha + (T[i] as number));
    let ll = aliveTerm;
    if (xi > 0) {
      // B(a+1, b+x−1)/B(a, b+x) = a / (b+x−1)
      const deadTerm =
        (lnAlive[xi] as number) + lnA - Math.log(b + xi - 1) - rx * Math.log(alpha + (tx[i] as number));
      const m = Math.max(aliveTerm, deadTerm);
      ll = m + Math.log(Math.exp(aliveTerm - m) + Math.exp(deadTerm - m));
    }
    total += (weight[i] as number) * ((lnRate[xi] as number) + r * lnAlpha + ll);
  }
  return total;
}

/**
 * The log-likelihood and its gradient with respect to (r, α, a, b) in one pass over the patterns. With
 * A = ln B(a,b+x)/B(a,b) − (r+x) ln(α+T), D = A's dead-branch twin and wA, wD = their shares of the sum:
 * ∂/∂r = Σₖ₍ₓ 1/(r+k) + ln α − wA ln(α+T) − wD ln(α+tx), ∂/∂α = r/α − (r+x)(wA/(α+T) + wD/(α+tx)),
 * ∂/∂a = −Σₖ₍ₓ 1/(a+b+k) + wD/a, ∂/∂b = Σₖ₍ₓ (1/(b+k) − 1/(a+b+k)) − wD/(b+x−1), summed with weights.
 * NaN value and gradient when a parameter is not positive. ln(α+T) and ln(α+tx) are taken once per distinct
 * T and tx (`times`, from `distinctTimes(summary)`; a fit passes the same one to every evaluation), not once
 * per pattern: the same numbers, a table lookup instead of a logarithm.
 */
export function logLikelihoodGradientBgNbd(
  params: BgNbdParams,
  summary: CustomerSummary,
  times: DistinctTimes = distinctTimes(summary),
): { value: number; gradient: [number, number, number, number] } {
  const { r, alpha, a, b } = params;
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0))
    return { value: Number.NaN, gradient: [Number.NaN, Number.NaN, Number.NaN, Number.NaN] };
  const maxX = summaryMaxX(summary);
  // Per x: ln(Γ(r+x)/Γ(r)), ln(B(a, b+x)/B(a, b)), their derivatives, and ln(b+x−1).
  const lnRate = new Float64Array(maxX + 1);
  const lnAlive = new Float64Array(maxX + 1);
  const dRate = new Float64Array(maxX + 1);
  const dAliveA = new Float64Array(maxX + 1);
  const dAliveB = new Float64Array(maxX + 1);
  const lnDead = new Float64Array(maxX + 1);
  for (let k = 1; k <= maxX; k++) {
    lnRate[k] = (lnRate[k - 1] as number) + Math.log(r + k - 1);
    lnAlive[k] = (lnAlive[k - 1] as number) + Math.log((b + k - 1) / (a + b + k - 1));
    dRate[k] = (dRate[k - 1] as number) + 1 / (r + k - 1);
    dAliveA[k] = (dAliveA[k - 1] as number) - 1 / (a + b + k - 1);
    dAliveB[k] = (dAliveB[k - 1] as number) + 1 / (b + k - 1) - 1 / (a + b + k - 1);
    lnDead[k] = Math.log(a) - Math.log(b + k - 1);
  }
  const lnAlpha = Math.log(alpha);
  const { x, weight } = summary;
  // α + t and ln(α + t) per distinct T and tx
  const sumT = new Float64Array(times.T.length);
  const lnSumT = new Float64Array(times.T.length);
  times.T.forEach((t, k) => {
    sumT[k] = alpha + t;
    lnSumT[k] = Math.log(alpha + t);
  });
  const sumTx = new Float64Array(times.tx.length);
  const lnSumTx = new Float64Array(times.tx.length);
  times.tx.forEach((t, k) => {
    sumTx[k] = alpha + t;
    lnSumTx[k] = Math.log(alpha + t);
  });
  const { TIndex, txIndex } = times;
  let value = 0;
  let gr = 0;
  let gAlpha = 0;
  let ga = 0;
  let gb = 0;
  for (let i = 0; i < x.length; i++) {
    const w = weight[i] as number;
    const xi = x[i] as number;
    const rx = r + xi;
    const iT = TIndex[i] as number;
    const lnT = lnSumT[iT] as number;
    const aliveTerm = (lnAlive[xi] as number) - rx * lnT;
    let ll = aliveTerm;
    let wD = 0;
    let lnTx = 0;
    let txTerm = 0;
    if (xi > 0) {
      const iTx = txIndex[i] as number;
      lnTx = lnSumTx[iTx] as number;
      const deadTerm = (lnAlive[xi] as number) + (lnDead[xi] as number) - rx * lnTx;
      // ll = ln(e^alive + e^dead); wD = e^dead / (e^alive + e^dead)
      const d = deadTerm - aliveTerm;
      if (d > 0) {
        const e = Math.exp(-d);
        ll = deadTerm + Math.log1p(e);
        wD = 1 / (1 + e);
      } else {
        const e = Math.exp(d);
        ll = aliveTerm + Math.log1p(e);
        wD = e / (1 + e);
      }
      txTerm = wD / (sumTx[iTx] as number);
    }
    const wA = 1 - wD;
    value += w * ((lnRate[xi] as number) + r * lnAlpha + ll);
    gr += w * ((dRate[xi] as number) + lnAlpha - wA * lnT - wD * lnTx);
    gAlpha += w * (r / alpha - rx * (wA / (sumT[iT] as number) + txTerm));
    ga += w * ((dAliveA[xi] as number) + wD / a);
    if (xi > 0) gb += w * ((dAliveB[xi] as number) - wD / (b + xi - 1));
  }
  return { value, gradient: [gr, gAlpha, ga, gb] };
}

/**
 * The distinct values of a summary's T and tx, and for each pattern the index of its own. A million
 * customers in days have a few hundred thousand patterns but at most one T and one tx per day of history
 * (about 1,100 each over three years), so the logarithms a likelihood pass needs shrink by that factor.
 */
export interface DistinctTimes {
  T: Float64Array;
  TIndex: Uint32Array;
  tx: Float64Array;
  txIndex: Uint32Array;
}

/** `DistinctTimes` of a summary, in order of first appearance. */
export function distinctTimes(summary: Pick<CustomerSummary, 'T' | 'tx'>): DistinctTimes {
  const T = distinctValues(summary.T);
  const tx = distinctValues(summary.tx);
  return { T: T.values, TIndex: T.index, tx: tx.values, txIndex: tx.index };
}

function distinctValues(values: Float64Array): { values: Float64Array; index: Uint32Array } {
  const seen = new Map<number, number>();
  const index = new Uint32Array(values.length);
  const distinct: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    let at = seen.get(v);
    if (at === undefined) {
      at = distinct.length;
      seen.set(v, at);
      distinct.push(v);
    }
    index[i] = at;
  }
  return { values: Float64Array.from(distinct), index };
}

/**
 * Fits BG/NBD by maximum likelihood on log-parameters (see fit.ts).
 * @returns null when the summary has no customers
 */
export function fitBgNbd(summary: CustomerSummary): ModelFit<BgNbdParams> | null {
  const meanT = meanOf(summary.T, summary.weight);
  const times = distinctTimes(summary);
  return fitPositiveParameters<BgNbdParams>({
    model: 'BG/NBD',
    names: ['r', 'alpha', 'a', 'b'],
    logLikelihood: ([r = 1, alpha = 1, a = 1, b = 1]) => logLikelihoodBgNbd({ r, alpha, a, b }, summary),
    valueAndGradient: ([r = 1, alpha = 1, a = 1, b = 1]) =>
      logLikelihoodGradientBgNbd({ r, alpha, a, b }, summary, times),
    starts: [
      [1, Math.max(meanT, 1e-3), 1, 1],
      [0.5, Math.max(meanT / 4, 1e-3), 0.5, 2],
    ],
    customers: summaryCustomers(summary),
  });
}

/** Weighted mean of `values`; 1 when the weights sum to 0. */
function meanOf(values: Float64Array, weight: Float64Array): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    sum += (values[i] as number) * (weight[i] as number);
    total += weight[i] as number;
  }
  return total > 0 ? sum / total : 1;
}

/**
 * P(alive at T | x, tx, T) (eq. 11) = 1 / (1 + [x > 0] a/(b+x−1) · ((α+T)/(α+tx))^(r+x)).
 * Exactly 1 when x = 0: under BG/NBD nobody drops out before a repeat purchase.
 */
export function pAliveBgNbd(params: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const lnOdds = Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + T) / (alpha + tx));
  return 1 / (1 + Math.exp(lnOdds));
}

/**
 * E[X(t)] for a new customer: expected repeat purchases within t time units of the first purchase (eq. 9),
 * (a+b−1)/(a−1) · [1 − (α/(α+t))ʳ ₂F₁(r, b; a+b−1; t/(α+t))]. Within 5e-5 of a = 1 (a removable
 * singularity) the mean of the values at a = 1 ± 1e-4 is used.
 */
export function expectedPurchasesBgNbd(params: BgNbdParams, t: number): number {
  return bgNbdExpectation(params.r, params.alpha, params.a, params.b, t);
}

/**
 * E[Y(t) | x, tx, T]: expected repeat purchases in the next t time units after T for a customer with
 * history (x, tx, T) (eq. 10): (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
 * / (1 + [x > 0] a/(b+x−1) · ((α+T)/(α+tx))^(r+x)).
 */
export function conditionalExpectedPurchasesBgNbd(
  params: BgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  const { r, alpha, a, b } = params;
  // The posterior of an alive customer is again BG/NBD with r+x, α+T, b+x; weight it by P(alive).
  return bgNbdExpectation(r + x, alpha + T, a, b + x, t) * pAliveBgNbd(params, x, tx, T);
}

/**
 * E[X(t)] of a new customer (`expectedPurchasesBgNbd`) at several spans `t` (each ≥ 0, in any order) at
 * once. The ₂F₁(r, b; a+b−1; z) power series share their coefficients (r)ₙ(b)ₙ / ((a+b−1)ₙ n!), so one pass
 * over n serves every span whose z = t/(α+t) is at most 0.9; a span the shared series cannot serve (larger
 * z, a within 5e-5 of 1, a result outside [0, rt/α]) is computed on its own. With the posterior parameters
 * (r+x, α+T, a, b+x) it gives an alive customer's expected purchases, which depend on (x, T) only: CLV needs
 * them at the end of every period, for every distinct (x, T).
 */
export function expectedPurchasesManyBgNbd(params: BgNbdParams, ts: ArrayLike<number>): Float64Array {
  const { r: rr, alpha: aa, a, b: bb } = params;
  const out = new Float64Array(ts.length);
  const c = a + bb - 1;
  const factor = c / (a - 1);
  const shared: number[] = [];
  for (let k = 0; k < ts.length; k++) {
    const t = ts[k] as number;
    if (t > 0 && t / (aa + t) <= 0.9 && Math.abs(a - 1) >= A_NEAR_ONE / 2) shared.push(k);
    else out[k] = bgNbdExpectation(rr, aa, a, bb, t);
  }
  if (shared.length === 0) return out;
  const z = shared.map((k) => (ts[k] as number) / (aa + (ts[k] as number)));
  const zMax = Math.max(...z);
  const sums = new Float64Array(shared.length).fill(1);
  const powers = new Float64Array(shared.length).fill(1);
  let coefficient = 1;
  let quiet = 0;
  let converged = false;
  for (let n = 0; n < 100_000 && !converged; n++) {
    coefficient *= ((rr + n) * (bb + n)) / ((c + n) * (n + 1));
    let largest = 0;
    for (let j = 0; j < z.length; j++) {
      powers[j] = (powers[j] as number) * (z[j] as number);
      const term = coefficient * (powers[j] as number);
      sums[j] = (sums[j] as number) + term;
      if ((z[j] as number) === zMax) largest = term / (sums[j] as number);
    }
    if (!(Math.abs(largest) > 1e-17)) converged = ++quiet === 2;
    else quiet = 0;
  }
  shared.forEach((k, j) => {
    const t = ts[k] as number;
    const expected = factor * (1 - Math.exp(rr * Math.log(aa / (aa + t))) * (sums[j] as number));
    const bound = (rr / aa) * t;
    out[k] =
      converged && Number.isFinite(expected) && expected >= -1e-9 * bound && expected <= bound * (1 + 1e-9)
        ? Math.max(0, expected)
        : bgNbdExpectation(rr, aa, a, bb, t);
  });
  return out;
}

/** Half-width of the a = 1 bridge: error O(1e-8) relative, against 1e-12 lost to cancellation at 1 ± 1e-4. */
const A_NEAR_ONE = 1e-4;

/** (a+b−1)/(a−1) · [1 − (α/(α+t))ʳ ₂F₁(r, b; a+b−1; t/(α+t))], continuous through a = 1. */
function bgNbdExpectation(r: number, alpha: number, a: number, b: number, t: number): number {
  if (t <= 0) return 0;
  if (Math.abs(a - 1) < A_NEAR_ONE / 2) {
    return (
      (bgNbdExpectation(r, alpha, 1 + A_NEAR_ONE, b, t) + bgNbdExpectation(r, alpha, 1 - A_NEAR_ONE, b, t)) /
      2
    );
  }
  const z = t / (alpha + t);
  const lnKeep = Math.log(alpha / (alpha + t)); // ln(1 − z)
  const c = a + b - 1;
  const factor = c / (a - 1);
  // No customer buys more than an immortal one, rt/α: a candidate outside [0, rt/α] lost its digits.
  const bound = (r / alpha) * t;
  // Four ways to (1 − z)ʳ ₂F₁(r, b; c; z), tried in order until one gives a plausible result. For a heavy
  // buyer r (= r + x of the posterior) is large: the series' terms grow like (rz)ⁿ/n! and overflow while
  // (1 − z)ʳ underflows. Euler's transformation ₂F₁(r, b; c; z) = (1 − z)^(c−r−b) ₂F₁(c−r, c−b; c; z) moves r
  // out of the series: (1 − z)^(a−1) ₂F₁(c−r, a−1; c; z). When the data make a and b huge (the dropout
  // probability the same for everyone) ₂F₁'s transformation near z = 1 cancels catastrophically, while the
  // plain series converges at the rate zb/c < 1: it is the last resort.
  const candidates = [
    () => Math.exp(r * lnKeep) * hyp2f1(r, b, c, z),
    () => Math.exp((a - 1) * lnKeep) * hyp2f1(c - r, a - 1, c, z),
    () => Math.exp(r * lnKeep) * hyp2f1Series(r, b, c, z),
    () => Math.exp((a - 1) * lnKeep) * hyp2f1Series(c - r, a - 1, c, z),
  ];
  for (const candidate of candidates) {
    const expected = factor * (1 - candidate());
    if (Number.isFinite(expected) && expected >= -1e-9 * bound && expected <= bound * (1 + 1e-9))
      return Math.max(0, expected);
  }
  return Number.NaN;
}
