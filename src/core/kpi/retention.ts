/**
 * Retention, churn and duration of a group of customers between two consecutive windows (DOMAIN.md,
 * "Activity, retention, churn, duration"; seed 002, "Customer Retention rate and Customer Duration").
 *
 * The decision a reader needs: durations are in years whatever the window. With windows of w months the
 * observed window retention r_w is annualised as r = r_w^(12/w) (the survival of 12/w windows in a row),
 * churn = 1 − r and duration = 1 / churn. With 12-month windows r = r_w, which is the seed's rule.
 */
import type { WindowMonths } from './basis';

/** Retention figures of one group; rates are fractions (0.886 = 88.6 %), duration in years. */
export interface RetentionFigures {
  /** customers active in the previous window */
  previous: number;
  /** of those, customers active again in the current window */
  retained: number;
  /** previous − retained */
  lost: number;
  /** retained / previous; null when previous = 0 */
  windowRetention: number | null;
  /** annual retention, windowRetention^(12 / windowMonths); null when previous = 0 */
  retention: number | null;
  /** annual churn, 1 − retention; null when previous = 0 */
  churn: number | null;
  /** expected remaining lifetime in years, 1 / churn; null when previous = 0 or churn = 0 */
  duration: number | null;
}

/** Annual retention from a window retention: r_w^(12 / w). Identity for 12-month windows. */
export function annualRetention(windowRetention: number, windowMonths: WindowMonths): number {
  return windowMonths === 12 ? windowRetention : windowRetention ** (12 / windowMonths);
}

/** Duration in years, 1 / (1 − annual retention); null at zero churn (the lifetime is unbounded). */
export function durationYears(retention: number | null): number | null {
  if (retention === null) return null;
  const churn = 1 - retention;
  return churn > 0 ? 1 / churn : null;
}

/** Retention, churn and duration of a group with `previous` customers of whom `lost` were lost. */
export function retentionFigures(
  previous: number,
  lost: number,
  windowMonths: WindowMonths,
): RetentionFigures {
  const retained = previous - lost;
  if (previous === 0) {
    return {
      previous,
      retained,
      lost,
      windowRetention: null,
      retention: null,
      churn: null,
      duration: null,
    };
  }
  const windowRetention = retained / previous;
  const retention = annualRetention(windowRetention, windowMonths);
  return {
    previous,
    retained,
    lost,
    windowRetention,
    retention,
    churn: 1 - retention,
    duration: durationYears(retention),
  };
}

/**
 * Why a group's retention or duration is null, as a note naming `subject`; null when both are defined.
 * Used by every report so the reasons read the same everywhere.
 */
export function retentionNote(subject: string, figures: RetentionFigures): string | null {
  if (figures.previous === 0)
    return `${subject}: retention and duration undefined: no customers in the previous window`;
  if (figures.duration === null)
    return `${subject}: duration undefined: no customer was lost (zero churn), so the lifetime is unbounded`;
  return null;
}
