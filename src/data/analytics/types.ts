/**
 * The analytics port: the aggregations that reports need, computed in the database. Every method scans the
 * transactions once or twice and returns compact aggregates (per tier × flow cell, per block, per cohort ×
 * period, per curve position), never one row per customer; the math on them lives in `core/kpi/`.
 *
 * Shared definitions (docs/metrics.md, "Definitions"):
 * - a **purchase** is a transaction with amount ≥ 0 (a free order counts, a return does not); a customer is **active** in a window with ≥ 1 purchase;
 * - **revenue** is the net sum of amounts (returns, negative amounts, included); **margin** the net sum of
 *   margins, a transaction without margin counting as 0 (and reported in `missingMargin`);
 * - the **value** that ranks customers is revenue or margin (`measure`), summed over the window, or each
 *   customer's own value staged with `stageValues` (predicted CLV);
 * - tiers are cut by the rule of `core/kpi/tiers.ts`: the adapter counts the active customers, asks core for
 *   the cut-offs and applies them to `RANK() OVER (ORDER BY value DESC)`.
 */
import type { IsoDay, Window } from '../../core/dates';
import type { ValueMeasure } from '../../core/kpi/basis';
import type { CohortCount, CohortUnit } from '../../core/kpi/cohorts';
import type { TierValueSums, ValueCurve } from '../../core/kpi/concentration';
import type { Activity, FlowCell } from '../../core/kpi/flows';
import type { LoyaltyDepthCustomerSums, LoyaltyDepthSums } from '../../core/kpi/loyalty-depth';
import type { JoinCell, JoinLeftOut, NaiveSums } from '../../core/kpi/programme';
import type { TrendCount, TrendGrid } from '../../core/kpi/retention-trend';
import type { TenureBucket, TenureCount } from '../../core/kpi/tenure';
import type { Tier } from '../../core/kpi/tiers';

/**
 * Each customer's own value for one window (e.g. the predicted CLV as of the window's end), to rank
 * customers by instead of a window sum of the transactions. Every value finite.
 */
export interface CustomerValues {
  customerIds: readonly string[];
  values: Float64Array;
}

/**
 * Customer values staged by `AnalyticsPort.stageValues` in a temporary table of the unit's connection,
 * which the tier SQL joins; `dropValues` removes it. Opaque to the app.
 */
export interface StagedValues {
  readonly table: string;
  /** rows staged */
  readonly customers: number;
}

/** Tiers of two consecutive windows and the flows between them. */
export interface TierFlowQuery {
  /** S12 */
  current: Window;
  /** F12 */
  previous: Window;
  measure: ValueMeasure;
  tiers: readonly Tier[];
  /**
   * Tell won-back customers (a purchase before the previous window) from new ones; default true. The
   * portfolio passes false: it never shows the difference, and the adapter then reads only the two windows
   * and reports every customer not active in the previous window as `new`.
   */
  distinguishWonBack?: boolean;
  /**
   * Rank each window's active customers by these staged values instead of `measure` (a customer active in
   * the window without a staged value ranks on 0); the cells then carry the values' sums in `valueSum`
   * (inflows the current window's, lost cells and the previous tiers the previous window's).
   */
  values?: { previous: StagedValues; current: StagedValues };
}

/** Flow cells, the cut-offs they were cut with and the previous-window tier totals. Money in major units. */
export interface TierFlowResult {
  /** customers active in the previous and the current window */
  activePrevious: number;
  activeCurrent: number;
  /** the tier cut-offs applied (core `tierCutoffs`) */
  cutoffsPrevious: number[];
  cutoffsCurrent: number[];
  /** every non-empty flow cell; inflows carry current-window activity, lost cells previous-window activity */
  cells: FlowCell[];
  /** previous-window activity of each previous tier (the seed's F12 table), index 0 = highest tier */
  previousTiers: Activity[];
  /** transactions in the two windows without a margin, of all transactions there (customers with a purchase) */
  missingMargin: number;
  transactions: number;
  /**
   * customers with transactions in the window but no purchase (only returns, negative amounts): not
   * active, so in no tier; counted so that a report can say whom it leaves out
   */
  returnsOnly: { previous: number; current: number };
}

/** One window ranked and cut into tiers (e.g. deciles), with the value curve for concentration. */
export interface ConcentrationQuery {
  window: Window;
  measure: ValueMeasure;
  tiers: readonly Tier[];
  /** Lorenz curve samples (core `lorenzPositions`) */
  lorenzPoints: number;
  /** the x of "top x %" shares wanted (core `topCount`) */
  topPercents: readonly number[];
  /** rank by these staged values instead of `measure` (missing values rank on 0); the tiers' `value` sums them */
  values?: StagedValues;
}

/** The value curve (core `ValueCurve`) and per-tier sums of one window. */
export interface ConcentrationResult {
  curve: ValueCurve;
  /** per tier: customers, revenue, value, min and max customer value */
  tiers: TierValueSums[];
  /** transactions in the window without a margin, of all transactions there (customers with a purchase) */
  missingMargin: number;
  transactions: number;
}

/** Retention at every point of a trend grid, per tier of the point's previous window. */
export interface RetentionTrendQuery {
  grid: TrendGrid;
  measure: ValueMeasure;
  tiers: readonly Tier[];
}

/** Customers active in `previous`, grouped by first-purchase date, and how many are active in `current`. */
export interface TenureQuery {
  current: Window;
  previous: Window;
  buckets: readonly TenureBucket[];
}

/** Activity of acquisition cohorts per period since acquisition, up to `asOf`. */
export interface CohortQuery {
  asOf: IsoDay;
  unit: CohortUnit;
  /** period length in months */
  periodMonths: number;
  /** month index (core `monthIndex`) of the earliest cohort to include */
  firstCohort: number;
}

/** The customers active in one window ranked into tiers, with their loyalty dimensions. */
export interface LoyaltyDepthQuery {
  window: Window;
  /** the window's length: revenue per year for the share of wallet */
  windowMonths: number;
  measure: ValueMeasure;
  tiers: readonly Tier[];
  /** the per-customer list: the `customers` most valuable (ties by id), null = all; absent or 0 = none */
  customers?: number | null;
}

/** Per tier (index 0 = highest), the sums of core `loyaltyDepth`. */
export interface LoyaltyDepthResult {
  tiers: LoyaltyDepthSums[];
  /** the customers asked for, by rank then customer id */
  customers: LoyaltyDepthCustomerSums[];
  /** transactions in the window without a margin, of all transactions there (customers with a purchase) */
  missingMargin: number;
  transactions: number;
}

/** The loyalty-programme effect (core `programmeEffect`): members and non-members as of a day, and joiners. */
export interface ProgrammeQuery {
  asOf: IsoDay;
  /** S12 and F12 of the naive comparison */
  current: Window;
  previous: Window;
  /** the window length w: the windows before and after each month of joining (core `joinWindows`) */
  windowMonths: number;
  measure: ValueMeasure;
  tiers: readonly Tier[];
}

export interface ProgrammeResult {
  naive: NaiveSums;
  /** per month of joining × before-window tier × tenure band × side; only months whose after window has ended */
  cells: JoinCell[];
  leftOut: JoinLeftOut;
  /** customers with member_since on or before the as-of day, and after it */
  members: number;
  joinedAfterAsOf: number;
  /** transactions in the two windows without a margin, of all transactions there */
  missingMargin: number;
  transactions: number;
}

/** The span of the transaction log, and what lies after a given day. */
export interface OrderDates {
  first: IsoDay;
  last: IsoDay;
  /** the latest order date on or before `today`; null when every order is later (or no `today` given: `last`) */
  lastUpToToday: IsoDay | null;
  /** transactions dated after `today` (0 without a `today`) */
  afterToday: number;
  /** transactions in the store, and those of them without an amount */
  transactions: number;
  withoutAmount: number;
}

/** The aggregations reports need; one implementation per backend. */
export interface AnalyticsPort {
  /** The latest order date in the store; null when there are no transactions. */
  latestOrderDate(): Promise<IsoDay | null>;
  /** The first and last order dates, and the orders after `today` when given; null without transactions. */
  orderDates(today: IsoDay | null): Promise<OrderDates | null>;
  /** Flow cells between the tiers of two windows (flows and portfolio reports). */
  tierFlows(query: TierFlowQuery): Promise<TierFlowResult>;
  /** Lorenz curve sums and tier (decile) sums of one window. */
  concentration(query: ConcentrationQuery): Promise<ConcentrationResult>;
  /** Previous-window customers and retained customers per trend point and tier. */
  retentionTrend(query: RetentionTrendQuery): Promise<TrendCount[]>;
  /** Previous-window customers and retained customers per tenure group. */
  tenureRetention(query: TenureQuery): Promise<TenureCount[]>;
  /** Active customers and revenue per cohort and period since acquisition. */
  cohortActivity(query: CohortQuery): Promise<CohortCount[]>;
  /** Tenure, frequency, volume, depth and share of wallet per tier of one window. */
  loyaltyDepth(query: LoyaltyDepthQuery): Promise<LoyaltyDepthResult>;
  /** Members against non-members, and members before and after joining against matched non-members. */
  programme(query: ProgrammeQuery): Promise<ProgrammeResult>;
  /**
   * Stages (customer id, value) rows in a temporary table of this unit's connection for `tierFlows` and
   * `concentration` to rank by; refuses a non-finite value or a customer id given twice.
   */
  stageValues(values: CustomerValues): Promise<StagedValues>;
  /** Drops a table `stageValues` made (nothing when it is gone already). */
  dropValues(staged: StagedValues): Promise<void>;
}
