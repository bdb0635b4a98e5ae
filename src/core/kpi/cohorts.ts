/**
 * Acquisition cohorts: customers grouped by the month, quarter or year of their first purchase ever, and
 * followed period by period after it (periods as long as the report window).
 *
 * The decision a reader needs: periods count calendar months from each customer's own first-purchase month
 * (period p holds months m with ⌊(m − first month) / w⌋ = p), so every cohort member is active in period 0
 * and "share retained" starts at 100 %. A cohort's period is reported only when it has ended for every
 * member (its last month ends on or before the as-of day); later periods are left out.
 */
import { daysInMonth, type IsoDay } from '../dates';
import { ratio, type WindowMonths } from './basis';

/** What groups customers into cohorts: the month, quarter or year of their first purchase. */
export type CohortUnit = 'month' | 'quarter' | 'year';

/** Length of each cohort unit in months. */
export const COHORT_UNIT_MONTHS: Readonly<Record<CohortUnit, number>> = { month: 1, quarter: 3, year: 12 };

/** Month index of a day: year × 12 + month − 1 (2024-03-15 → 24 290). */
export function monthIndex(day: IsoDay): number {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return y * 12 + m - 1;
}

/** The month index a cohort starts at, for a first purchase in month index `month`. */
export function cohortStart(month: number, unit: CohortUnit): number {
  const size = COHORT_UNIT_MONTHS[unit];
  return month - (month % size);
}

/** A cohort's label: "2024" (year), "2024-Q1" (quarter), "2024-03" (month). */
export function cohortLabel(start: number, unit: CohortUnit): string {
  const year = Math.floor(start / 12);
  const month = (start % 12) + 1;
  if (unit === 'year') return String(year);
  if (unit === 'quarter') return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Number of complete periods of cohort `start`: periods whose last month, for its latest member, is over. */
export function completePeriods(
  start: number,
  unit: CohortUnit,
  windowMonths: WindowMonths,
  asOf: IsoDay,
): number {
  const lastMemberMonth = start + COHORT_UNIT_MONTHS[unit] - 1;
  const asOfMonth = monthIndex(asOf);
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  // Months wholly on or before the as-of day.
  const lastCompleteMonth = d === daysInMonth(y, m) ? asOfMonth : asOfMonth - 1;
  return Math.max(0, Math.floor((lastCompleteMonth - lastMemberMonth + 1) / windowMonths));
}

/** Store counts per cohort (its start month index) and period since acquisition. */
export interface CohortCount {
  cohort: number;
  period: number;
  /** customers with a purchase in the period */
  customers: number;
  /** net revenue of the cohort's customers in the period */
  revenue: number;
}

/** One cell of the cohort matrix; rates are fractions, revenue in major currency units. */
export interface CohortPeriod {
  period: number;
  customers: number;
  /** customers / cohort size */
  retention: number | null;
  revenue: number;
  /** revenue / revenue in period 0; null when period-0 revenue is not positive */
  revenueRetention: number | null;
}

/** One cohort and its complete periods. */
export interface CohortRow {
  cohort: string;
  /** customers acquired in the cohort */
  customers: number;
  periods: CohortPeriod[];
}

/** The cohort × period matrix from store counts (period 0 customers = cohort size). */
export function buildCohortMatrix(
  counts: readonly CohortCount[],
  unit: CohortUnit,
  windowMonths: WindowMonths,
  asOf: IsoDay,
): CohortRow[] {
  const starts = [...new Set(counts.map((c) => c.cohort))].sort((a, b) => a - b);
  return starts.map((start) => {
    const own = counts.filter((c) => c.cohort === start);
    const at = (p: number): CohortCount | undefined => own.find((c) => c.period === p);
    const size = at(0)?.customers ?? 0;
    const base = at(0)?.revenue ?? 0;
    const periods = Array.from({ length: completePeriods(start, unit, windowMonths, asOf) }, (_, p) => {
      const c = at(p);
      const revenue = c?.revenue ?? 0;
      return {
        period: p,
        customers: c?.customers ?? 0,
        retention: ratio(c?.customers ?? 0, size),
        revenue,
        revenueRetention: base > 0 ? revenue / base : null,
      };
    });
    return { cohort: cohortLabel(start, unit), customers: size, periods };
  });
}

/** Start month index of the earliest cohort that lies within the `years` years ending on `asOf`. */
export function firstCohortStart(asOf: IsoDay, unit: CohortUnit, years: number): number {
  const earliest = monthIndex(asOf) - 12 * years + 1;
  const start = cohortStart(earliest, unit);
  return start < earliest ? start + COHORT_UNIT_MONTHS[unit] : start;
}
