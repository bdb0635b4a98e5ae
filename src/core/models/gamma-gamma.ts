/**
 * Gamma-Gamma spend model: Fader, Hardie & Lee (2005), "RFM and CLV: using iso-value curves for customer
 * base analysis", Journal of Marketing Research 42(4), 415–430; likelihood as in Fader & Hardie (2013),
 * "The Gamma-Gamma model of monetary value" (note 025).
 *
 * Symbols (the papers'): each transaction's value is Gamma(shape `p`, rate ν), with ν ~ Gamma(shape `q`,
 * rate `gamma`) across customers (`gamma` is the papers' γ, in currency units). Per customer: `x` ≥ 1
 * transactions averaging `mbar` (major currency units). Spend is assumed independent of the purchase process.
 *
 * The decision a reader needs: only customers with x ≥ 1 (and mbar > 0) carry information; others are
 * skipped by the fit. The mean spend pγ/(q−1) exists only for q > 1; below it the expectations are null.
 */
import { digamma, lnGamma, lnGammaRatioExcess } from '../math/special';
import { CvmError } from '../errors';
import { msg } from '../messages/catalogue';
import { fitPositiveParameters } from './fit';
import type { ModelFit } from './summary';

/** Gamma-Gamma parameters: p (shape of a transaction's value), q and gamma (shape and rate of ν). */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** Per-customer spend data: `x` transactions (≥ 1) with mean value `mbar` (> 0), `weight` customers each. */
export interface SpendSummary {
  x: Float64Array;
  mbar: Float64Array;
  weight: Float64Array;
}

/**
 * Builds a spend summary from (x, mbar) rows, keeping only x ≥ 1 and mbar > 0 (the rows the model uses).
 * @throws CvmError `invalid-input` naming the row when x or mbar is not a finite number ≥ 0
 */
export function spendSummary(rows: Iterable<{ x: number; mbar: number; weight?: number }>): SpendSummary {
  const x: number[] = [];
  const mbar: number[] = [];
  const weight: number[] = [];
  let row = 0;
  for (const r of rows) {
    row++;
    if (!Number.isFinite(r.x) || r.x < 0 || !Number.isFinite(r.mbar) || r.mbar < 0)
      throw new CvmError('invalid-input', msg('fit.spend-row', { row, x: r.x, mbar: r.mbar }));
    if (r.x < 1 || r.mbar <= 0) continue;
    x.push(r.x);
    mbar.push(r.mbar);
    weight.push(r.weight ?? 1);
  }
  return { x: Float64Array.from(x), mbar: Float64Array.from(mbar), weight: Float64Array.from(weight) };
}

/**
 * `spendSummary` from columns (typed arrays of one entry per customer, `weight` absent: one each), without
 * a row object per customer.
 * @throws CvmError `invalid-input` naming the row (1 = first) when x or mbar is not a finite number ≥ 0
 */
export function spendSummaryColumns(
  x: Float64Array,
  mbar: Float64Array,
  weight?: Float64Array | null,
): SpendSummary {
  const keep = new Uint8Array(x.length);
  let kept = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const mi = mbar[i] as number;
    if (!Number.isFinite(xi) || xi < 0 || !Number.isFinite(mi) || mi < 0)
      throw new CvmError('invalid-input', msg('fit.spend-row', { row: i + 1, x: xi, mbar: mi }));
    if (xi >= 1 && mi > 0) {
      keep[i] = 1;
      kept++;
    }
  }
  const out = { x: new Float64Array(kept), mbar: new Float64Array(kept), weight: new Float64Array(kept) };
  let j = 0;
  for (let i = 0; i < x.length; i++) {
    if (keep[i] === 0) continue;
    out.x[j] = x[i] as number;
    out.mbar[j] = mbar[i] as number;
    out.weight[j] = weight ? (weight[i] as number) : 1;
    j++;
  }
  return out;
}

/**
 * Log-likelihood of the mean values, summed with weights (note 025, eq. 3 as a density of mbar):
 * ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln mbar + px ln x − (px+q) ln(γ + x·mbar).
 * NaN when a parameter is not positive.
 */
export function logLikelihoodGammaGamma(params: GammaGammaParams, data: SpendSummary): number {
  return gammaGammaLikelihood(data)(params).value;
}

/**
 * The log-likelihood and its gradient with respect to (p, q, γ), summed with weights:
 * ∂/∂p = Σ x ln mbar + Σ x ln x + Σ x (ψ(px+q) − ψ(px)) − Σ x ln(γ + x·mbar),
 * ∂/∂q = N (ln γ − ψ(q)) + Σ ψ(px+q) − Σ ln(γ + x·mbar), ∂/∂γ = N q/γ − Σ (px+q)/(γ + x·mbar).
 * NaN value and gradient when a parameter is not positive.
 */
export function logLikelihoodGradientGammaGamma(
  params: GammaGammaParams,
  data: SpendSummary,
): { value: number; gradient: [number, number, number] } {
  return gammaGammaLikelihood(data)(params);
}

/**
 * The log-likelihood and its gradient as a function of the parameters, with everything that depends on the
 * data alone summed once: Σw·x·ln mbar, Σw·ln mbar, Σw·x·ln x and the weight of each distinct x (for the
 * ln Γ and ψ terms). Each call then costs one logarithm and one division per customer.
 *
 * Written so that it stays accurate when q and γ are huge (spend per transaction hardly varies between
 * customers): with a = px and E(q, a) = lnΓ(q+a) − lnΓ(q) − a ln q (`lnGammaRatioExcess`), one customer's
 * term is E(q, a) + a ln(q/γ) − lnΓ(a) + (a−1) ln mbar + a ln x − (a+q) ln(1 + x·mbar/γ). Its parts tend to
 * finite limits as q, γ → ∞ with q/γ = ν fixed, instead of being differences of numbers of size q ln γ.
 */
function gammaGammaLikelihood(
  data: SpendSummary,
): (params: GammaGammaParams) => { value: number; gradient: [number, number, number] } {
  let xLnM = 0;
  let lnM = 0;
  let xLnX = 0;
  const perX = new Map<number, number>();
  const n = data.x.length;
  const xm = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = data.x[i] as number;
    const w = data.weight[i] as number;
    const lm = Math.log(data.mbar[i] as number);
    xLnM += w * x * lm;
    lnM += w * lm;
    xLnX += w * x * Math.log(x);
    xm[i] = x * (data.mbar[i] as number);
    perX.set(x, (perX.get(x) ?? 0) + w);
  }
  const xs = Float64Array.from(perX.keys());
  const xWeights = Float64Array.from(perX.values());
  return ({ p, q, gamma }) => {
    if (!(p > 0 && q > 0 && gamma > 0))
      return { value: Number.NaN, gradient: [Number.NaN, Number.NaN, Number.NaN] };
    const lnNu = Math.log(q / gamma);
    const psiQ = digamma(q);
    let ll = p * xLnM - lnM + p * xLnX;
    // ∂/∂p of a customer's term: x [ψ(a+q) − ψ(a) + ln(x·mbar) − ln γ − ln(1 + x·mbar/γ)]
    let gp = xLnM + xLnX;
    let gq = 0;
    let gGamma = 0;
    const lnGammaRate = Math.log(gamma);
    for (let k = 0; k < xs.length; k++) {
      const xk = xs[k] as number;
      const wk = xWeights[k] as number;
      const a = p * xk;
      ll += wk * (lnGammaRatioExcess(q, a) + a * lnNu - lnGamma(a));
      const psiSum = digamma(a + q);
      gp += wk * xk * (psiSum - digamma(a) - lnGammaRate);
      gq += wk * (psiSum - psiQ);
      gGamma -= (wk * a) / gamma;
    }
    const { x, weight } = data;
    for (let i = 0; i < n; i++) {
      const xi = x[i] as number;
      const w = weight[i] as number;
      const v = xm[i] as number;
      const l = Math.log1p(v / gamma);
      const shape = p * xi + q;
      ll -= w * shape * l;
      gp -= w * xi * l;
      gq -= w * l;
      gGamma += (w * shape * v) / (gamma * (gamma + v));
    }
    return { value: ll, gradient: [gp, gq, gGamma] };
  };
}

/**
 * Fits Gamma-Gamma by maximum likelihood on log-parameters (see fit.ts).
 * @returns null when no customer has x ≥ 1 and mbar > 0
 */
export function fitGammaGamma(data: SpendSummary): ModelFit<GammaGammaParams> | null {
  let customers = 0;
  let spend = 0;
  for (let i = 0; i < data.x.length; i++) {
    customers += data.weight[i] as number;
    spend += (data.weight[i] as number) * (data.mbar[i] as number);
  }
  const meanSpend = customers > 0 ? spend / customers : 1;
  if (!(customers > 0)) return null;
  const likelihood = gammaGammaLikelihood(data);
  const limit = fitGammaGammaLimit(data, meanSpend, customers);
  const atLimit = (reason: string, iterations: number): ModelFit<GammaGammaParams> | null => {
    if (limit === null) return null;
    const { p, nu } = limit.params;
    const ll = limit.logLikelihood;
    return {
      model: 'Gamma-Gamma',
      params: { p, q: Q_LIMIT, gamma: Q_LIMIT / nu },
      standardErrors: { p: limit.standardErrors.p, q: null, gamma: null },
      logLikelihood: ll,
      aic: 2 * 3 - 2 * ll,
      bic: 3 * Math.log(customers) - 2 * ll,
      converged: true,
      iterations,
      customers,
      message:
        `Gamma-Gamma: the likelihood is highest in the limit q → ∞ (LL ${ll.toFixed(3)}; ${reason}): the spend ` +
        `per transaction varies no more between customers than its variation within a customer explains, so ` +
        `every customer's expected spend is the population mean p/ν = ${(p / nu).toFixed(2)}; q and γ are ` +
        `reported as ${Q_LIMIT.toExponential(0)} and ${Q_LIMIT.toExponential(0)}/ν (ν = ${nu.toPrecision(6)}), ` +
        `without standard errors`,
    };
  };
  // A score test at the boundary: when the likelihood falls from the limit into the interior (q = 10⁶ and
  // 10⁴ with the limit's p and ν), the limit is the maximum and the interior search is not run.
  if (limit !== null && limit.converged) {
    const { p, nu } = limit.params;
    const inside = [1e6, 1e4].map((q) => likelihood({ p, q, gamma: q / nu }).value);
    if (inside.every((v) => v < limit.logLikelihood))
      return atLimit(
        `it falls towards finite q, to ${(inside[1] as number).toFixed(3)} at q = 1e4`,
        limit.iterations,
      );
  }
  const interior = fitPositiveParameters<GammaGammaParams>({
    model: 'Gamma-Gamma',
    names: ['p', 'q', 'gamma'],
    logLikelihood: ([p = 1, q = 1, gamma = 1]) => likelihood({ p, q, gamma }).value,
    valueAndGradient: ([p = 1, q = 1, gamma = 1]) => likelihood({ p, q, gamma }),
    // p = 1, q = 2 puts the population mean pγ/(q−1) at the observed mean.
    starts: [
      [1, 2, meanSpend],
      [5, 3, meanSpend],
    ],
    customers,
  });
  if (interior === null) return null;
  const tolerance = 1e-6 + 1e-9 * Math.abs(interior.logLikelihood);
  if (limit === null || !limit.converged || limit.logLikelihood < interior.logLikelihood - tolerance)
    return interior;
  return atLimit(
    `${interior.logLikelihood.toFixed(3)} at the best finite point`,
    interior.iterations + limit.iterations,
  );
}

/**
 * Where a fit whose likelihood peaks at q → ∞ is reported: q = 10¹², γ = q/ν. There the model's likelihood
 * and its expected spend p(γ + x·mbar)/(px + q − 1) differ from the limit's (p/ν for everyone) by about
 * px·x·mbar·ν/q relative, far below a cent for any real spend.
 */
export const Q_LIMIT = 1e12;

/**
 * The Gamma-Gamma model's limit q, γ → ∞ with q/γ = ν fixed (every customer has the same ν): x·mbar ~
 * Gamma(px, ν). LL = Σ [px ln ν − lnΓ(px) + (px−1) ln mbar + px ln x − ν x·mbar], fitted on (p, ν); costs
 * nothing per customer once the sums are taken.
 */
function fitGammaGammaLimit(
  data: SpendSummary,
  meanSpend: number,
  customers: number,
): ModelFit<{ p: number; nu: number }> | null {
  let xLnM = 0;
  let lnM = 0;
  let xLnX = 0;
  let xm = 0;
  const perX = new Map<number, number>();
  for (let i = 0; i < data.x.length; i++) {
    const x = data.x[i] as number;
    const w = data.weight[i] as number;
    const m = data.mbar[i] as number;
    xLnM += w * x * Math.log(m);
    lnM += w * Math.log(m);
    xLnX += w * x * Math.log(x);
    xm += w * x * m;
    perX.set(x, (perX.get(x) ?? 0) + w);
  }
  const valueAndGradient = ([p = 1, nu = 1]: number[]): { value: number; gradient: number[] } => {
    const lnNu = Math.log(nu);
    let value = p * xLnM - lnM + p * xLnX - nu * xm;
    let gp = xLnM + xLnX;
    let gNu = -xm;
    for (const [x, w] of perX) {
      value += w * (p * x * lnNu - lnGamma(p * x));
      gp += w * x * (lnNu - digamma(p * x));
      gNu += (w * p * x) / nu;
    }
    return { value, gradient: [gp, gNu] };
  };
  return fitPositiveParameters<{ p: number; nu: number }>({
    model: 'Gamma-Gamma (q → ∞)',
    names: ['p', 'nu'],
    logLikelihood: (theta) => valueAndGradient(theta).value,
    valueAndGradient,
    starts: [[1, 1 / meanSpend]],
    customers,
  });
}

/** Population mean value of a transaction, pγ/(q−1); null when q ≤ 1 (the mean does not exist). */
export function meanSpendGammaGamma(params: GammaGammaParams): number | null {
  return params.q > 1 ? (params.p * params.gamma) / (params.q - 1) : null;
}

/**
 * E[value of a transaction | x, mbar] = p(γ + x·mbar)/(px + q − 1): a weighted mean of the population mean
 * and the customer's mbar. For x = 0 it is the population mean. Null when px + q ≤ 1 or, for x = 0, q ≤ 1.
 */
export function conditionalExpectedSpendGammaGamma(
  params: GammaGammaParams,
  x: number,
  mbar: number,
): number | null {
  const { p, q, gamma } = params;
  if (x === 0) return meanSpendGammaGamma(params);
  const denominator = p * x + q - 1;
  return denominator > 0 ? (p * (gamma + x * mbar)) / denominator : null;
}
