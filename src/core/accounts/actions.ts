/**
 * What follows from the sensitivities (Ryals & Knox 2007, section 4.3 and the conclusions): the actions a
 * manager can take, ranked by the CLV they gain (cross-sell where business lines are few, more contacts,
 * better knowledge of the customer …), and portfolio what-ifs such as "every account gains one business
 * line", with the portfolio total before and after. The action names come from the scorecard, so an edited
 * scorecard names its own.
 */
import { CvmError } from '../errors';
import { msg } from '../messages/catalogue';
import type { AccountInput } from './portfolio';
import { clampToBounds, stepIndex } from './probability';
import { factorDomain, findFactor, type Scorecard } from './scorecard';
import { clvFunction, scoreAccount, type AccountSensitivity, type ClvVariant } from './sensitivity';

/** One recommended action: move one factor of one account one step up. */
export interface RankedAction {
  accountId: string;
  factorId: string;
  /** the scorecard's action for the factor ("cross-sell another business line") */
  action: string;
  fromValue: number;
  toValue: number;
  /** retention probability gained (a fraction) */
  probabilityGain: number;
  /** CLV gained, major currency units */
  clvGain: number;
}

/**
 * Up-moves that gain value, best first (gains equal to the cent by account id, then scorecard order); factors without an
 * action (relationship years only grow with time) are left out.
 */
export function rankActions(def: Scorecard, sensitivities: readonly AccountSensitivity[]): RankedAction[] {
  const actions: RankedAction[] = [];
  // sort keys kept beside the actions: the gain in whole cents (steps of equal size, .8 − .7 and .7 − .6,
  // differ in the last bit) and the factor's position in the scorecard
  const cents: number[] = [];
  const orders: number[] = [];
  for (const s of sensitivities)
    s.factors.forEach((f, order) => {
      const factor = def.factors[order];
      const action =
        factor?.id === f.factorId ? factor.action : (findFactor(def, f.factorId)?.action ?? null);
      if (action === null || f.up === null || !(f.up.clvChange > 0)) return;
      actions.push({
        accountId: s.accountId,
        factorId: f.factorId,
        action,
        fromValue: f.value,
        toValue: f.up.toValue,
        probabilityGain: f.up.probability - s.probability,
        clvGain: f.up.clvChange,
      });
      cents.push(Math.round(f.up.clvChange * 100));
      orders.push(order);
    });
  const index = Array.from(actions, (_, i) => i);
  index.sort((i, j) => {
    const a = actions[i] as RankedAction;
    const b = actions[j] as RankedAction;
    return (
      (cents[j] as number) - (cents[i] as number) ||
      (a.accountId < b.accountId
        ? -1
        : a.accountId > b.accountId
          ? 1
          : (orders[i] as number) - (orders[j] as number))
    );
  });
  return index.map((i) => actions[i] as RankedAction);
}

/** Portfolio totals before and after a what-if, major currency units. */
export interface WhatIfResult {
  factorId: string;
  delta: number;
  totalBefore: number;
  totalAfter: number;
  change: number;
  /** accounts whose probability changed */
  accountsChanged: number;
  /** accounts with a negative CLV before and after */
  negativeBefore: number;
  negativeAfter: number;
}

/**
 * What if every account's `factorId` moved by `delta` units ("every account gains one business line":
 * delta 1)? Values stay inside the factor's domain (a grade of 5 stays 5).
 * @throws CvmError('invalid-input') for an unknown factor, a bad value or a gap in a forecast
 */
export function portfolioWhatIf(
  def: Scorecard,
  accounts: readonly AccountInput[],
  waccRate: number,
  change: { factorId: string; delta: number },
  variant: ClvVariant = 'probability-adjusted',
): WhatIfResult {
  const index = def.factors.findIndex((f) => f.id === change.factorId);
  const f = def.factors[index];
  if (f === undefined)
    throw new CvmError(
      'invalid-input',
      msg('scorecard.unknown-factor', {
        factor: change.factorId,
        factors: def.factors.map((x) => x.id).join(', '),
      }),
    );
  if (!Number.isFinite(change.delta))
    throw new CvmError(
      'invalid-input',
      msg('scorecard.what-if-delta', { delta: String(change.delta), factor: f.id }),
    );
  const domain = factorDomain(f);
  const maxYears = accounts.reduce((m, a) => Math.max(m, a.forecast.length), 0);
  const buffer = new Float64Array(maxYears);
  const steps = new Int32Array(def.factors.length);
  const result = { totalBefore: 0, totalAfter: 0, accountsChanged: 0, negativeBefore: 0, negativeAfter: 0 };
  for (const account of accounts) {
    const clvOf = clvFunction(account, waccRate, variant, buffer);
    const { weighted, weights } = scoreAccount(def, account, steps);
    const value = account.values[f.id] as number;
    const moved = Math.max(domain.min, Math.min(domain.max ?? Infinity, value + change.delta));
    const from = (f.steps[steps[index] as number] as { probability: number }).probability;
    const to = (f.steps[stepIndex(f, moved)] as { probability: number }).probability;
    const before = clampToBounds(def, weighted / weights);
    const after = clampToBounds(def, (weighted + f.weight * (to - from)) / weights);
    const clvBefore = clvOf(before);
    const clvAfter = after === before ? clvBefore : clvOf(after);
    result.totalBefore += clvBefore;
    result.totalAfter += clvAfter;
    if (after !== before) result.accountsChanged += 1;
    if (clvBefore < 0) result.negativeBefore += 1;
    if (clvAfter < 0) result.negativeAfter += 1;
  }
  return { factorId: f.id, delta: change.delta, change: result.totalAfter - result.totalBefore, ...result };
}
