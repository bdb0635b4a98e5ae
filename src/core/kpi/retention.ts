/**
 * Retention, churn and duration of a group of customers between two consecutive windows (docs/domain.md,
 * "Activity, retention, churn, duration"; seed 002, "Customer Retention rate and Customer Duration").
 *
 * The decision a reader needs: retention is what is observed from one window to the next
 * (docs/domain.md), so with windows of w months it is a per-window rate, never annualised — compounding
 * quarterly retention to a year would count every quiet quarter as a defection again and again. Churn =
 * 1 − retention; the expected lifetime is 1 / churn windows, reported in years as (1 / churn) × w / 12.
 * With 12-month windows this is the seed's rule exactly.
 */
import type { WindowMonths } from './basis';
import { msg, type Message } from '../messages/catalogue';

/** Retention figures of one group; rates are fractions per window (0.886 = 88.6 %), duration in years. */
export interface RetentionFigures {
  /** customers active in the previous window */
  previous: number;
  /** of those, customers active again in the current window */
  retained: number;
  /** previous − retained */
  lost: number;
  /** retained / previous, per window; null when previous = 0 */
  retention: number | null;
  /** 1 − retention, per window; null when previous = 0 */
  churn: number | null;
  /** expected remaining lifetime in years, (1 / churn) × windowMonths / 12; null when previous = 0 or churn = 0 */
  duration: number | null;
}

/**
 * Duration in years of a group with per-window `retention`: 1 / (1 − retention) windows of `windowMonths`
 * months (12 by default, the seed's 1 / churn years); null at zero churn (the lifetime is unbounded).
 */
export function durationYears(retention: number | null, windowMonths: WindowMonths = 12): number | null {
  if (retention === null) return null;
  const churn = 1 - retention;
  return churn > 0 ? windowMonths / 12 / churn : null;
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
      retention: null,
      churn: null,
      duration: null,
    };
  }
  const retention = retained / previous;
  return {
    previous,
    retained,
    lost,
    retention,
    churn: 1 - retention,
    duration: durationYears(retention, windowMonths),
  };
}

/**
 * Why a group's retention or duration is null, as a note naming `subject`; null when both are defined.
 * Used by every report so the reasons read the same everywhere.
 */
export function retentionNote(subject: string, figures: RetentionFigures): Message | null {
  if (figures.previous === 0) return msg('retention.no-previous', { subject });
  if (figures.duration === null) return msg('retention.no-churn', { subject });
  return null;
}
