/**
 * What moving one scorecard factor does to an account's CLV (Ryals & Knox 2007, section 4.3: "the
 * sensitivity of the results to changes in probabilities"). Ranked actions and portfolio what-ifs build on
 * it (actions.ts).
 *
 * A move of one step goes to the neighbouring row of the factor's step table: up to the first value of the
 * next step (6 business lines → 11), down to the last value of the step before (6 → 4). The account's
 * probability is recomputed with the one factor replaced and clamped again. The CLV is the probability-
 * adjusted CLV at WACC (the paper's) or the survival variant. Probability-adjusted CLV is linear in p
 * (p·PV(revenue) − PV(costs)), so after one pass over an account's forecast each move costs O(1); the
 * survival variant costs O(T) per move over a reused buffer.
 */
import { assert } from '../errors';
import { msg } from '../messages/catalogue';
import { orderedYears } from './finance';
import type { AccountInput } from './portfolio';
import { clampToBounds, stepIndex } from './probability';
import type { Scorecard } from './scorecard';

/** Which CLV the sensitivities move: the paper's probability-adjusted CLV, or the survival variant. */
export type ClvVariant = 'probability-adjusted' | 'survival';

/** A one-step move of a factor and its effect on the account. */
export interface FactorMove {
  /** the factor value the move reaches */
  toValue: number;
  /** the account's retention probability after the move */
  probability: number;
  /** CLV after − CLV before, major currency units */
  clvChange: number;
}

/** One factor of one account; `up` / `down` null at the edge of the domain. */
export interface FactorSensitivity {
  factorId: string;
  value: number;
  up: FactorMove | null;
  down: FactorMove | null;
}

/** An account's probability, CLV and per-factor sensitivities. */
export interface AccountSensitivity {
  accountId: string;
  probability: number;
  clv: number;
  factors: FactorSensitivity[];
}

/** An account's CLV as a function of its retention probability. */
export type ClvOfProbability = (p: number) => number;

/**
 * One pass over an account's forecast, returning its CLV as a function of p; the survival variant keeps the
 * discounted revenues in `buffer` (at least T long), so the returned function is only valid until the
 * buffer is reused for the next account.
 */
export function clvFunction(
  account: AccountInput,
  waccRate: number,
  variant: ClvVariant,
  buffer: Float64Array,
): ClvOfProbability {
  const years = orderedYears({ accountId: account.accountId, years: account.forecast });
  assert(years.length <= buffer.length, 'discount buffer too short');
  let revenue = 0;
  let costs = 0;
  let factor = 1;
  for (let t = 0; t < years.length; t++) {
    const y = years[t] as (typeof years)[number];
    factor /= 1 + waccRate;
    buffer[t] = y.revenue * factor;
    revenue += y.revenue * factor;
    costs += (y.costToServe + y.claimsCost) * factor;
  }
  if (variant === 'probability-adjusted') return (p) => p * revenue - costs;
  const n = years.length;
  return (p) => {
    let total = 0;
    let survival = 1;
    for (let t = 0; t < n; t++) {
      survival *= p;
      total += survival * (buffer[t] as number);
    }
    return total - costs;
  };
}

/**
 * Writes each factor's step index into `steps` and returns Σ wᵢ·pᵢ and Σ wᵢ of one account.
 * @throws CvmError('invalid-input') for a missing or out-of-domain value
 */
export function scoreAccount(
  def: Scorecard,
  account: AccountInput,
  steps: Int32Array,
): { weighted: number; weights: number } {
  let weighted = 0;
  let weights = 0;
  const where = msg('scorecard.where-account', { account: account.accountId });
  def.factors.forEach((f, i) => {
    const value = account.values[f.id];
    const step = stepIndex(f, value ?? Number.NaN, where);
    steps[i] = step;
    weighted += f.weight * (f.steps[step] as { probability: number }).probability;
    weights += f.weight;
  });
  return { weighted, weights };
}

/**
 * Sensitivities of every account to a one-step move of every factor.
 * @param waccRate discount rate of the CLV, a fraction (the paper: 0.048)
 * @throws CvmError('invalid-input') for a missing or out-of-domain value or a gap in a forecast
 */
export function accountSensitivities(
  def: Scorecard,
  accounts: readonly AccountInput[],
  waccRate: number,
  variant: ClvVariant = 'probability-adjusted',
): AccountSensitivity[] {
  const maxYears = accounts.reduce((m, a) => Math.max(m, a.forecast.length), 0);
  const buffer = new Float64Array(maxYears);
  const steps = new Int32Array(def.factors.length);
  return accounts.map((account) => {
    const clvOf = clvFunction(account, waccRate, variant, buffer);
    const { weighted, weights } = scoreAccount(def, account, steps);
    const probability = clampToBounds(def, weighted / weights);
    const clv = clvOf(probability);
    const move = (i: number, step: number, toValue: number): FactorMove => {
      const f = def.factors[i] as Scorecard['factors'][number];
      const from = (f.steps[steps[i] as number] as { probability: number }).probability;
      const to = (f.steps[step] as { probability: number }).probability;
      const p = clampToBounds(def, (weighted + f.weight * (to - from)) / weights);
      return { toValue, probability: p, clvChange: clvOf(p) - clv };
    };
    const factors = def.factors.map((f, i): FactorSensitivity => {
      const step = steps[i] as number;
      const next = f.steps[step + 1];
      const previous = f.steps[step - 1];
      return {
        factorId: f.id,
        value: account.values[f.id] as number,
        up: next === undefined ? null : move(i, step + 1, next.from),
        down: previous === undefined ? null : move(i, step - 1, previous.to as number),
      };
    });
    return { accountId: account.accountId, probability, clv, factors };
  });
}
