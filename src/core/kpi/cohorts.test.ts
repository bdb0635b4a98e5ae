import { describe, expect, it } from 'vitest';
import {
  buildCohortMatrix,
  cohortLabel,
  cohortStart,
  completePeriods,
  firstCohortStart,
  monthIndex,
} from './cohorts';

describe('acquisition cohorts', () => {
  it('keys and labels cohorts by month, quarter and year', () => {
    const march = monthIndex('2024-03-15');
    expect(march).toBe(2024 * 12 + 2);
    expect(cohortLabel(cohortStart(march, 'month'), 'month')).toBe('2024-03');
    expect(cohortLabel(cohortStart(march, 'quarter'), 'quarter')).toBe('2024-Q1');
    expect(cohortLabel(cohortStart(monthIndex('2024-12-01'), 'quarter'), 'quarter')).toBe('2024-Q4');
    expect(cohortLabel(cohortStart(march, 'year'), 'year')).toBe('2024');
  });

  it('counts only periods that are over for every member', () => {
    const q1 = monthIndex('2024-01-01');
    // 2024-Q1 members acquired up to March 2024; 12-month periods: March 2024 … February 2025 is period 0.
    expect(completePeriods(q1, 'quarter', 12, '2025-02-28')).toBe(1);
    expect(completePeriods(q1, 'quarter', 12, '2025-02-27')).toBe(0);
    expect(completePeriods(q1, 'quarter', 12, '2025-12-31')).toBe(1);
    expect(completePeriods(q1, 'quarter', 3, '2025-12-31')).toBe(7);
    expect(completePeriods(q1, 'month', 1, '2024-01-31')).toBe(1);
  });

  it('starts at the first whole cohort within the years asked for', () => {
    expect(cohortLabel(firstCohortStart('2025-12-31', 'quarter', 3), 'quarter')).toBe('2023-Q1');
    expect(cohortLabel(firstCohortStart('2025-11-15', 'quarter', 3), 'quarter')).toBe('2023-Q1');
    expect(cohortLabel(firstCohortStart('2025-11-15', 'month', 1), 'month')).toBe('2024-12');
  });

  it('builds the cohort × period matrix with customer and revenue retention', () => {
    const start = monthIndex('2024-01-01');
    const rows = buildCohortMatrix(
      [
        { cohort: start, period: 0, customers: 10, revenue: 1_000 },
        { cohort: start, period: 1, customers: 4, revenue: 600 },
        { cohort: start, period: 2, customers: 3, revenue: 900 },
        { cohort: start + 3, period: 0, customers: 5, revenue: 0 },
      ],
      'quarter',
      3,
      '2024-09-30',
    );
    expect(rows.map((r) => [r.cohort, r.customers, r.periods.length])).toEqual([
      ['2024-Q1', 10, 2],
      ['2024-Q2', 5, 1],
    ]);
    expect(rows[0]!.periods).toEqual([
      { period: 0, customers: 10, retention: 1, revenue: 1_000, revenueRetention: 1 },
      { period: 1, customers: 4, retention: 0.4, revenue: 600, revenueRetention: 0.6 },
    ]);
    expect(rows[1]!.periods[0]!.revenueRetention).toBeNull();
  });
});
