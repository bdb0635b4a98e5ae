/**
 * `report cohorts`: acquisition cohorts (quarter of first purchase by default) followed period by period,
 * periods as long as the report window: customers active, share of the cohort retained, revenue and revenue
 * retained against period 0.
 */
import type { IsoDay } from '../../core/dates';
import { CvmError } from '../../core/errors';
import type { WindowMonths } from '../../core/kpi/basis';
import { buildCohortMatrix, firstCohortStart, type CohortRow, type CohortUnit } from '../../core/kpi/cohorts';
import type { AnalyticsPort } from '../../data/analytics/types';
import { resolveAsOf } from './basis';
import { parsePositiveInt, parseWindowMonths, type ReportOptions } from './options';

export interface CohortOptions extends Pick<ReportOptions, 'asOf' | 'window'> {
  /** "quarter" (default), "month" or "year" */
  cohort?: string | undefined;
  /** how many years of cohorts, back from the as-of day (default 3) */
  years?: string | undefined;
}

export interface CohortReport {
  asOf: IsoDay;
  /** period length in months (the report window) */
  periodMonths: WindowMonths;
  cohort: CohortUnit;
  cohorts: CohortRow[];
  notes: string[];
}

function parseUnit(text: string | undefined): CohortUnit {
  if (text === undefined) return 'quarter';
  const unit = text.trim().toLowerCase();
  if (unit === 'month' || unit === 'quarter' || unit === 'year') return unit;
  throw new CvmError(
    'usage',
    `--cohort: ${JSON.stringify(text)} is not a cohort unit (expected month, quarter or year)`,
  );
}

export async function cohortReport(analytics: AnalyticsPort, options: CohortOptions): Promise<CohortReport> {
  const periodMonths = parseWindowMonths(options.window);
  const unit = parseUnit(options.cohort);
  const years = parsePositiveInt('--years', options.years, 3);
  const asOf = await resolveAsOf(analytics, options.asOf);
  const counts = await analytics.cohortActivity({
    asOf,
    unit,
    periodMonths,
    firstCohort: firstCohortStart(asOf, unit, years),
  });
  const cohorts = buildCohortMatrix(counts, unit, periodMonths, asOf);
  const notes = [
    'periods count from each customer’s first-purchase month; periods not yet over for every member are left out',
  ];
  if (cohorts.length === 0) notes.push(`no customers acquired in the ${years} years up to ${asOf}`);
  return { asOf, periodMonths, cohort: unit, cohorts, notes };
}
