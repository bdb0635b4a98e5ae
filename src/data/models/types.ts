/**
 * The models port: per-customer purchase summaries for the buy-till-you-die models, computed in the
 * database from the transactions (docs/metrics.md, "Probabilistic CLV models").
 *
 * Definitions shared by every adapter:
 * - a **purchase** for the models is a transaction with amount ≥ 0 (a zero-value order still shows the
 *   customer is alive; a return, amount < 0, is not a purchase); purchases on the same day are merged into
 *   one purchase whose spend is their sum;
 * - customers are those with a purchase on or before the calibration end; per customer, with days counted
 *   from the first purchase day and divided by the days of the time unit (core `daysPerUnit`):
 *   `x` = purchase days after the first, `tx` = last purchase day − first, `T` = calibration end − first;
 * - `monetary` = mean spend of the x repeat purchase days (the first purchase is left out, as the
 *   Gamma-Gamma model wants), 0 when x = 0, in major currency units;
 * - `holdout` = purchase days in (calibration end, holdout end], 0 when no holdout end is given.
 */
import type { IsoDay } from '../../core/dates';
import type { CustomerSummary } from '../../core/models/summary';
import type { TimeUnit } from '../../core/models/time-unit';

/** Which transactions a summary covers and in what unit. */
export interface SummaryQuery {
  /** last day of the calibration period (inclusive) */
  calibrationEnd: IsoDay;
  timeUnit: TimeUnit;
  /** last day of the holdout period (inclusive, after `calibrationEnd`); absent: no holdout counts */
  holdoutEnd?: IsoDay | undefined;
}

/** One entry per customer, ordered by customer id; every array has `customerIds.length` entries. */
export interface CustomerSummaries {
  customerIds: string[];
  /** repeat purchase days in the calibration period */
  x: Float64Array;
  /** time of the last purchase since the first, in the time unit */
  tx: Float64Array;
  /** time from the first purchase to the calibration end, in the time unit */
  T: Float64Array;
  /** mean spend of the repeat purchase days, major currency units; 0 when x = 0 */
  monetary: Float64Array;
  /** purchase days in the holdout period */
  holdout: Float64Array;
}

export interface ModelsPort {
  /** Every customer's summary (for predictions, validation and the spend model). */
  customerSummaries(query: SummaryQuery): Promise<CustomerSummaries>;
  /**
   * The same summaries compressed in the database to distinct (x, tx, T) patterns with the number of
   * customers of each as weight (for fitting a purchase model), ordered by x, tx, T.
   */
  summaryPatterns(query: SummaryQuery): Promise<CustomerSummary>;
  /**
   * Repeat purchase days per calendar day, up to the holdout end (or the calibration end), of the customers
   * of the summary: every purchase day of a customer except their first, for the tracking curve.
   */
  repeatPurchasesByDay(query: SummaryQuery): Promise<DailyRepeats>;
}

/** Days with at least one repeat purchase, ascending, and how many repeat purchase days each holds. */
export interface DailyRepeats {
  days: IsoDay[];
  repeats: Float64Array;
}
