/**
 * The basis every value report starts from: the as-of day resolved and the two windows computed. The default as-of day is the latest order date in the store, so loaded historical data reports
 * sensibly; no report reads the clock.
 */
import type { IsoDay } from '../../core/dates';
import { CvmError } from '../../core/errors';
import { reportWindows, type ReportWindows, type ValueMeasure } from '../../core/kpi/basis';
import type { Tier } from '../../core/kpi/tiers';
import type { AnalyticsPort } from '../../data/analytics/types';
import type { ReportInput } from '../options/report';

export interface ReportBasis extends ReportWindows {
  measure: ValueMeasure;
  tiers: Tier[];
}

/** The as-of day: the one given, else the latest order date; an empty store needs one given. */
export async function resolveAsOf(
  analytics: Pick<AnalyticsPort, 'latestOrderDate'>,
  asOf: IsoDay | undefined,
): Promise<IsoDay> {
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

/** The note for transactions without margin when margin is the value measure; null otherwise. */
export function missingMarginNote(measure: ValueMeasure, missing: number): string | null {
  return measure === 'margin' && missing > 0
    ? `${missing} ${missing === 1 ? 'transaction in the windows has' : 'transactions in the windows have'} no margin; counted as margin 0`
    : null;
}
