/**
 * The per-customer state that customer strategy (segments, lifecycle phases, triggers, next best actions)
 * is computed from, as columns: one entry per customer with a purchase (amount ≥ 0) on or before the as-of
 * day. The store computes it in one pass (`StrategyPort.customerStates`); everything else is core.
 *
 * Days are **epoch days** (days since 1970-01-01, `toEpochDay`); a missing day is `NaN`. Windows are those of
 * the value reports: current (S12) = (asOf − w, asOf], previous (F12) = (asOf − 2w, asOf − w], earlier =
 * (asOf − 3w, asOf − 2w]. Values are the value measure (revenue or margin) summed over a window.
 */
import type { IsoDay, Window } from '../dates';
import type { ValueMeasure } from '../kpi/basis';

export interface CustomerStates {
  customerIds: string[];
  /** first purchase ever: the earlier of the first purchase in the log and `customers.acquired_on` */
  firstPurchase: Float64Array;
  /** last purchase on or before the as-of day / the previous window's end */
  lastPurchase: Float64Array;
  lastPurchasePrevious: Float64Array;
  /** purchases (transactions with amount ≥ 0; two orders on one day count twice) on or before the as-of day / the previous window's end */
  purchaseCount: Float64Array;
  purchaseCountPrevious: Float64Array;
  /** purchases (transactions with amount ≥ 0) per window */
  purchasesCurrent: Float64Array;
  purchasesPrevious: Float64Array;
  purchasesEarlier: Float64Array;
  /** value (the measure) per window, major currency units */
  valueCurrent: Float64Array;
  valuePrevious: Float64Array;
  valueEarlier: Float64Array;
  /** net revenue per window */
  revenueCurrent: Float64Array;
  revenuePrevious: Float64Array;
  /** complaints opened in the current / previous window */
  complaintsCurrent: Float64Array;
  complaintsPrevious: Float64Array;
  /** the day the last complaint was opened (on or before the as-of day) */
  lastComplaintOpened: Float64Array;
  /** the opening day of the oldest complaint still open at the end of the as-of day */
  openComplaintSince: Float64Array;
  /** the oldest complaint open at the end of the as-of day for longer than the target hours: its opening day */
  overdueComplaintSince: Float64Array;
  /** the last day a complaint was resolved later than the target hours after it was opened */
  lateResolvedDay: Float64Array;
  /** the latest NPS answer on or before the as-of day / the previous window's end: day and score 0–10 */
  npsDay: Float64Array;
  npsScore: Float64Array;
  npsDayPrevious: Float64Array;
  npsScorePrevious: Float64Array;
  /** the first invoice's issue day */
  firstInvoice: Float64Array;
  /** the earliest due day of the invoices due on or before the as-of day and not paid by then */
  unpaidDue: Float64Array;
  /** the amount of those invoices (0 without) */
  unpaidAmount: Float64Array;
}

/** What the store needs to compute the states. */
export interface CustomerStateQuery {
  asOf: IsoDay;
  /** S12, F12 and the window before it; `current.endInclusive` is the as-of day */
  current: Window;
  previous: Window;
  earlier: Window;
  measure: ValueMeasure;
  /** a complaint resolved more than this many hours after it was opened is late */
  complaintTargetHours: number;
}

/** The number of customers in `states`. */
export function stateCount(states: CustomerStates): number {
  return states.customerIds.length;
}

/**
 * Per customer of the states (same index): the retention probability of the key account linked to it
 * (`accounts.customer_id`) at its latest scorecard assessment on or before the as-of day and at the
 * assessment before that. NaN where the customer has no key account, or the account fewer assessments.
 */
export interface KeyAccountSignals {
  /** epoch day of the latest assessment */
  day: Float64Array;
  /** retention probability (a fraction) at the latest assessment and at the one before */
  latest: Float64Array;
  before: Float64Array;
}
