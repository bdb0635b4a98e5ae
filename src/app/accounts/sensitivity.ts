/**
 * `accounts sensitivity`: what moving each factor of each account one step does to its probability-adjusted
 * CLV at WACC, the actions that follow ranked by the CLV they gain, and one portfolio what-if (by default
 * "every account gains one business line") with the portfolio total before and after.
 */
import { portfolioWhatIf, rankActions, type WhatIfResult } from '../../core/accounts/actions';
import { accountSensitivities, type FactorMove } from '../../core/accounts/sensitivity';
import { findFactor } from '../../core/accounts/scorecard';
import type { IsoDay } from '../../core/dates';
import { invalidOption } from '../../core/errors';
import type { KeyAccountsPort } from '../../data/accounts/types';
import type { SensitivityInput } from '../options/accounts';
import { loadPortfolio } from './portfolio';
import type { Message } from '../../core/messages/catalogue';
import { msg } from '../../core/messages/catalogue';

export interface FactorSensitivityJson {
  factor: string;
  value: number;
  /** one step up / down the factor's step table; null at the edge of its domain */
  up: FactorMove | null;
  down: FactorMove | null;
}

export interface AccountSensitivityJson {
  account: string;
  name: string;
  retentionProbability: number;
  clvProbabilityAdjusted: number;
  factors: FactorSensitivityJson[];
}

export interface ActionJson {
  account: string;
  name: string;
  factor: string;
  action: string;
  fromValue: number;
  toValue: number;
  probabilityGain: number;
  clvGain: number;
}

export interface SensitivityReport {
  asOf: IsoDay;
  scorecard: { source: string; version: string };
  wacc: number;
  accounts: AccountSensitivityJson[];
  /** up-moves that gain value, best first */
  actions: ActionJson[];
  whatIf: WhatIfResult;
  notes: Message[];
}

export async function sensitivityReport(
  port: KeyAccountsPort,
  input: SensitivityInput,
): Promise<SensitivityReport> {
  const { asOf, scorecard, accounts, notes } = await loadPortfolio(port, input);
  const def = scorecard.scorecard;
  if (findFactor(def, input.whatIf.factorId) === undefined)
    throw invalidOption(
      'whatIf',
      input.whatIf.factorId,
      'a factor of the scorecard',
      msg('scorecard.not-a-factor', {
        factor: input.whatIf.factorId,
        version: def.version,
        factors: def.factors.map((f) => f.id).join(', '),
      }),
    );
  const names = new Map(accounts.map((a) => [a.accountId, a.name]));
  const sensitivities = accountSensitivities(def, accounts, input.wacc);
  return {
    asOf,
    scorecard: { source: scorecard.source, version: def.version },
    wacc: input.wacc,
    accounts: sensitivities.map((s) => ({
      account: s.accountId,
      name: names.get(s.accountId) ?? '',
      retentionProbability: s.probability,
      clvProbabilityAdjusted: s.clv,
      factors: s.factors.map((f) => ({ factor: f.factorId, value: f.value, up: f.up, down: f.down })),
    })),
    actions: rankActions(def, sensitivities).map((a) => ({
      account: a.accountId,
      name: names.get(a.accountId) ?? '',
      factor: a.factorId,
      action: a.action,
      fromValue: a.fromValue,
      toValue: a.toValue,
      probabilityGain: a.probabilityGain,
      clvGain: a.clvGain,
    })),
    whatIf: portfolioWhatIf(def, accounts, input.wacc, input.whatIf),
    notes,
  };
}
