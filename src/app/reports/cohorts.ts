/**
 * `report cohorts`: acquisition cohorts (quarter of first purchase by default) followed period by period,
 * periods as long as the report window: customers active, share of the cohort retained, revenue and revenue
 * retained against period 0.
 */
import type { IsoDay } from '../../core/dates';
import type { WindowMonths } from '../../core/kpi/basis';
import { buildCohortMatrix, firstCohortStart, type CohortRow, type CohortUnit } from '../../core/kpi/cohorts';
import type { AnalyticsPort } from '../../data/analytics/types';
import { missingAmountNotes, resolveAsOf } from './basis';
import type { CohortInput } from '../options/report';
import { msg, type Message } from '../../core/messages/catalogue';

export interface CohortReport {
  asOf: IsoDay;
  /** period length in months (the report window) */
  periodMonths: WindowMonths;
  cohort: CohortUnit;
  cohorts: CohortRow[];
  notes: Message[];
}

export async function cohortReport(analytics: AnalyticsPort, input: CohortInput): Promise<CohortReport> {
  const { windowMonths: periodMonths, cohort: unit, years } = input;
  const resolved = await resolveAsOf(analytics, input.asOf, input.today);
  const asOf = resolved.asOf;
  const counts = await analytics.cohortActivity({
    asOf,
    unit,
    periodMonths,
    firstCohort: firstCohortStart(asOf, unit, years),
  });
  const cohorts = buildCohortMatrix(counts, unit, periodMonths, asOf);
  const notes = [
    ...resolved.notes,
    ...missingAmountNotes(resolved.dates, 'activity'),
    msg('cohorts.periods'),
  ];
  if (cohorts.length === 0) notes.push(msg('cohorts.none', { years, asOf }));
  return { asOf, periodMonths, cohort: unit, cohorts, notes };
}
