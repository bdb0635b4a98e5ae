/**
 * `report retention`: retention, churn and duration overall and per previous-window tier at the as-of day,
 * the same as a trend over rolling windows (a point every `step` months back over `years` years), and by
 * tenure year (the first-two-years defection the seed stresses).
 */
import type { IsoDay } from '../../core/dates';
import { assert } from '../../core/errors';
import {
  reportWindows,
  type ActivityBasis,
  type ValueMeasure,
  type WindowMonths,
} from '../../core/kpi/basis';
import { retentionNote, type RetentionFigures } from '../../core/kpi/retention';
import {
  buildRetentionTrend,
  trendGrid,
  type RetentionTrendPoint,
  type TrendCount,
} from '../../core/kpi/retention-trend';
import { buildTenureTable, tenureBuckets, type TenureRow } from '../../core/kpi/tenure';
import type { AnalyticsPort } from '../../data/analytics/types';
import type { ContractRevenue, ContractsPort } from '../../data/contracts/types';
import type { RetentionInput } from '../options/report';
import { chooseActivity, tierFlowsOn } from './activity';
import { resolveBasis, type ReportBasis } from './basis';
import { computeBasis } from './contracts';
import { msg, type Message } from '../../core/messages/catalogue';

/** Retention figures of a group: counts, rates as fractions (per window, as observed), duration in years. */
export type RetentionJson = RetentionFigures;

export interface RetentionPointJson {
  asOf: IsoDay;
  overall: RetentionJson;
  tiers: (RetentionJson & { tier: string })[];
}

export interface RetentionReport {
  /** what made a customer active: orders in the window, or a contract in force on the day */
  basis: ActivityBasis;
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
  notes: Message[];
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

/**
 * The contract-basis trend: retention from the previous day to the as-of day of every trend point, per
 * tier before. The first point's counts `first` already holds; with fees as revenue the store counts the
 * other points in one pass, with invoices it runs the contracts query once per point.
 */
async function contractTrend(
  contracts: ContractsPort,
  basis: ReportBasis,
  input: RetentionInput,
  revenue: ContractRevenue,
  first: TrendCount[],
): Promise<RetentionTrendPoint[]> {
  const count = Math.max(1, Math.floor((input.years * 12) / input.stepMonths));
  const grid = trendGrid(basis.asOf, basis.windowMonths, input.stepMonths, count);
  const counts: TrendCount[] = [...first];
  const firstStart = (await contracts.contractDates(null))?.first;
  // a point before the first contract has no customers: its retention stays undefined
  const later = grid.points
    .map((point, j) => ({ point, j }))
    .filter(({ point, j }) => j > 0 && firstStart !== undefined && point.asOf >= firstStart);
  if (revenue === 'fees') {
    const points = later.map(({ point }) => {
      const windows = reportWindows(point.asOf, basis.windowMonths);
      return { asOf: point.asOf, previousDay: windows.current.startExclusive, previous: windows.previous };
    });
    const rows = await contracts.contractRetentionTrend({
      points,
      windowMonths: basis.windowMonths,
      tiers: basis.tiers,
    });
    for (const r of rows) counts.push({ ...r, point: later[r.point]?.j ?? -1 });
  } else
    for (const { point, j } of later) {
      const run = await computeBasis(contracts, {
        asOf: point.asOf,
        windowMonths: basis.windowMonths,
        tiers: basis.tiers,
        revenue,
      });
      run.result.previous.forEach((p, tier) =>
        counts.push({ point: j, tier, previous: p.customers, retained: p.retained }),
      );
    }
  return buildRetentionTrend(grid, counts, basis.tiers.length, basis.windowMonths);
}

/** Retention, trend and tenure on orders or on contracts (`input.basis`, or the store's default). */
export async function retentionReport(
  analytics: AnalyticsPort,
  input: RetentionInput,
  contracts?: ContractsPort,
): Promise<RetentionReport> {
  const { stepMonths, years } = input;
  const chosen = await chooseActivity(analytics, contracts, input.basis);
  let basis: ReportBasis;
  let trend: RetentionTrendPoint[];
  let tenure: ReturnType<typeof buildTenureTable>;
  const activityNotes: Message[] = [];
  if (chosen.activity === 'contracts' && contracts) {
    let buckets: ReturnType<typeof tenureBuckets> = [];
    const on = await tierFlowsOn(
      analytics,
      contracts,
      { ...input, basis: 'contracts' },
      {
        distinguishWonBack: false,
        tenure: (start) => (buckets = tenureBuckets(start, TENURE_GROUPS)),
      },
    );
    basis = on.basis;
    activityNotes.push(...on.notes);
    const first = (on.contract?.result.previous ?? []).map((p, tier) => ({
      point: 0,
      tier,
      previous: p.customers,
      retained: p.retained,
    }));
    trend = await contractTrend(contracts, basis, input, on.contract?.basis.revenue ?? 'fees', first);
    tenure = buildTenureTable(buckets, on.contract?.result.tenure ?? [], basis.windowMonths);
  } else {
    basis = await resolveBasis(analytics, input, 'both', 'activity');
    activityNotes.push(...chosen.notes);
    trend = await retentionTrend(analytics, basis, stepMonths, years);
    const buckets = tenureBuckets(basis.current.startExclusive, TENURE_GROUPS);
    const tenureCounts = await analytics.tenureRetention({
      current: basis.current,
      previous: basis.previous,
      buckets,
    });
    tenure = buildTenureTable(buckets, tenureCounts, basis.windowMonths);
  }
  const names = basis.tiers.map((t) => t.name);
  const points = trend.map((p) => ({
    asOf: p.asOf,
    overall: p.overall,
    tiers: p.tiers.map((t, i) => ({ tier: names[i] ?? '?', ...t })),
  }));
  const now = points[0];
  assert(now !== undefined, 'a trend has at least one point');
  const notes = [
    ...activityNotes,
    ...basis.coverage,
    ...[now.overall, ...now.tiers].flatMap((f, i) => {
      const note = retentionNote(i === 0 ? 'overall' : (names[i - 1] ?? '?'), f);
      return note ? [note] : [];
    }),
  ];
  if (tenure.earlyChurnRatio === null) notes.push(msg('retention.early-churn-undefined'));
  return {
    basis: chosen.activity,
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
