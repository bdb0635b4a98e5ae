/**
 * Beta-geometric/beta-Bernoulli (BG/BB) model of repeat transactions at discrete opportunities: Fader,
 * Hardie & Shang (2010), "Customer-base analysis in a discrete-time noncontractual setting", Marketing
 * Science 29(6). Typical uses: annual donations, yearly events, any business with fixed purchase occasions.
 *
 * Symbols as in the paper: at the start of each of n opportunities (`n`) a customer still alive becomes
 * inactive with probability θ; if not, they transact at that opportunity with probability p. p ~ Beta(α, β) (`alpha`, `beta`), θ ~ Beta(γ, δ)
 * (`gamma`, `delta`). A customer's history is summarised by x (transactions), t_x (`tx`, the opportunity of
 * the last transaction, 0 when x = 0) and n. Time is counted in opportunities.
 *
 * The decision a reader needs: every probability is a ratio of beta functions, so the likelihood is
 * evaluated as a log-sum-exp of ln B terms and never over- or underflows, and the forecast uses the finite
 * sum Σ B(γ, δ + n + k) / B(γ, δ) rather than the paper's closed form, whose factor δ / (γ − 1) is 0/0 at γ = 1.
 */
import { CvmError } from '../errors';
import { msg } from '../messages/catalogue';
import { digamma, lnBeta, logSumExp } from '../math/special';
import { fitPositiveParameters } from './fit';
import type { ModelFit } from './summary';

/** BG/BB parameters, all > 0: p ~ Beta(alpha, beta), θ ~ Beta(gamma, delta). */
export interface BgBbParams {
  alpha: number;
  beta: number;
  gamma: number;
  delta: number;
}

/** One repeat-transaction pattern over n opportunities and the number of customers who share it. */
export interface BgBbPattern {
  /** transactions, 0..n */
  x: number;
  /** opportunity (1..n) of the last transaction; 0 when x = 0 */
  tx: number;
  /** opportunities observed */
  n: number;
  /** customers with this pattern (any count ≥ 0); 1 when omitted */
  weight?: number;
}

/** Checks a pattern; `pattern` numbers it in the message (1 = the first), null for a single one. */
function checkPattern(p: BgBbPattern, pattern: number | null): void {
  const { x, tx, n } = p;
  if (![x, tx, n].every(Number.isInteger) || n < 0 || x < 0 || x > tx || tx > n || x > 0 !== tx > 0)
    throw new CvmError(
      'invalid-input',
      msg('fit.not-pattern', { where: msg('fit.where-pattern', { pattern }), x, tx, n }),
    );
  const w = p.weight ?? 1;
  if (!Number.isFinite(w) || w < 0)
    throw new CvmError(
      'invalid-input',
      msg('fit.pattern-weight', { where: msg('fit.where-pattern', { pattern }), weight: w }),
    );
}

/**
 * ln L(α, β, γ, δ | x, t_x, n) (Fader, Hardie & Shang 2010, eq. 5):
 * L = B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ) + Σ_{i=0}^{n−t_x−1} B(α+x, β+t_x−x+i)/B(α,β) · B(γ+1, δ+t_x+i)/B(γ,δ).
 * The first term is "alive through n", the others "died right after opportunity t_x + i".
 */
function logLikelihoodOne(params: BgBbParams, x: number, tx: number, n: number): number {
  const { alpha, beta, gamma, delta } = params;
  const lnBab = lnBeta(alpha, beta);
  const lnBgd = lnBeta(gamma, delta);
  const terms = [lnBeta(alpha + x, beta + n - x) - lnBab + lnBeta(gamma, delta + n) - lnBgd];
  for (let i = 0; i < n - tx; i++)
    terms.push(lnBeta(alpha + x, beta + tx - x + i) - lnBab + lnBeta(gamma + 1, delta + tx + i) - lnBgd);
  return logSumExp(terms);
}

/** Weighted log-likelihood Σ weight · ln L over patterns. Throws `invalid-input` on an impossible pattern. */
export function logLikelihoodBgBb(params: BgBbParams, patterns: readonly BgBbPattern[]): number {
  let ll = 0;
  for (const [i, p] of patterns.entries()) {
    checkPattern(p, i + 1);
    const w = p.weight ?? 1;
    if (w > 0) ll += w * logLikelihoodOne(params, p.x, p.tx, p.n);
  }
  return ll;
}

/**
 * ln L of one pattern (as `logLikelihoodOne`) and its gradient with respect to (α, β, γ, δ). Every term of L
 * is a product of beta-function ratios B(α+x, β+m)/B(α,β) · B(γ+g, δ+d)/B(γ,δ), and
 * ∂ ln B(p, q)/∂p = ψ(p) − ψ(p+q): the gradient of ln L is the sum of the terms' gradients weighted by their
 * shares of L.
 */
function logLikelihoodGradientOne(
  params: BgBbParams,
  x: number,
  tx: number,
  n: number,
): { value: number; gradient: [number, number, number, number] } {
  const { alpha, beta, gamma, delta } = params;
  const lnBab = lnBeta(alpha, beta);
  const lnBgd = lnBeta(gamma, delta);
  const psiAB = digamma(alpha + beta);
  const psiGD = digamma(gamma + delta);
  const baseA = digamma(alpha + x) - digamma(alpha) + psiAB;
  const baseB = -digamma(beta) + psiAB;
  const baseG = -digamma(gamma) + psiGD;
  const baseD = -digamma(delta) + psiGD;
  // (m, g, d) of each term: alive through n, then died right after opportunity tx + i
  const terms: { ln: number; m: number; g: number; d: number }[] = [];
  const add = (m: number, g: number, d: number): void => {
    terms.push({ ln: lnBeta(alpha + x, beta + m) - lnBab + lnBeta(gamma + g, delta + d) - lnBgd, m, g, d });
  };
  add(n - x, 0, n);
  for (let i = 0; i < n - tx; i++) add(tx - x + i, 1, tx + i);
  const value = logSumExp(terms.map((t) => t.ln));
  const gradient: [number, number, number, number] = [0, 0, 0, 0];
  for (const { ln, m, g, d } of terms) {
    const share = Math.exp(ln - value);
    const psiABm = digamma(alpha + beta + x + m);
    const psiGDd = digamma(gamma + delta + g + d);
    gradient[0] += share * (baseA - psiABm);
    gradient[1] += share * (baseB + digamma(beta + m) - psiABm);
    gradient[2] += share * (baseG + digamma(gamma + g) - psiGDd);
    gradient[3] += share * (baseD + digamma(delta + d) - psiGDd);
  }
  return { value, gradient };
}

/**
 * Weighted log-likelihood Σ weight · ln L over patterns and its gradient with respect to (α, β, γ, δ).
 * Throws `invalid-input` on an impossible pattern.
 */
export function logLikelihoodGradientBgBb(
  params: BgBbParams,
  patterns: readonly BgBbPattern[],
): { value: number; gradient: [number, number, number, number] } {
  let value = 0;
  const gradient: [number, number, number, number] = [0, 0, 0, 0];
  for (const [i, p] of patterns.entries()) {
    checkPattern(p, i + 1);
    const w = p.weight ?? 1;
    if (w === 0) continue;
    const one = logLikelihoodGradientOne(params, p.x, p.tx, p.n);
    value += w * one.value;
    for (let k = 0; k < 4; k++) gradient[k] = (gradient[k] as number) + w * (one.gradient[k] as number);
  }
  return { value, gradient };
}

/**
 * Maximum-likelihood BG/BB fit to weighted patterns. Null when there are no customers or nobody
 * transacted (the likelihood then rises without bound as p → 0).
 */
export function fitBgBb(patterns: readonly BgBbPattern[]): ModelFit<BgBbParams> | null {
  patterns.forEach((p, i) => checkPattern(p, i + 1));
  const used = patterns.filter((p) => (p.weight ?? 1) > 0);
  const customers = used.reduce((s, p) => s + (p.weight ?? 1), 0);
  if (customers === 0 || used.every((p) => p.x === 0)) return null;
  const names = ['alpha', 'beta', 'gamma', 'delta'] as const;
  return fitPositiveParameters<BgBbParams>({
    model: 'BG/BB',
    names,
    logLikelihood: (v) => {
      const params: BgBbParams = {
        alpha: v[0] as number,
        beta: v[1] as number,
        gamma: v[2] as number,
        delta: v[3] as number,
      };
      let ll = 0;
      for (const p of used) ll += (p.weight ?? 1) * logLikelihoodOne(params, p.x, p.tx, p.n);
      return ll;
    },
    valueAndGradient: ([alpha = 1, beta = 1, gamma = 1, delta = 1]) =>
      logLikelihoodGradientBgBb({ alpha, beta, gamma, delta }, used),
    starts: [
      [1, 1, 1, 1],
      [0.5, 0.5, 0.5, 5],
      [2, 1, 0.5, 2],
    ],
    customers,
  });
}

/**
 * Probability that a customer with history (x, t_x, n) is alive at opportunity n + `ahead` (default 1, the
 * paper's eq. 11): B(α+x, β+n−x)/B(α,β) · B(γ, δ+n+ahead)/B(γ,δ) / L. With ahead = 0, alive at n.
 */
export function pAliveBgBb(params: BgBbParams, pattern: BgBbPattern, ahead = 1): number {
  checkPattern(pattern, null);
  const { alpha, beta, gamma, delta } = params;
  const { x, n } = pattern;
  const lnAlive =
    lnBeta(alpha + x, beta + n - x) -
    lnBeta(alpha, beta) +
    lnBeta(gamma, delta + n + ahead) -
    lnBeta(gamma, delta);
  return Math.exp(lnAlive - logLikelihoodOne(params, x, pattern.tx, n));
}

/** Σ_{k=1}^{count} B(γ, δ + from + k) / B(γ, δ): expected alive opportunities after `from`, before weighting by p. */
function aliveOpportunities(gamma: number, delta: number, from: number, count: number): number {
  let ratio = Math.exp(lnBeta(gamma, delta + from) - lnBeta(gamma, delta));
  let sum = 0;
  for (let k = 1; k <= count; k++) {
    // B(γ, δ + m) / B(γ, δ + m − 1) = (δ + m − 1) / (γ + δ + m − 1)
    ratio *= (delta + from + k - 1) / (gamma + delta + from + k - 1);
    sum += ratio;
  }
  return sum;
}

function checkOpportunities(count: number, holdout: boolean): void {
  if (!Number.isInteger(count) || count < 0)
    throw new CvmError('invalid-input', msg('fit.opportunities', { holdout, count }));
}

/**
 * Expected transactions of a customer with history (x, t_x, n) in the next `opportunities` n* opportunities
 * (Fader, Hardie & Shang 2010, eq. 13, written as a sum):
 * E = B(α+x+1, β+n−x)/B(α,β) · Σ_{k=1}^{n*} B(γ, δ+n+k)/B(γ,δ) / L.
 */
export function conditionalExpectedTransactionsBgBb(
  params: BgBbParams,
  pattern: BgBbPattern,
  opportunities: number,
): number {
  checkPattern(pattern, null);
  checkOpportunities(opportunities, false);
  const { alpha, beta, gamma, delta } = params;
  const { x, n } = pattern;
  const lnBuy = lnBeta(alpha + x + 1, beta + n - x) - lnBeta(alpha, beta);
  return (
    Math.exp(lnBuy - logLikelihoodOne(params, x, pattern.tx, n)) *
    aliveOpportunities(gamma, delta, n, opportunities)
  );
}

/**
 * Expected transactions of a new customer in the first `opportunities` n opportunities (eq. 9, as a sum):
 * E[X(n)] = α / (α + β) · Σ_{k=1}^{n} B(γ, δ + k) / B(γ, δ).
 */
export function expectedTransactionsBgBb(params: BgBbParams, opportunities: number): number {
  checkOpportunities(opportunities, false);
  const { alpha, beta, gamma, delta } = params;
  return (alpha / (alpha + beta)) * aliveOpportunities(gamma, delta, 0, opportunities);
}

/** A pattern with what its customers did in the holdout: `holdout` transactions per customer (their mean). */
export interface BgBbHoldoutPattern extends BgBbPattern {
  holdout: number;
}

/** Calibration frequency x (the last group "x or more") with mean holdout transactions per customer. */
export interface BgBbFrequencyGroup {
  x: string;
  customers: number;
  actual: number;
  predicted: number;
}

/** The holdout check of a BG/BB fit; counts of customers include the weights. */
export interface BgBbValidation {
  customers: number;
  /** Σ customers × holdout transactions, and the model's expectation of it */
  holdoutActual: number;
  holdoutPredicted: number;
  /** per customer (weighted mean over patterns of |predicted − holdout| and its square) */
  mae: number;
  rmse: number;
  byFrequency: BgBbFrequencyGroup[];
  /** expected cumulative transactions of all customers after k = 1 … holdout opportunities */
  tracking: { opportunity: number; expected: number }[];
}

/**
 * Compares a fit's expected transactions over the next `opportunities` opportunities (eq. 13 as a sum) with
 * the holdout transactions of each pattern. `holdout` is per customer: the count for a single customer, the
 * customers' mean for a weighted pattern, where MAE and RMSE then measure the patterns' means (at most the
 * per-customer MAE of those customers, as |mean error| ≤ mean |error|). Groups by calibration frequency
 * 0 … topGroup − 1 and topGroup or more.
 * @throws CvmError `invalid-input` on an impossible pattern, a holdout that is not a number from 0 to
 *   `opportunities`, or no customers
 */
export function validateBgBb(
  params: BgBbParams,
  patterns: readonly BgBbHoldoutPattern[],
  opportunities: number,
  topGroup = 7,
): BgBbValidation {
  checkOpportunities(opportunities, true);
  let customers = 0;
  let actual = 0;
  let predicted = 0;
  let absolute = 0;
  let squared = 0;
  const groups = Array.from({ length: topGroup + 1 }, (_, g) => ({
    x: g === topGroup ? `${topGroup}+` : String(g),
    customers: 0,
    actual: 0,
    predicted: 0,
  }));
  const tracking = Array.from({ length: opportunities }, (_, k) => ({ opportunity: k + 1, expected: 0 }));
  for (const [i, p] of patterns.entries()) {
    checkPattern(p, i + 1);
    if (!(Number.isFinite(p.holdout) && p.holdout >= 0 && p.holdout <= opportunities))
      throw new CvmError(
        'invalid-input',
        msg('fit.holdout', { pattern: i + 1, holdout: p.holdout, opportunities }),
      );
    const w = p.weight ?? 1;
    if (w === 0) continue;
    const expected = conditionalExpectedTransactionsBgBb(params, p, opportunities);
    customers += w;
    actual += w * p.holdout;
    predicted += w * expected;
    absolute += w * Math.abs(expected - p.holdout);
    squared += w * (expected - p.holdout) ** 2;
    const group = groups[Math.min(p.x, topGroup)] as BgBbFrequencyGroup;
    group.customers += w;
    group.actual += w * p.holdout;
    group.predicted += w * expected;
    for (const point of tracking)
      point.expected += w * conditionalExpectedTransactionsBgBb(params, p, point.opportunity);
  }
  if (customers === 0) throw new CvmError('invalid-input', msg('fit.bgbb-no-customers'));
  return {
    customers,
    holdoutActual: actual,
    holdoutPredicted: predicted,
    mae: absolute / customers,
    rmse: Math.sqrt(squared / customers),
    byFrequency: groups
      .filter((g) => g.customers > 0)
      .map((g) => ({ ...g, actual: g.actual / g.customers, predicted: g.predicted / g.customers })),
    tracking,
  };
}
