/**
 * MBG/NBD purchase model: Batislam, Denizel & Filiztekin (2007), "Empirical validation and comparison of
 * models for customer base analysis", International Journal of Research in Marketing 24(3), 201–209.
 *
 * Symbols as in BG/NBD (bg-nbd.ts): purchase rate λ ~ Gamma(shape `r`, rate `alpha`), dropout probability
 * p ~ Beta(`a`, `b`); `x` repeat purchases, `tx` time of the last one and `T` the observation length from the
 * first purchase, in the caller's time unit (`alpha` and `t` carry it).
 *
 * The decision a reader needs: the one change from BG/NBD is that a customer may also drop out right at the
 * first purchase (time 0), so a customer without repeat purchases is no longer certainly alive:
 * P(alive | x = 0) = 1 / (1 + (a/b)(1 + T/α)ʳ) < 1.
 */
import { expectedPurchasesBgNbd } from './bg-nbd';
import { fitPositiveParameters } from './fit';
import type { CustomerSummary, ModelFit } from './summary';
import { summaryCustomers, summaryMaxX } from './summary';

/** MBG/NBD parameters: r, alpha (Gamma purchase rate, alpha in the model's time unit), a, b (Beta dropout). */
export interface MbgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/**
 * Log-likelihood of a summary, summed with weights:
 * L = Γ(r+x)αʳ/Γ(r) · [B(a, b+x+1)/B(a, b) (α+T)^−(r+x) + B(a+1, b+x)/B(a, b) (α+tx)^−(r+x)]
 * (the second term now also for x = 0). NaN when a parameter is not positive.
 */
export function logLikelihoodMbgNbd(params: MbgNbdParams, summary: CustomerSummary): number {
  const { r, alpha, a, b } = params;
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return Number.NaN;
  const maxX = summaryMaxX(summary);
  // lnRate[x] = ln(Γ(r+x)/Γ(r)); lnAlive[x] = ln(B(a, b+x+1)/B(a, b)).
  const lnRate = new Float64Array(maxX + 1);
  const lnAlive = new Float64Array(maxX + 1);
  lnAlive[0] = Math.log(b / (a + b));
  for (let k = 1; k <= maxX; k++) {
    lnRate[k] = (lnRate[k - 1] as number) + Math.log(r + k - 1);
    lnAlive[k] = (lnAlive[k - 1] as number) + Math.log((b + k) / (a + b + k));
  }
  const lnA = Math.log(a);
  const lnAlpha = Math.log(alpha);
  const { x, tx, T, weight } = summary;
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const rx = r + xi;
    const aliveTerm = (lnAlive[xi] as number) - rx * Math.log(alpha + (T[i] as number));
    // B(a+1, b+x)/B(a, b+x+1) = a / (b+x)
    const deadTerm =
      (lnAlive[xi] as number) + lnA - Math.log(b + xi) - rx * Math.log(alpha + (tx[i] as number));
    const m = Math.max(aliveTerm, deadTerm);
    const ll = m + Math.log(Math.exp(aliveTerm - m) + Math.exp(deadTerm - m));
    total += (weight[i] as number) * ((lnRate[xi] as number) + r * lnAlpha + ll);
  }
  return total;
}

/**
 * The log-likelihood and its gradient with respect to (r, α, a, b) in one pass over the patterns. With
 * A = ln B(a,b+x+1)/B(a,b) − (r+x) ln(α+T), D = A + ln a − ln(b+x) − (r+x)(ln(α+tx) − ln(α+T)) and wA, wD
 * their shares of e^A + e^D: ∂/∂r = Σₖ₍ₓ 1/(r+k) + ln α − wA ln(α+T) − wD ln(α+tx),
 * ∂/∂α = r/α − (r+x)(wA/(α+T) + wD/(α+tx)), ∂/∂a = −Σₖ≤ₓ 1/(a+b+k) + wD/a,
 * ∂/∂b = Σₖ≤ₓ (1/(b+k) − 1/(a+b+k)) − wD/(b+x), summed with weights. NaN value and gradient when a
 * parameter is not positive.
 */
export function logLikelihoodGradientMbgNbd(
  params: MbgNbdParams,
  summary: CustomerSummary,
): { value: number; gradient: [number, number, number, number] } {
  const { r, alpha, a, b } = params;
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0))
    return { value: Number.NaN, gradient: [Number.NaN, Number.NaN, Number.NaN, Number.NaN] };
  const maxX = summaryMaxX(summary);
  // Per x: ln(Γ(r+x)/Γ(r)), ln(B(a, b+x+1)/B(a, b)) and their derivatives.
  const lnRate = new Float64Array(maxX + 1);
  const lnAlive = new Float64Array(maxX + 1);
  const dRate = new Float64Array(maxX + 1);
  const dAliveA = new Float64Array(maxX + 1);
  const dAliveB = new Float64Array(maxX + 1);
  lnAlive[0] = Math.log(b / (a + b));
  dAliveA[0] = -1 / (a + b);
  dAliveB[0] = 1 / b - 1 / (a + b);
  for (let k = 1; k <= maxX; k++) {
    lnRate[k] = (lnRate[k - 1] as number) + Math.log(r + k - 1);
    lnAlive[k] = (lnAlive[k - 1] as number) + Math.log((b + k) / (a + b + k));
    dRate[k] = (dRate[k - 1] as number) + 1 / (r + k - 1);
    dAliveA[k] = (dAliveA[k - 1] as number) - 1 / (a + b + k);
    dAliveB[k] = (dAliveB[k - 1] as number) + 1 / (b + k) - 1 / (a + b + k);
  }
  const lnA = Math.log(a);
  const lnAlpha = Math.log(alpha);
  const { x, tx, T, weight } = summary;
  let value = 0;
  let gr = 0;
  let gAlpha = 0;
  let ga = 0;
  let gb = 0;
  for (let i = 0; i < x.length; i++) {
    const w = weight[i] as number;
    const xi = x[i] as number;
    const rx = r + xi;
    const lnT = Math.log(alpha + (T[i] as number));
    const lnTx = Math.log(alpha + (tx[i] as number));
    const aliveTerm = (lnAlive[xi] as number) - rx * lnT;
    const deadTerm = (lnAlive[xi] as number) + lnA - Math.log(b + xi) - rx * lnTx;
    // ll = ln(e^alive + e^dead); wD = e^dead / (e^alive + e^dead)
    const d = deadTerm - aliveTerm;
    let ll: number;
    let wD: number;
    if (d > 0) {
      const e = Math.exp(-d);
      ll = deadTerm + Math.log1p(e);
      wD = 1 / (1 + e);
    } else {
      const e = Math.exp(d);
      ll = aliveTerm + Math.log1p(e);
      wD = e / (1 + e);
    }
    const wA = 1 - wD;
    value += w * ((lnRate[xi] as number) + r * lnAlpha + ll);
    gr += w * ((dRate[xi] as number) + lnAlpha - wA * lnT - wD * lnTx);
    gAlpha += w * (r / alpha - rx * (wA / (alpha + (T[i] as number)) + wD / (alpha + (tx[i] as number))));
    ga += w * ((dAliveA[xi] as number) + wD / a);
    gb += w * ((dAliveB[xi] as number) - wD / (b + xi));
  }
  return { value, gradient: [gr, gAlpha, ga, gb] };
}

/**
 * Fits MBG/NBD by maximum likelihood on log-parameters (see fit.ts).
 * @returns null when the summary has no customers
 */
export function fitMbgNbd(summary: CustomerSummary): ModelFit<MbgNbdParams> | null {
  let sumT = 0;
  for (let i = 0; i < summary.T.length; i++) sumT += (summary.T[i] as number) * (summary.weight[i] as number);
  const customers = summaryCustomers(summary);
  const meanT = customers > 0 ? Math.max(sumT / customers, 1e-3) : 1;
  return fitPositiveParameters<MbgNbdParams>({
    model: 'MBG/NBD',
    names: ['r', 'alpha', 'a', 'b'],
    logLikelihood: ([r = 1, alpha = 1, a = 1, b = 1]) => logLikelihoodMbgNbd({ r, alpha, a, b }, summary),
    valueAndGradient: ([r = 1, alpha = 1, a = 1, b = 1]) =>
      logLikelihoodGradientMbgNbd({ r, alpha, a, b }, summary),
    starts: [
      [1, meanT, 1, 1],
      [0.5, meanT / 4, 0.5, 2],
    ],
    customers,
  });
}

/** P(alive at T | x, tx, T) = 1 / (1 + a/(b+x) · ((α+T)/(α+tx))^(r+x)), for every x ≥ 0. */
export function pAliveMbgNbd(params: MbgNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = params;
  const lnOdds = Math.log(a / (b + x)) + (r + x) * Math.log((alpha + T) / (alpha + tx));
  return 1 / (1 + Math.exp(lnOdds));
}

/**
 * E[X(t)] for a new customer, repeat purchases within t of the first purchase:
 * b/(a−1) · [1 − (α/(α+t))ʳ ₂F₁(r, b+1; a+b; t/(α+t))] (the customer first survives the coin at time 0,
 * probability b/(a+b), then behaves as BG/NBD with b+1).
 */
export function expectedPurchasesMbgNbd(params: MbgNbdParams, t: number): number {
  const { r, alpha, a, b } = params;
  return (b / (a + b)) * expectedPurchasesBgNbd({ r, alpha, a, b: b + 1 }, t);
}

/**
 * E[Y(t) | x, tx, T], expected repeat purchases in the next t after T:
 * (a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x+1; a+b+x; t/(α+T+t))] · P(alive).
 */
export function conditionalExpectedPurchasesMbgNbd(
  params: MbgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  const { r, alpha, a, b } = params;
  // An alive customer's next dropout chance follows the next purchase: a new BG/NBD customer with the
  // posterior r+x, α+T and b+x+1 (x+1 coins survived so far), weighted by P(alive).
  return (
    expectedPurchasesBgNbd({ r: r + x, alpha: alpha + T, a, b: b + x + 1 }, t) *
    pAliveMbgNbd(params, x, tx, T)
  );
}
