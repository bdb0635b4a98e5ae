/**
 * The basis every value report starts from: options parsed, the as-of day resolved and the two windows
 * computed. The default as-of day is the latest order date in the store, so loaded historical data reports
 * sensibly; no report reads the clock.
 */
import type { IsoDay } from '../../core/dates';
import { CvmError } from '../../core/errors';
import { reportWindows, type ReportWindows, type ValueMeasure } from '../../core/kpi/basis';
import type { Tier } from '../../core/kpi/tiers';
import type { AnalyticsPort } from '../../data/analytics/types';
import { parseAsOf, parseTiers, parseValueMeasure, parseWindowMonths, type ReportOptions } from './options';

export interface ReportBasis extends ReportWindows {
  measure: ValueMeasure;
  tiers: Tier[];
}

/** The as-of day: the option when given, else the latest order date; an empty store needs `--as-of`. */
export async function resolveAsOf(analytics: AnalyticsPort, asOf: string | undefined): Promise<IsoDay> {
  const given = parseAsOf(asOf);
  if (given !== undefined) return given;
  const latest = await analytics.latestOrderDate();
  if (latest === null)
    throw new CvmError(
      'not-found',
      'no transactions in the store: import some (cvm import transactions FILE) or give --as-of YYYY-MM-DD',
    );
  return latest;
}

/** Parses the options (usage errors first, before any query) and resolves the as-of day. */
export async function resolveBasis(analytics: AnalyticsPort, options: ReportOptions): Promise<ReportBasis> {
  const windowMonths = parseWindowMonths(options.window);
  const measure = parseValueMeasure(options.value);
  const tiers = parseTiers(options.tiers);
  const asOf = await resolveAsOf(analytics, options.asOf);
  return { ...reportWindows(asOf, windowMonths), measure, tiers };
}

/** The note for transactions without margin when margin is the value measure; null otherwise. */
export function missingMarginNote(measure: ValueMeasure, missing: number): string | null {
  return measure === 'margin' && missing > 0
    ? `${missing} ${missing === 1 ? 'transaction in the windows has' : 'transactions in the windows have'} no margin; counted as margin 0`
    : null;
}
