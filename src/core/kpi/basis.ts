/**
 * What every value report is computed on: an as-of day, a window length, and a value measure. The current
 * window (S12 for 12 months) is the `windowMonths` months ending on the as-of day, the previous window (F12)
 * the same length before it; both come from `windowBack`, so windows tile the calendar without gaps.
 *
 * Figures labelled "per year" stay per year whatever the window: a window of w months is scaled by 12 / w.
 */
import { windowBack, type IsoDay, type Window } from '../dates';

/**
 * A window length in whole calendar months, 1 to `MAX_WINDOW_MONTHS` (12 is the course's default; 3 and 1
 * the usual others; 6, 18 and 24 are fine). Retention over a window that is not 12 months is per window,
 * never annualised; durations are always shown in years.
 */
export type WindowMonths = number;

/** The longest window a report takes: ten years. */
export const MAX_WINDOW_MONTHS = 120;

/**
 * What makes a customer active: a purchase in the window (`orders`, non-contractual) or a contract in
 * force on the day (`contracts`: insurance, telco, energy; docs/metrics.md, "Contracts").
 */
export type ActivityBasis = 'orders' | 'contracts';

/** What ranks customers and what CLV is made of: net revenue (default) or margin. */
export type ValueMeasure = 'revenue' | 'margin';

/**
 * What ranks customers in the order-based tier reports (portfolio, flows, concentration): a measure summed
 * over the window, or `clv`, each customer's predicted CLV (BG/NBD + Gamma-Gamma fitted on the history up to
 * the window's end; docs/metrics.md, "Predicted CLV as the value basis").
 */
export type ValueBasis = ValueMeasure | 'clv';

/** The current and previous window of a report. */
export interface ReportWindows {
  asOf: IsoDay;
  windowMonths: WindowMonths;
  /** S12: asOf − w months < d ≤ asOf */
  current: Window;
  /** F12: the w months before `current` */
  previous: Window;
}

/** The current and previous windows of `windowMonths` months ending on `asOf`. */
export function reportWindows(asOf: IsoDay, windowMonths: WindowMonths): ReportWindows {
  return {
    asOf,
    windowMonths,
    current: windowBack(asOf, windowMonths, 0),
    previous: windowBack(asOf, windowMonths, 1),
  };
}

/** Factor turning a per-window figure into a per-year figure: 12 / windowMonths. */
export function perYear(windowMonths: WindowMonths): number {
  return 12 / windowMonths;
}

/** `numerator / denominator`, or null when the denominator is 0 (an undefined ratio, never NaN). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/**
 * Adds two money amounts that have at most two decimals (the store keeps money as DECIMAL(18,2)), rounding
 * the binary floating-point sum back to whole cents so that totals print as the exact decimal sums.
 */
export function addMoney(a: number, b: number): number {
  return Math.round((a + b) * 100) / 100;
}
