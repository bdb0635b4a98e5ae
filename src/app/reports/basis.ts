/**
 * The basis every value report starts from: the as-of day resolved and the two windows computed. The default as-of day is the latest order date in the store, so loaded historical data reports
 * sensibly; no report reads the clock.
 */
import type { IsoDay } from '../../core/dates';
import { CvmError, invalidOption } from '../../core/errors';
import { reportWindows, type ReportWindows, type ValueMeasure } from '../../core/kpi/basis';
import type { Tier } from '../../core/kpi/tiers';
import type { AnalyticsPort } from '../../data/analytics/types';
import type { ReportInput } from '../options/report';

export interface ReportBasis extends ReportWindows {
  measure: ValueMeasure;
  tiers: Tier[];
}

/** The as-of day: the one given, else the latest order date; an empty store needs one given. */
export async function resolveAsOf(analytics: AnalyticsPort, asOf: IsoDay | undefined): Promise<IsoDay> {
  if (asOf !== undefined) return asOf;
  const latest = await analytics.latestOrderDate();
  if (latest === null)
    throw new CvmError(
      'not-found',
      'no transactions in the store: import some, or give an as-of day (YYYY-MM-DD)',
    );
  return latest;
}

/** Resolves the as-of day and computes the windows of a report. */
export async function resolveBasis(analytics: AnalyticsPort, input: ReportInput): Promise<ReportBasis> {
  const asOf = await resolveAsOf(analytics, input.asOf);
  return { ...reportWindows(asOf, input.windowMonths), measure: input.value, tiers: input.tiers };
}

/** Margin ranks nobody sensibly when it is missing on more than this share of the windows' transactions. */
export const MAX_MISSING_MARGIN_SHARE = 0.5;

/**
 * The note for transactions without margin when margin is the value measure; null otherwise. Refuses
 * (an option problem on `value`) when most transactions lack a margin: every customer would rank on 0.
 */
export function missingMarginNote(
  measure: ValueMeasure,
  missing: number,
  transactions: number,
): string | null {
  if (measure === 'margin' && transactions > 0 && missing / transactions > MAX_MISSING_MARGIN_SHARE)
    throw invalidOption(
      'value',
      measure,
      'revenue, or margin on transactions that have margins',
      `margin is missing on ${missing} of the ${transactions} transactions in the windows ` +
        `(${Math.round((100 * missing) / transactions)} %, more than ${100 * MAX_MISSING_MARGIN_SHARE} %); ` +
        'rank by revenue, or import the margins',
    );
  return measure === 'margin' && missing > 0
    ? `${missing} ${missing === 1 ? 'transaction in the windows has' : 'transactions in the windows have'} no margin; counted as margin 0`
    : null;
}
