/**
 * `report portfolio`: members, purchases, revenue, retention, duration, CLV, CLV index and value per
 * current-window tier, and the portfolio total (seed 002, "Customer portfolio value and CLV"). The store
 * returns the flow cells between the two windows' tiers; core turns them into the portfolio.
 */
import type { IsoDay, Window } from '../../core/dates';
import type { ActivityBasis, ValueBasis, WindowMonths } from '../../core/kpi/basis';
import {
  computePortfolio,
  portfolioInputFromFlows,
  type Portfolio,
  type PortfolioFigures,
} from '../../core/kpi/portfolio';
import type { AnalyticsPort } from '../../data/analytics/types';
import type { ModelsPort } from '../../data/models/types';
import type { ClvBasisJson } from './clv-basis';
import type { ContractsPort } from '../../data/contracts/types';
import { tierFlowsOn } from './activity';
import type { ReportBasis } from './basis';
import type { ReportInput } from '../options/report';
import type { Message } from '../../core/messages/catalogue';

/** Figures shared by a tier row and the total row. Money in major units, rates as fractions, years. */
export interface PortfolioRowJson {
  customers: number;
  purchases: number;
  revenue: number;
  /** only with value = margin */
  margin?: number;
  purchasesPerCustomer: number | null;
  revenuePerPurchase: number | null;
  /** per customer per year */
  revenuePerCustomer: number | null;
  /** only with value = margin: margin per customer per year, what CLV is made of */
  marginPerCustomer?: number | null;
  /** retention per window */
  retention: number | null;
  /** retention between the two windows as observed (equals retention for 12-month windows) */
  churn: number | null;
  /** years */
  duration: number | null;
  /** value revenue or margin: the course's CLV, per year × duration; value clv: the mean predicted CLV */
  clv: number | null;
  /** members × clv (value clv: the sum of the members' predicted CLVs) */
  value: number | null;
  /** customers in the previous window (of this tier, or all) and how many of them were lost */
  previousCustomers: number;
  lost: number;
}

export interface PortfolioReport {
  /** what made a customer active: orders in the window, or a contract in force on the day */
  basis: ActivityBasis;
  asOf: IsoDay;
  windowMonths: WindowMonths;
  value: ValueBasis;
  /** with value = clv: the CLV's model, horizon, discount rate, time unit and each window's fits */
  clv?: ClvBasisJson;
  windows: { current: Window; previous: Window };
  tiers: (PortfolioRowJson & { tier: string; clvIndex: number | null })[];
  /**
   * All customers: `clv` treats them as one group (value per customer × the total's duration), as the seed's
   * total row does, so members × clv is not the portfolio value; `meanClv` = portfolio value / members is.
   */
  total: PortfolioRowJson & { meanClv: number | null };
  notes: Message[];
}

function rowJson(
  f: PortfolioFigures & { value: number | null },
  measure: ValueBasis,
  clvIndex?: number | null,
): PortfolioRowJson & { clvIndex?: number | null } {
  return {
    customers: f.customers,
    purchases: f.purchases,
    revenue: f.revenue,
    ...(measure === 'margin' ? { margin: f.margin } : {}),
    purchasesPerCustomer: f.purchasesPerCustomer,
    revenuePerPurchase: f.revenuePerPurchase,
    revenuePerCustomer: f.revenuePerCustomer,
    ...(measure === 'margin' ? { marginPerCustomer: f.valuePerCustomer } : {}),
    retention: f.retention,
    churn: f.churn,
    duration: f.duration,
    clv: f.clv,
    ...(clvIndex !== undefined ? { clvIndex } : {}),
    value: f.value,
    previousCustomers: f.previous,
    lost: f.lost,
  };
}

/** The portfolio computed from the store, with the basis it was computed on and the notes. */
export async function computeStorePortfolio(
  analytics: AnalyticsPort,
  input: ReportInput,
  contracts?: ContractsPort,
  models?: ModelsPort,
): Promise<{
  activity: ActivityBasis;
  basis: ReportBasis;
  /** revenue, margin or clv */
  measure: ValueBasis;
  clv: ClvBasisJson | null;
  portfolio: Portfolio;
  notes: Message[];
}> {
  const on = await tierFlowsOn(analytics, contracts, input, { distinguishWonBack: false, models });
  const { basis, flows } = on;
  const measure = on.clv === null ? basis.measure : 'clv';
  const portfolio = computePortfolio(
    portfolioInputFromFlows(flows.cells, {
      windowMonths: basis.windowMonths,
      measure,
      tierNames: basis.tiers.map((t) => t.name),
    }),
  );
  return {
    activity: on.activity,
    basis,
    measure,
    clv: on.clv,
    portfolio,
    notes: [...on.notes, ...portfolio.notes],
  };
}

export async function portfolioReport(
  analytics: AnalyticsPort,
  input: ReportInput,
  contracts?: ContractsPort,
  models?: ModelsPort,
): Promise<PortfolioReport> {
  const { activity, basis, measure, clv, portfolio, notes } = await computeStorePortfolio(
    analytics,
    input,
    contracts,
    models,
  );
  return {
    basis: activity,
    asOf: basis.asOf,
    windowMonths: basis.windowMonths,
    value: measure,
    ...(clv === null ? {} : { clv }),
    windows: { current: basis.current, previous: basis.previous },
    tiers: portfolio.tiers.map((t) => ({
      tier: t.tier,
      ...rowJson(t, measure, t.clvIndex),
      clvIndex: t.clvIndex,
    })),
    total: {
      ...rowJson(portfolio.total, measure),
      meanClv:
        portfolio.total.value === null || portfolio.total.customers === 0
          ? null
          : portfolio.total.value / portfolio.total.customers,
    },
    notes,
  };
}
