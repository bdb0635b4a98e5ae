/**
 * `accounts report`: the key-account portfolio table (Ryals & Knox 2007, Tables 1 and 5): per account its
 * retention probability from the scorecard, CLV at the discount rate, at WACC, probability-adjusted, the
 * survival variant and at its risk-adjusted rate, whether it turns negative once risk is counted, its
 * factors and the retention probability of each of its assessments up to the as-of day; the portfolio totals. Money in major units, rates and probabilities as fractions.
 */
import { valuePortfolio } from '../../core/accounts/portfolio';
import {
  probabilityHistory,
  retentionProbability,
  type ProbabilityPoint,
} from '../../core/accounts/probability';
import type { IsoDay } from '../../core/dates';
import type { AssessmentRow, KeyAccountsPort } from '../../data/accounts/types';
import type { AccountsInput, WaccSource } from '../options/accounts';
import { loadPortfolio } from './portfolio';
import { msg, type Message } from '../../core/messages/catalogue';

/** One factor of an account: its value (mean of the day's assessors) and the step table's probability. */
export interface FactorJson {
  factor: string;
  value: number;
  probability: number;
}

export interface AccountRowJson {
  account: string;
  name: string;
  manager: string;
  assessedOn: IsoDay;
  retentionProbability: number;
  clvDiscountRate: number;
  clvWacc: number;
  clvProbabilityAdjusted: number;
  clvSurvival: number | null;
  /** WACC × risk / mean risk of the portfolio; null when no account is at risk */
  riskAdjustedRate: number | null;
  clvRiskAdjustedRate: number | null;
  /** clvWacc / clvDiscountRate; null when the base is not positive */
  waccToDiscount: number | null;
  /** clvProbabilityAdjusted / clvWacc; null when the base is not positive */
  adjustedToWacc: number | null;
  /** positive at WACC, negative once probability-adjusted */
  turnsNegative: boolean;
  factors: FactorJson[];
  /** the retention probability of each of the account's assessments up to the as-of day, in day order */
  history: ProbabilityPoint[];
}

export interface AccountsTotalsJson {
  accounts: number;
  clvDiscountRate: number;
  clvWacc: number;
  clvProbabilityAdjusted: number;
  clvSurvival: number | null;
  clvRiskAdjustedRate: number | null;
  waccToDiscount: number | null;
  adjustedToWacc: number | null;
  /** mean of 1 − retention probability; null without accounts */
  meanRisk: number | null;
  /** ids of the accounts that turn negative once risk is counted */
  turnsNegative: string[];
}

export interface AccountsReport {
  asOf: IsoDay;
  scorecard: { source: string; version: string };
  rates: { discountRate: number; wacc: number; waccSource: WaccSource };
  accounts: AccountRowJson[];
  totals: AccountsTotalsJson;
  notes: Message[];
}

export async function accountsReport(port: KeyAccountsPort, input: AccountsInput): Promise<AccountsReport> {
  const { asOf, scorecard, accounts, notes } = await loadPortfolio(port, input);
  const def = scorecard.scorecard;
  const table = valuePortfolio(def, accounts, { discountRate: input.discountRate, wacc: input.wacc });
  const assessments = new Map<string, AssessmentRow[]>();
  for (const a of await port.assessmentHistory()) {
    if (a.assessedOn > asOf) continue;
    const list = assessments.get(a.accountId) ?? [];
    list.push(a);
    assessments.set(a.accountId, list);
  }
  const rows = accounts.map((a, i): AccountRowJson => {
    const row = table.rows[i] as (typeof table.rows)[number];
    const scored = retentionProbability(
      def,
      a.values,
      msg('scorecard.where-account', { account: a.accountId }),
    );
    return {
      account: a.accountId,
      name: a.name,
      manager: a.manager,
      assessedOn: a.assessedOn,
      retentionProbability: scored.probability,
      clvDiscountRate: row.clvDiscountRate,
      clvWacc: row.clvWacc,
      clvProbabilityAdjusted: row.clvProbabilityAdjusted,
      clvSurvival: row.clvSurvival,
      riskAdjustedRate: row.riskAdjustedRate,
      clvRiskAdjustedRate: row.clvRiskAdjustedRate,
      waccToDiscount: row.waccToDiscount,
      adjustedToWacc: row.adjustedToWacc,
      turnsNegative: row.turnsNegative,
      factors: scored.factors.map((f) => ({
        factor: f.factorId,
        value: f.value,
        probability: f.probability,
      })),
      history: probabilityHistory(
        def,
        assessments.get(a.accountId) ?? [],
        msg('scorecard.where-account', { account: a.accountId }),
      ),
    };
  });
  const t = table.totals;
  return {
    asOf,
    scorecard: { source: scorecard.source, version: def.version },
    rates: { discountRate: input.discountRate, wacc: input.wacc, waccSource: input.waccSource },
    accounts: rows,
    totals: {
      accounts: rows.length,
      clvDiscountRate: t.clvDiscountRate,
      clvWacc: t.clvWacc,
      clvProbabilityAdjusted: t.clvProbabilityAdjusted,
      clvSurvival: t.clvSurvival,
      clvRiskAdjustedRate: t.clvRiskAdjustedRate,
      waccToDiscount: t.waccToDiscount,
      adjustedToWacc: t.adjustedToWacc,
      meanRisk: table.meanRisk,
      turnsNegative: table.turnsNegative,
    },
    notes: rows.length === 0 ? [...notes, msg('accounts.none-complete')] : notes,
  };
}
