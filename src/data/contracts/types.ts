/**
 * The contracts port: the aggregates of the contractual reports (subscription portfolio, products per
 * customer, product-level churn), computed in the database from the `contracts` table, the invoices
 * (transactions) linked to them and the survey answers. Shared definitions (docs/metrics.md, "Contracts"):
 *
 * - a contract is **in force** on day d when `start_date ≤ d < end_date` (open-ended when `end_date` is
 *   empty); a customer is **active** on d with at least one contract in force, and **holds** a product
 *   line on d with at least one contract of that line in force (overlapping contracts of one line count
 *   once; a contract without a product line holds the line "" );
 * - **revenue** of a window is either the contracts' `annual_fee` pro rata (fee × w / 12 × days in force in
 *   the window / days of the window) or the invoices of the window linked to a contract (same customer,
 *   and same product line, an invoice or contract without one linking to every line of the customer);
 * - customers active on the as-of day are ranked by their current-window revenue and cut into tiers by
 *   the rule of `core/kpi/tiers.ts`; customers active on the previous day (the current window's exclusive
 *   start) are ranked by their previous-window revenue.
 */
import type { IsoDay, Window } from '../../core/dates';
import type { CohortCount } from '../../core/kpi/cohorts';
import type { CohortQuery, ConcentrationQuery, ConcentrationResult } from '../analytics/types';
import type { ContractMovementSums, ContractTierSums, ProductLineSums } from '../../core/kpi/contracts';
import type { Activity, FlowCell } from '../../core/kpi/flows';
import type { TrendCount } from '../../core/kpi/retention-trend';
import type { TenureBucket, TenureCount } from '../../core/kpi/tenure';
import type { Tier } from '../../core/kpi/tiers';

export type { ContractMovementSums, ContractTierSums, ProductLineSums };

/** Where contract revenue comes from. */
export type ContractRevenue = 'fees' | 'invoices';

/** The span of the contracts: earliest start, latest start or end, and what lies after `today`. */
export interface ContractDates {
  contracts: number;
  /** contracts with an `annual_fee` */
  withFee: number;
  first: IsoDay;
  /** the latest start or end date */
  last: IsoDay;
  /** the latest start or end date on or before `today` (`last` without a `today`) */
  lastUpToToday: IsoDay | null;
  /** contracts starting after `today` (0 without a `today`) */
  afterToday: number;
}

export interface ContractPortfolioQuery {
  /** the as-of day: holdings and activity "now" */
  asOf: IsoDay;
  /** the window ending on the as-of day; its exclusive start is the previous day of holdings */
  current: Window;
  /** the window before it (ranks the customers active on the previous day) */
  previous: Window;
  windowMonths: number;
  tiers: readonly Tier[];
  revenue: ContractRevenue;
  /** tenure groups by first contract start (retention by tenure); none when absent */
  tenureBuckets?: readonly TenureBucket[];
}

export interface ContractPortfolioResult {
  activeCurrent: number;
  activePrevious: number;
  cutoffsCurrent: number[];
  cutoffsPrevious: number[];
  /** index 0 = highest tier */
  current: ContractTierSums[];
  previous: ContractMovementSums[];
  lines: ProductLineSums[];
  /**
   * Flow cells between the tiers before and now, as the order-based flows have them: `purchases` counts
   * the product lines held (now for inflows, before for lost), margin is 0; won back = active now, not
   * before, with a contract that started by the previous day.
   */
  cells: FlowCell[];
  /** activity before of each tier before (customers, lines held, previous-window revenue) */
  previousTiers: Activity[];
  /** customers active before per tenure group (by first contract start) and of those active now */
  tenure: TenureCount[];
  /** invoices of the two windows linked to a contract, and those of the windows that are not (revenue invoices) */
  linkedInvoices: number;
  unlinkedInvoices: number;
  /** contracts in force on either day without an annual_fee (revenue fees) */
  contractsWithoutFee: number;
}

/** The customers active on the as-of day, valued by their current-window contract revenue. */
export interface ContractConcentrationQuery extends Omit<ConcentrationQuery, 'measure'> {
  asOf: IsoDay;
  /** the current window (ends on the as-of day) */
  window: Window;
  windowMonths: number;
  revenue: ContractRevenue;
}

/** One point of the contract-basis retention trend: the customers active on `previousDay` against `asOf`. */
export interface ContractTrendPoint {
  asOf: IsoDay;
  /** the current window's exclusive start: holdings "before" */
  previousDay: IsoDay;
  /** the window ending on the previous day: ranks the customers active then */
  previous: Window;
}

/** The retention trend on the contract basis with fees as revenue (as `contractPortfolio` per point). */
export interface ContractTrendQuery {
  points: readonly ContractTrendPoint[];
  windowMonths: number;
  tiers: readonly Tier[];
}

/** Acquisition cohorts on the contract basis: cohort = month of the customer's first contract start. */
export interface ContractCohortQuery extends CohortQuery {
  revenue: ContractRevenue;
}

export interface ContractsPort {
  /** The span of the contracts; null when there are none. */
  contractDates(today: IsoDay | null): Promise<ContractDates | null>;
  /** Tiers, holdings, movement and product lines of the contract customers between two days. */
  contractPortfolio(query: ContractPortfolioQuery): Promise<ContractPortfolioResult>;
  /**
   * Concentration on the contract basis: the customers active on the as-of day ranked by the revenue the
   * subscription report gives them (fees pro rata or linked invoices of the current window).
   */
  contractConcentration(query: ContractConcentrationQuery): Promise<ConcentrationResult>;
  /**
   * Customers with a contract in force on some day of each period since their first contract start, and
   * the revenue of the period (fees pro rata to the days in force, or the linked invoices), per cohort.
   */
  contractCohorts(query: ContractCohortQuery): Promise<CohortCount[]>;
  /**
   * Per point and tier on its previous day (fees as revenue, ranked as `contractPortfolio` ranks them): the
   * customers active on the previous day and how many of them are active on the point's as-of day, in one
   * pass over the contracts for up to 26 points; `point` is the index into `query.points`.
   */
  contractRetentionTrend(query: ContractTrendQuery): Promise<TrendCount[]>;
}
