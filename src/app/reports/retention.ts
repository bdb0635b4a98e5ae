/**
 * `report retention`: retention, churn and duration overall and per previous-window tier at the as-of day,
 * the same as a trend over rolling windows (a point every `step` months back over `years` years), and by
 * tenure year (the first-two-years defection the seed stresses).
 */
import type { IsoDay } from '../../core/dates';
import { assert } from '../../core/errors';
import type { ValueMeasure, WindowMonths } from '../../core/kpi/basis';
import { retentionNote, type RetentionFigures } from '../../core/kpi/retention';
import { buildRetentionTrend, trendGrid, type RetentionTrendPoint } from '../../core/kpi/retention-trend';
import { buildTenureTable, tenureBuckets, type TenureRow } from '../../core/kpi/tenure';
import type { AnalyticsPort } from '../../data/analytics/types';
import type { RetentionInput } from '../options/report';
import { resolveBasis, type ReportBasis } from './basis';

/** Retention figures of a group: counts, rates as fractions (per window, as observed), duration in years. */
export type RetentionJson = RetentionFigures;

export interface RetentionPointJson {
  asOf: IsoDay;
  overall: RetentionJson;
  tiers: (RetentionJson & { tier: string })[];
}

export interface RetentionReport {
  asOf: IsoDay;
  windowMonths: WindowMonths;
  value: ValueMeasure;
  stepMonths: number;
  /** retention from the previous to the current window, overall and per previous-window tier */
  overall: RetentionJson;
  tiers: (RetentionJson & { tier: string })[];
  /** newest first; the first point is the as-of day */
  trend: RetentionPointJson[];
  tenure: { rows: TenureRow[]; earlyChurnRatio: number | null };
  notes: string[];
}

export const TENURE_GROUPS = 6;

/** The trend points only (the benchmark times this part on its own). */
export async function retentionTrend(
  analytics: AnalyticsPort,
  basis: ReportBasis,
  stepMonths: number,
  years: number,
): Promise<RetentionTrendPoint[]> {
  const count = Math.max(1, Math.floor((years * 12) / stepMonths));
  const grid = trendGrid(basis.asOf, basis.windowMonths, stepMonths, count);
  const counts = await analytics.retentionTrend({ grid, measure: basis.measure, tiers: basis.tiers });
  return buildRetentionTrend(grid, counts, basis.tiers.length, basis.windowMonths);
}

export async function retentionReport(
  analytics: AnalyticsPort,
  input: RetentionInput,
): Promise<RetentionReport> {
  const { stepMonths, years } = input;
  const basis = await resolveBasis(analytics, input, 'both', 'activity');
  const names = basis.tiers.map((t) => t.name);
  const trend = await retentionTrend(analytics, basis, stepMonths, years);
  const buckets = tenureBuckets(basis.current.startExclusive, TENURE_GROUPS);
  const tenureCounts = await analytics.tenureRetention({
    current: basis.current,
    previous: basis.previous,
    buckets,
  });
  const tenure = buildTenureTable(buckets, tenureCounts, basis.windowMonths);
  const points = trend.map((p) => ({
    asOf: p.asOf,
    overall: p.overall,
    tiers: p.tiers.map((t, i) => ({ tier: names[i] ?? '?', ...t })),
  }));
  const now = points[0];
  assert(now !== undefined, 'a trend has at least one point');
  const notes = [
    ...basis.coverage,
    ...[now.overall, ...now.tiers].flatMap((f, i) => {
      const note = retentionNote(i === 0 ? 'overall' : (names[i - 1] ?? '?'), f);
      return note ? [note] : [];
    }),
  ];
  if (tenure.earlyChurnRatio === null)
    notes.push('early-churn ratio undefined: no churn, or no customers, in the first two years or after');
  return {
    asOf: basis.asOf,
    windowMonths: basis.windowMonths,
    value: basis.measure,
    stepMonths,
    overall: now.overall,
    tiers: now.tiers,
    trend: points,
    tenure,
    notes,
  };
}
