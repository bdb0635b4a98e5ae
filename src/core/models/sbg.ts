/**
 * Shifted-beta-geometric (sBG) model of contractual retention: Fader & Hardie (2007), "How to project
 * customer retention", Journal of Interactive Marketing 21(1); discounted expected residual lifetime from
 * Fader & Hardie (2010), "Customer-base valuation in a contractual setting: the perils of ignoring
 * heterogeneity", Marketing Science 29(1).
 *
 * Symbols as in the papers: each customer renews at the end of every period with a constant probability
 * 1 − θ until the first non-renewal; θ varies over customers as Beta(α, β) (`alpha`, `beta`). A customer's
 * lifetime T (in whole periods, T ≥ 1) is the period in which they churn: P(T = t) = B(α + 1, β + t − 1) / B(α, β),
 * S(t) = P(T > t) = B(α, β + t) / B(α, β), retention rate r(t) = S(t) / S(t − 1) = (β + t − 1) / (α + β + t − 1).
 * The period is whatever the data use (a year in the paper's example); every count here is in periods.
 *
 * The decision a reader needs: both inputs (cohort survival counts and individual churn times with
 * right-censoring) are reduced to the same table, "so many customers churned in period t" and "so many were
 * last seen alive after t periods", and one likelihood runs on that table. The probabilities come from the
 * recursions above, so no special function is needed and nothing overflows however long the history.
 */
import { CvmError } from '../errors';
import { msg } from '../messages/catalogue';
import type { Message } from '../messages/message';
import { fitPositiveParameters } from './fit';
import type { ModelFit } from './summary';

/** sBG parameters: θ ~ Beta(alpha, beta), both > 0; mean churn probability alpha / (alpha + beta). */
export interface SbgParams {
  alpha: number;
  beta: number;
}

/** One customer's observed lifetime, in periods. */
export interface SbgLifetime {
  /** churned: the period (≥ 1) in which the customer did not renew; otherwise the periods survived so far (≥ 0) */
  periods: number;
  /** true when the churn was observed; false when the customer is still alive (right-censored) */
  churned: boolean;
  /** number of customers with this lifetime; 1 when omitted */
  weight?: number;
}

/**
 * The data the likelihood sees: `churnedIn[t]` customers churned in period t (index 0 unused, always 0) and
 * `aliveAfter[t]` were still alive after t periods when observation ended. Both have the same length.
 */
interface ChurnTable {
  churnedIn: Float64Array;
  aliveAfter: Float64Array;
  customers: number;
}

/** ln P(T = t) and ln S(t) for t = 0..maxPeriod, by the recursions of Fader & Hardie (2007), eq. (7). */
function logProbabilities(
  params: SbgParams,
  maxPeriod: number,
): { lnChurn: Float64Array; lnSurvival: Float64Array } {
  const { alpha, beta } = params;
  const lnChurn = new Float64Array(maxPeriod + 1);
  const lnSurvival = new Float64Array(maxPeriod + 1);
  lnChurn[0] = -Infinity;
  for (let t = 1; t <= maxPeriod; t++) {
    // P(T = t) = S(t − 1) · α / (α + β + t − 1); S(t) = S(t − 1) · (β + t − 1) / (α + β + t − 1)
    const lnDenominator = Math.log(alpha + beta + t - 1);
    const lnPrevious = lnSurvival[t - 1] as number;
    lnChurn[t] = lnPrevious + Math.log(alpha) - lnDenominator;
    lnSurvival[t] = lnPrevious + Math.log(beta + t - 1) - lnDenominator;
  }
  return { lnChurn, lnSurvival };
}

/** P(T = t): probability that a new customer churns in period t (integer t ≥ 1). */
export function sbgChurnProbability(params: SbgParams, t: number): number {
  return Math.exp(logProbabilities(params, t).lnChurn[t] as number);
}

/** S(t) = P(T > t): probability that a new customer is still a customer after t periods (integer t ≥ 0). */
export function sbgSurvival(params: SbgParams, t: number): number {
  return Math.exp(logProbabilities(params, t).lnSurvival[t] as number);
}

/** Retention rate in period t (integer t ≥ 1): r(t) = S(t) / S(t − 1) = (β + t − 1) / (α + β + t − 1). */
export function sbgRetentionRate(params: SbgParams, t: number): number {
  return (params.beta + t - 1) / (params.alpha + params.beta + t - 1);
}

/** Projected survival curve S(0), S(1), …, S(periods) of a new cohort, as fractions (S(0) = 1). */
export function sbgSurvivalCurve(params: SbgParams, periods: number): number[] {
  return Array.from(logProbabilities(params, periods).lnSurvival, Math.exp);
}

/** Projected retention rates r(1), …, r(periods) of a new cohort, as fractions; rising with t (sorting effect). */
export function sbgRetentionCurve(params: SbgParams, periods: number): number[] {
  return Array.from({ length: periods }, (_, i) => sbgRetentionRate(params, i + 1));
}

/**
 * Discounted expected residual lifetime (Fader & Hardie 2010, eq. 6) of a customer who has made `renewals`
 * renewals (alive after n = renewals periods), valued just before the next renewal decision: the expected
 * number of future payments of 1 per period, each discounted at `discountRate` d per period, the first
 * (at the imminent renewal) undiscounted:
 * DERL = Σ_{t>n} S(t) / S(n) · (1 + d)^−(t−n−1) = (β + n) / (α + β + n) · ₂F₁(1, β + n + 1; α + β + n + 1; 1 / (1 + d)).
 * Multiply by the payment per period to get money. Requires d > 0 (at d = 0 the sum diverges for α ≤ 1).
 */
export function sbgDerl(params: SbgParams, renewals: number, discountRate: number): number {
  if (!(discountRate > 0) || !Number.isFinite(discountRate))
    throw new CvmError('invalid-input', msg('fit.discount-rate', { rate: discountRate }));
  if (!Number.isInteger(renewals) || renewals < 0)
    throw new CvmError('invalid-input', msg('fit.renewals', { renewals }));
  const { alpha, beta } = params;
  const z = 1 / (1 + discountRate);
  // The series of the hypergeometric function, term k = S(n + 1 + k) / S(n) · z^k. Each ratio of terms is
  // below z, so the tail after a term is at most term · z / (1 − z) = term / d: stop when that is negligible.
  let term = (beta + renewals) / (alpha + beta + renewals);
  let sum = term;
  for (let k = 0; term / discountRate > 1e-16 * sum; k++) {
    term *= ((beta + renewals + 1 + k) / (alpha + beta + renewals + 1 + k)) * z;
    sum += term;
  }
  return sum;
}

/** Checks a count: finite and ≥ 0. */
function checkCount(value: number, where: () => Message): void {
  if (!Number.isFinite(value) || value < 0)
    throw new CvmError('invalid-input', msg('fit.not-count', { where: where(), value }));
}

/**
 * The table of a cohort observed at period ends 0..n: `alive[t]` customers still subscribed after t periods
 * (alive[0] = cohort size). Customers lost in period t = alive[t − 1] − alive[t]; alive[n] are censored.
 */
function tableFromSurvival(alive: readonly number[]): ChurnTable {
  if (alive.length < 2)
    throw new CvmError('invalid-input', msg('fit.survival-short', { values: alive.length }));
  const n = alive.length - 1;
  const churnedIn = new Float64Array(n + 1);
  const aliveAfter = new Float64Array(n + 1);
  for (let t = 0; t <= n; t++) {
    const count = alive[t] as number;
    checkCount(count, () => msg('fit.where-survival', { period: t }));
    if (t > 0) {
      const lost = (alive[t - 1] as number) - count;
      if (lost < 0)
        throw new CvmError(
          'invalid-input',
          msg('fit.survival-rises', { period: t, count, before: alive[t - 1] as number }),
        );
      churnedIn[t] = lost;
    }
  }
  aliveAfter[n] = alive[n] as number;
  return { churnedIn, aliveAfter, customers: alive[0] as number };
}

/** The table of individual lifetimes, churned or right-censored. */
function tableFromLifetimes(lifetimes: readonly SbgLifetime[]): ChurnTable {
  let maxPeriod = 0;
  for (const [i, l] of lifetimes.entries()) {
    const lowest = l.churned ? 1 : 0;
    if (!Number.isInteger(l.periods) || l.periods < lowest)
      throw new CvmError(
        'invalid-input',
        msg('fit.lifetime-periods', { lifetime: i + 1, periods: l.periods, lowest, churned: l.churned }),
      );
    checkCount(l.weight ?? 1, () => msg('fit.where-lifetime-weight', { lifetime: i + 1 }));
    maxPeriod = Math.max(maxPeriod, l.periods);
  }
  const churnedIn = new Float64Array(maxPeriod + 1);
  const aliveAfter = new Float64Array(maxPeriod + 1);
  let customers = 0;
  for (const l of lifetimes) {
    const w = l.weight ?? 1;
    const into = l.churned ? churnedIn : aliveAfter;
    into[l.periods] = (into[l.periods] as number) + w;
    customers += w;
  }
  return { churnedIn, aliveAfter, customers };
}

/** LL = Σ_t churnedIn[t] ln P(T = t) + Σ_t aliveAfter[t] ln S(t). */
function tableLogLikelihood(params: SbgParams, table: ChurnTable): number {
  const maxPeriod = table.churnedIn.length - 1;
  const { lnChurn, lnSurvival } = logProbabilities(params, maxPeriod);
  let ll = 0;
  for (let t = 0; t <= maxPeriod; t++) {
    const churned = table.churnedIn[t] as number;
    const alive = table.aliveAfter[t] as number;
    if (churned > 0) ll += churned * (lnChurn[t] as number);
    if (alive > 0) ll += alive * (lnSurvival[t] as number);
  }
  return ll;
}

/**
 * LL of the table and its gradient with respect to (α, β), by the recursions' derivatives:
 * ∂ ln S(t)/∂α = ∂ ln S(t−1)/∂α − 1/(α+β+t−1), ∂ ln S(t)/∂β = ∂ ln S(t−1)/∂β + 1/(β+t−1) − 1/(α+β+t−1),
 * ∂ ln P(T=t)/∂α = ∂ ln S(t−1)/∂α + 1/α − 1/(α+β+t−1), ∂ ln P(T=t)/∂β = ∂ ln S(t−1)/∂β − 1/(α+β+t−1).
 */
function tableLogLikelihoodGradient(
  params: SbgParams,
  table: ChurnTable,
): { value: number; gradient: [number, number] } {
  const { alpha, beta } = params;
  if (!(alpha > 0 && beta > 0)) return { value: Number.NaN, gradient: [Number.NaN, Number.NaN] };
  const maxPeriod = table.churnedIn.length - 1;
  let value = 0;
  let ga = 0;
  let gb = 0;
  // ln S(t − 1) and its derivatives, starting from S(0) = 1
  let lnS = 0;
  let dSa = 0;
  let dSb = 0;
  for (let t = 1; t <= maxPeriod; t++) {
    const denominator = alpha + beta + t - 1;
    const lnDenominator = Math.log(denominator);
    const churned = table.churnedIn[t] as number;
    if (churned > 0) {
      value += churned * (lnS + Math.log(alpha) - lnDenominator);
      ga += churned * (dSa + 1 / alpha - 1 / denominator);
      gb += churned * (dSb - 1 / denominator);
    }
    lnS += Math.log(beta + t - 1) - lnDenominator;
    dSa -= 1 / denominator;
    dSb += 1 / (beta + t - 1) - 1 / denominator;
    const alive = table.aliveAfter[t] as number;
    if (alive > 0) {
      value += alive * lnS;
      ga += alive * dSa;
      gb += alive * dSb;
    }
  }
  return { value, gradient: [ga, gb] };
}

/** The log-likelihood of a cohort's survival counts and its gradient with respect to (α, β). */
export function logLikelihoodGradientSbgFromSurvival(
  params: SbgParams,
  alive: readonly number[],
): { value: number; gradient: [number, number] } {
  return tableLogLikelihoodGradient(params, tableFromSurvival(alive));
}

/** The log-likelihood of individual lifetimes and its gradient with respect to (α, β). */
export function logLikelihoodGradientSbgFromLifetimes(
  params: SbgParams,
  lifetimes: readonly SbgLifetime[],
): { value: number; gradient: [number, number] } {
  return tableLogLikelihoodGradient(params, tableFromLifetimes(lifetimes));
}

/**
 * Log-likelihood of a cohort's survival counts: `alive[t]` customers still subscribed after t periods,
 * t = 0..n (Fader & Hardie 2007, eq. 8). Throws `invalid-input` on a count that is negative or rises.
 */
export function logLikelihoodSbgFromSurvival(params: SbgParams, alive: readonly number[]): number {
  return tableLogLikelihood(params, tableFromSurvival(alive));
}

/** Log-likelihood of individual lifetimes, churned (ln P(T = t)) or still alive after t periods (ln S(t)). */
export function logLikelihoodSbgFromLifetimes(params: SbgParams, lifetimes: readonly SbgLifetime[]): number {
  return tableLogLikelihood(params, tableFromLifetimes(lifetimes));
}

function fitTable(table: ChurnTable): ModelFit<SbgParams> | null {
  let churned = 0;
  for (const c of table.churnedIn) churned += c;
  // Without a churn the likelihood keeps rising towards θ = 0, and when every customer churned in the
  // first period towards θ = 1: no finite maximum either way.
  if (churned === 0 || table.churnedIn[1] === table.customers) return null;
  const meanChurn = churned / table.customers;
  const fit = fitPositiveParameters<SbgParams>({
    model: 'sBG',
    names: ['alpha', 'beta'],
    logLikelihood: ([alpha = 1, beta = 1]) => tableLogLikelihood({ alpha, beta }, table),
    valueAndGradient: ([alpha = 1, beta = 1]) => tableLogLikelihoodGradient({ alpha, beta }, table),
    starts: [
      [1, 1],
      [meanChurn, 1 - meanChurn],
      [10 * meanChurn, 10 * (1 - meanChurn)],
    ],
    customers: table.customers,
  });
  if (fit === null || table.churnedIn.length > 2) return fit;
  // One period: the likelihood depends on α / (α + β) only, a ridge with no single maximum.
  return {
    ...fit,
    standardErrors: { alpha: null, beta: null },
    message: `only one period observed: alpha / (alpha + beta) is identified, alpha and beta separately are not; ${fit.message}`,
  };
}

/**
 * Maximum-likelihood sBG fit to a cohort's survival counts `alive[0..n]` (customers still subscribed after
 * t periods; alive[0] is the cohort size). Null when no customer churned or every customer churned in the
 * first period (no finite maximum). With a single period (n = 1) only α / (α + β) is identified: the fit returns one point
 * of that ridge and null standard errors.
 */
export function fitSbgFromSurvival(alive: readonly number[]): ModelFit<SbgParams> | null {
  return fitTable(tableFromSurvival(alive));
}

/**
 * Maximum-likelihood sBG fit to individual lifetimes with right-censoring (customers still alive count
 * through S(t)). Null when no customer churned or every customer churned in the first period.
 */
export function fitSbgFromLifetimes(lifetimes: readonly SbgLifetime[]): ModelFit<SbgParams> | null {
  return fitTable(tableFromLifetimes(lifetimes));
}
