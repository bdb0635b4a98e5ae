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
import { lnGamma } from '../math/special';
import { invalidInput } from '../errors';
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
      throw invalidInput(`spend row ${row}: x = ${r.x}, mbar = ${r.mbar}; expected finite numbers ≥ 0`);
    if (r.x < 1 || r.mbar <= 0) continue;
    x.push(r.x);
    mbar.push(r.mbar);
    weight.push(r.weight ?? 1);
  }
  return { x: Float64Array.from(x), mbar: Float64Array.from(mbar), weight: Float64Array.from(weight) };
}

/**
 * Log-likelihood of the mean values, summed with weights (note 025, eq. 3 as a density of mbar):
 * ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln mbar + px ln x − (px+q) ln(γ + x·mbar).
 * NaN when a parameter is not positive.
 */
export function logLikelihoodGammaGamma(params: GammaGammaParams, data: SpendSummary): number {
  return gammaGammaLikelihood(data)(params);
}

/**
 * The log-likelihood as a function of the parameters, with everything that depends on the data alone
 * summed once: Σw, Σw·x·ln mbar, Σw·ln mbar, Σw·x·ln x and the weight of each distinct x (for the ln Γ
 * terms). Each call then costs one logarithm per customer, ln(γ + x·mbar), which is what makes a fit on a
 * million customers affordable.
 */
function gammaGammaLikelihood(data: SpendSummary): (params: GammaGammaParams) => number {
  let total = 0;
  let xLnM = 0;
  let lnM = 0;
  let xLnX = 0;
  const perX = new Map<number, number>();
  for (let i = 0; i < data.x.length; i++) {
    const x = data.x[i] as number;
    const w = data.weight[i] as number;
    const lm = Math.log(data.mbar[i] as number);
    total += w;
    xLnM += w * x * lm;
    lnM += w * lm;
    xLnX += w * x * Math.log(x);
    perX.set(x, (perX.get(x) ?? 0) + w);
  }
  const xs = Float64Array.from(perX.keys());
  const xWeights = Float64Array.from(perX.values());
  return ({ p, q, gamma }) => {
    if (!(p > 0 && q > 0 && gamma > 0)) return Number.NaN;
    let ll = total * (q * Math.log(gamma) - lnGamma(q)) + p * xLnM - lnM + p * xLnX;
    for (let k = 0; k < xs.length; k++) {
      const px = p * (xs[k] as number);
      ll += (xWeights[k] as number) * (lnGamma(px + q) - lnGamma(px));
    }
    const { x, mbar, weight } = data;
    for (let i = 0; i < x.length; i++) {
      const xi = x[i] as number;
      ll -= (weight[i] as number) * (p * xi + q) * Math.log(gamma + xi * (mbar[i] as number));
    }
    return ll;
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
  const likelihood = gammaGammaLikelihood(data);
  return fitPositiveParameters<GammaGammaParams>({
    model: 'Gamma-Gamma',
    names: ['p', 'q', 'gamma'],
    logLikelihood: ([p = 1, q = 1, gamma = 1]) => likelihood({ p, q, gamma }),
    // p = 1, q = 2 puts the population mean pγ/(q−1) at the observed mean.
    starts: [
      [1, 2, meanSpend],
      [5, 3, meanSpend],
    ],
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
