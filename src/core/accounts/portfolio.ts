/**
 * The key-account portfolio table (Ryals & Knox 2007, Tables 1 and 5): per account its CLV at the discount
 * rate, at WACC, probability-adjusted, the survival variant and at its risk-adjusted rate; the paper's ratio
 * columns (WACC / discount rate, probability-adjusted / WACC), totals, and the accounts that are positive at
 * WACC but turn negative once relationship risk is counted.
 *
 * Ratios are fractions (1.115 = the paper's 111.5 %) and are null when the base is 0 or negative: a change
 * relative to a value that is not positive has no direction a reader can use.
 */
import { discountedClv, presentValues, riskAdjustedRate, survivalClv, type ForecastYear } from './finance';
import { msg } from '../messages/catalogue';
import { retentionProbability } from './probability';
import type { Scorecard } from './scorecard';

/** One key account: its scorecard values and its forecast years. */
export interface AccountInput {
  accountId: string;
  /** one value per scorecard factor id */
  values: Readonly<Record<string, number | null | undefined>>;
  forecast: readonly ForecastYear[];
}

/** Rates as fractions: the company's discount rate (the paper: 0.12) and WACC (0.048). */
export interface PortfolioRates {
  discountRate: number;
  wacc: number;
}

/** An account's CLVs in major currency units; null where the figure is not defined. */
export interface AccountClvs {
  accountId: string;
  /** retention probability (null when the table is built from CLVs alone) */
  probability: number | null;
  clvDiscountRate: number;
  clvWacc: number;
  clvProbabilityAdjusted: number;
  clvSurvival: number | null;
  /** wacc × risk / mean risk; null when no account in the portfolio is at risk */
  riskAdjustedRate: number | null;
  clvRiskAdjustedRate: number | null;
}

/** A row of the table: the CLVs and the paper's ratio columns. */
export interface PortfolioRow extends AccountClvs {
  /** clvWacc / clvDiscountRate (Table 1, column 3) */
  waccToDiscount: number | null;
  /** waccToDiscount − 1 */
  waccVsDiscountChange: number | null;
  /** clvProbabilityAdjusted / clvWacc (Table 5, column 4) */
  adjustedToWacc: number | null;
  /** adjustedToWacc − 1 */
  adjustedVsWaccChange: number | null;
  /** positive at WACC, negative once probability-adjusted */
  turnsNegative: boolean;
}

/** The portfolio table: rows in input order, totals, and the accounts that turn negative. */
export interface PortfolioTable {
  rows: PortfolioRow[];
  /** sums of the CLV columns (null where any row is null) and the ratios of the sums */
  totals: Omit<PortfolioRow, 'accountId' | 'probability' | 'riskAdjustedRate' | 'turnsNegative'>;
  /** mean of 1 − probability over the accounts; null without probabilities */
  meanRisk: number | null;
  turnsNegative: string[];
}

const ratio = (value: number | null, base: number | null): number | null =>
  value === null || base === null || base <= 0 ? null : value / base;
const change = (r: number | null): number | null => (r === null ? null : r - 1);
const sum = (values: readonly (number | null)[]): number | null =>
  values.some((v) => v === null) ? null : values.reduce<number>((s, v) => s + (v ?? 0), 0);

function ratios(c: Omit<AccountClvs, 'accountId' | 'probability' | 'riskAdjustedRate'>) {
  const waccToDiscount = ratio(c.clvWacc, c.clvDiscountRate);
  const adjustedToWacc = ratio(c.clvProbabilityAdjusted, c.clvWacc);
  return {
    waccToDiscount,
    waccVsDiscountChange: change(waccToDiscount),
    adjustedToWacc,
    adjustedVsWaccChange: change(adjustedToWacc),
  };
}

/** Builds the table from per-account CLVs (also how the paper's published figures are checked). */
export function tabulatePortfolio(accounts: readonly AccountClvs[]): PortfolioTable {
  const rows = accounts.map((a): PortfolioRow => ({
    ...a,
    ...ratios(a),
    turnsNegative: a.clvWacc > 0 && a.clvProbabilityAdjusted < 0,
  }));
  const column = (
    key: 'clvDiscountRate' | 'clvWacc' | 'clvProbabilityAdjusted' | 'clvSurvival' | 'clvRiskAdjustedRate',
  ) => sum(rows.map((r) => r[key]));
  const sums = {
    clvDiscountRate: column('clvDiscountRate') ?? 0,
    clvWacc: column('clvWacc') ?? 0,
    clvProbabilityAdjusted: column('clvProbabilityAdjusted') ?? 0,
    clvSurvival: column('clvSurvival'),
    clvRiskAdjustedRate: column('clvRiskAdjustedRate'),
  };
  const risks = rows.map((r) => (r.probability === null ? null : 1 - r.probability));
  const riskSum = sum(risks);
  return {
    rows,
    totals: { ...sums, ...ratios(sums) },
    meanRisk: riskSum === null || rows.length === 0 ? null : riskSum / rows.length,
    turnsNegative: rows.filter((r) => r.turnsNegative).map((r) => r.accountId),
  };
}

/**
 * Values every account: retention probability from the scorecard, the CLVs at the given rates, and the
 * risk-adjusted rate relative to the portfolio's mean risk (risk = 1 − retention probability).
 * @throws CvmError('invalid-input') for a missing or out-of-domain factor value or a gap in a forecast
 */
export function valuePortfolio(
  def: Scorecard,
  accounts: readonly AccountInput[],
  rates: PortfolioRates,
): PortfolioTable {
  const probabilities = accounts.map(
    (a) =>
      retentionProbability(def, a.values, msg('scorecard.where-account', { account: a.accountId }))
        .probability,
  );
  const meanRisk =
    accounts.length === 0 ? 0 : probabilities.reduce((s, p) => s + (1 - p), 0) / accounts.length;
  return tabulatePortfolio(
    accounts.map((a, i): AccountClvs => {
      const forecast = { accountId: a.accountId, years: a.forecast };
      const p = probabilities[i] ?? 0;
      const atWacc = presentValues(forecast, rates.wacc);
      const rate = riskAdjustedRate(rates.wacc, 1 - p, meanRisk);
      return {
        accountId: a.accountId,
        probability: p,
        clvDiscountRate: discountedClv(forecast, rates.discountRate),
        clvWacc: atWacc.revenue - atWacc.costs,
        clvProbabilityAdjusted: p * atWacc.revenue - atWacc.costs,
        clvSurvival: survivalClv(forecast, p, rates.wacc),
        riskAdjustedRate: rate,
        clvRiskAdjustedRate: rate === null ? null : discountedClv(forecast, rate),
      };
    }),
  );
}
