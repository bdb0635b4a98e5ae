/**
 * The money side of a key account (Ryals & Knox 2007, sections 2.2–2.6 and 4.1–4.3): WACC, CLV discounted
 * at a rate, probability-adjusted CLV, the compounding "survival" variant and the risk-adjusted discount
 * rate. Amounts are major currency units; rates and probabilities are fractions (0.048 = 4.8 %).
 *
 * Forecast year t (1 = the first forecast year) is discounted t times, by (1 + rate)ᵗ: the forecasts are
 * year-end cash flows seen from today, so even the first year waits a year. (The paper does not say; its
 * customers C and F change by less than 1.12 / 1.048 between 12 % and 4.8 %, which this convention cannot
 * give for non-negative cash flows, so the paper may have left the first year undiscounted.)
 */
import { CvmError } from '../errors';
import { msg } from '../messages/catalogue';

/** One forecast year of an account (the `forecasts` record kind), money in major currency units. */
export interface ForecastYear {
  /** 1 = the first forecast year */
  year: number;
  revenue: number;
  costToServe: number;
  /** claims or product costs */
  claimsCost: number;
}

/** An account's forecast: years 1…T, each once. */
export interface AccountForecast {
  accountId: string;
  years: readonly ForecastYear[];
}

/**
 * The forecast's years in order, checked: years 1…T each exactly once, finite amounts (the input array
 * itself when it is already in order).
 * @throws CvmError('invalid-input') naming the account and the missing, repeated or bad year
 */
export function orderedYears(forecast: AccountForecast): readonly ForecastYear[] {
  const account = forecast.accountId;
  const years = forecast.years;
  if (years.length === 0) throw new CvmError('invalid-input', msg('finance.no-years', { account }));
  let inOrder = true;
  for (let i = 0; i < years.length && inOrder; i++) inOrder = (years[i] as ForecastYear).year === i + 1;
  const sorted = inOrder ? years : [...years].sort((a, b) => a.year - b.year);
  for (let i = 0; i < sorted.length; i++) {
    const y = sorted[i] as ForecastYear;
    if (y.year !== i + 1) {
      const twice = y.year === i;
      throw new CvmError(
        'invalid-input',
        msg('finance.year', { account, year: twice ? y.year : i + 1, twice, years: sorted.length }),
      );
    }
    if (!(Number.isFinite(y.revenue) && Number.isFinite(y.costToServe) && Number.isFinite(y.claimsCost)))
      for (const key of ['revenue', 'costToServe', 'claimsCost'] as const)
        if (!Number.isFinite(y[key]))
          throw new CvmError(
            'invalid-input',
            msg('finance.not-number', { account, year: y.year, key, value: String(y[key]) }),
          );
  }
  return sorted;
}

function checkRate(rate: number, name: 'WACC' | 'discount rate'): void {
  if (!Number.isFinite(rate) || rate <= -1)
    throw new CvmError('invalid-input', msg('finance.rate', { name, rate }));
}

function checkProbability(p: number): void {
  if (!Number.isFinite(p) || p < 0 || p > 1)
    throw new CvmError('invalid-input', msg('finance.probability', { p }));
}

/** WACC inputs: costs as fractions; the capital mix as a debt share or as debt and equity amounts. */
export type WaccInput = { costOfDebt: number; costOfEquity: number; taxRate?: number } & (
  { debtShare: number } | { debt: number; equity: number }
);

/**
 * Weighted average cost of capital: kd × (1 − tax) × D/(D+E) + ke × E/(D+E). Without `taxRate` there is no
 * tax shield (the paper's definition).
 * @throws CvmError('invalid-input') for a share outside 0–1, negative amounts, zero capital, tax outside 0–1
 */
export function wacc(input: WaccInput): number {
  const tax = input.taxRate ?? 0;
  if (!(tax >= 0 && tax < 1)) throw new CvmError('invalid-input', msg('finance.tax', { tax }));
  let share: number;
  if ('debtShare' in input) {
    share = input.debtShare;
    if (!(share >= 0 && share <= 1))
      throw new CvmError('invalid-input', msg('finance.debt-share', { share }));
  } else {
    if (!(input.debt >= 0 && input.equity >= 0 && input.debt + input.equity > 0))
      throw new CvmError('invalid-input', msg('finance.capital', { debt: input.debt, equity: input.equity }));
    share = input.debt / (input.debt + input.equity);
  }
  return input.costOfDebt * (1 - tax) * share + input.costOfEquity * (1 - share);
}

/** Present values at `rate` of the revenue and of the costs (cost to serve + claims) of an account. */
export function presentValues(forecast: AccountForecast, rate: number): { revenue: number; costs: number } {
  checkRate(rate, 'discount rate');
  let revenue = 0;
  let costs = 0;
  let factor = 1;
  for (const y of orderedYears(forecast)) {
    factor /= 1 + rate;
    revenue += y.revenue * factor;
    costs += (y.costToServe + y.claimsCost) * factor;
  }
  return { revenue, costs };
}

/** CLV discounted at `rate`: Σₜ (revenueₜ − costToServeₜ − claimsCostₜ) / (1 + rate)ᵗ, t = 1…T. */
export function discountedClv(forecast: AccountForecast, rate: number): number {
  const pv = presentValues(forecast, rate);
  return pv.revenue - pv.costs;
}

/**
 * Probability-adjusted CLV (the paper's Table 5): Σₜ (p·revenueₜ − costToServeₜ − claimsCostₜ) / (1 + wacc)ᵗ.
 * Only revenue is scaled by p: the paper keeps costs to serve (spent to win the account back if lost) and
 * claims (incurred or not, often years later) unadjusted.
 */
export function probabilityAdjustedClv(forecast: AccountForecast, p: number, waccRate: number): number {
  checkProbability(p);
  const pv = presentValues(forecast, waccRate);
  return p * pv.revenue - pv.costs;
}

/**
 * Survival CLV, a compounding variant (not the paper's): Σₜ (pᵗ·revenueₜ − costToServeₜ − claimsCostₜ) /
 * (1 + wacc)ᵗ, i.e. year t's revenue needs the account to have renewed t times. Costs as in the paper.
 */
export function survivalClv(forecast: AccountForecast, p: number, waccRate: number): number {
  checkProbability(p);
  checkRate(waccRate, 'WACC');
  let total = 0;
  let factor = 1;
  let survival = 1;
  for (const y of orderedYears(forecast)) {
    factor /= 1 + waccRate;
    survival *= p;
    total += (survival * y.revenue - y.costToServe - y.claimsCost) * factor;
  }
  return total;
}

/**
 * Risk-adjusted discount rate (the paper's section 2.5): an account whose risk is x % above the portfolio
 * mean is discounted at a rate x % above WACC: wacc × accountRisk / portfolioMeanRisk. Risk is 1 − the
 * account's retention probability. Null when the portfolio mean risk is 0 (no account at risk: no scale).
 */
export function riskAdjustedRate(
  waccRate: number,
  accountRisk: number,
  portfolioMeanRisk: number,
): number | null {
  checkRate(waccRate, 'WACC');
  if (!(accountRisk >= 0 && accountRisk <= 1 && portfolioMeanRisk >= 0 && portfolioMeanRisk <= 1))
    throw new CvmError('invalid-input', msg('finance.risk', { risk: accountRisk, mean: portfolioMeanRisk }));
  return portfolioMeanRisk === 0 ? null : (waccRate * accountRisk) / portfolioMeanRisk;
}
