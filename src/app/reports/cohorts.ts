/**
 * `report cohorts`: acquisition cohorts (quarter of first purchase by default) followed period by period,
 * periods as long as the report window: customers active, share of the cohort retained, revenue and revenue
 * retained against period 0. On the contract basis the cohort is the month of the customer's first contract
 * start and a customer is active in a period with a contract in force on some day of it; revenue is the
 * contracts' fees pro rata to the days in force, or the linked invoices (docs/metrics.md, "Cohorts").
 */
import type { IsoDay } from '../../core/dates';
import type { ActivityBasis, WindowMonths } from '../../core/kpi/basis';
import { buildCohortMatrix, firstCohortStart, type CohortRow, type CohortUnit } from '../../core/kpi/cohorts';
import type { AnalyticsPort } from '../../data/analytics/types';
import type { ContractsPort } from '../../data/contracts/types';
import { chooseActivity } from './activity';
import { missingAmountNotes, resolveAsOf } from './basis';
import { resolveContracts } from './contracts';
import type { CohortInput } from '../options/report';
import { msg, type Message } from '../../core/messages/catalogue';

export interface CohortReport {
  /** orders (a purchase in the period) or contracts (a contract in force on a day of it) */
  basis: ActivityBasis;
  asOf: IsoDay;
  /** period length in months (the report window) */
  periodMonths: WindowMonths;
  cohort: CohortUnit;
  cohorts: CohortRow[];
  notes: Message[];
}

export async function cohortReport(
  analytics: AnalyticsPort,
  input: CohortInput,
  contracts?: ContractsPort,
): Promise<CohortReport> {
  const { windowMonths: periodMonths, cohort: unit, years } = input;
  const chosen = await chooseActivity(analytics, contracts, input.basis);
  if (chosen.activity === 'contracts' && contracts !== undefined) {
    const r = await resolveContracts(contracts, { ...input, revenue: undefined });
    const asOf = r.asOf;
    const counts = await contracts.contractCohorts({
      asOf,
      unit,
      periodMonths,
      firstCohort: firstCohortStart(asOf, unit, years),
      revenue: r.revenue,
    });
    const cohorts = buildCohortMatrix(counts, unit, periodMonths, asOf);
    const notes = [
      msg('cohorts.contracts-basis', { revenue: r.revenue }),
      ...r.notes.filter((n) => n.key !== 'contracts.before-first'),
      msg('cohorts.contract-periods'),
    ];
    if (cohorts.length === 0) notes.push(msg('cohorts.none-contracts', { years, asOf }));
    return { basis: 'contracts', asOf, periodMonths, cohort: unit, cohorts, notes };
  }
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
    ...chosen.notes,
    ...resolved.notes,
    ...missingAmountNotes(resolved.dates, 'activity'),
    msg('cohorts.periods'),
  ];
  if (cohorts.length === 0) notes.push(msg('cohorts.none', { years, asOf }));
  return { basis: 'orders', asOf, periodMonths, cohort: unit, cohorts, notes };
}
