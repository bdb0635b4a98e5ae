/**
 * The complaints KPIs of a period as of an instant (docs/domain.md, "Service and satisfaction KPIs"; seed 001):
 * count and rates, resolution and first-response times, share within target, backlog, monthly trend,
 * causes, repeat complainants, outcomes and satisfaction after resolution.
 *
 * Decisions a reader needs:
 * - The period holds the complaints **opened** in [fromMs, asOfMs), as the store's SQL counts them; without `fromMs`, all opened before asOfMs.
 *   Each is judged as of asOfMs (complaint-state.ts): resolved at or after asOfMs means open.
 * - The **backlog** is a stock, not a flow: every complaint opened by asOfMs and open at it, whatever
 *   period it was opened in, with its age (asOfMs − opened) median and maximum.
 * - Time figures use the type-7 percentile (kpi/stats.ts): median, mean and 90th percentile, in calendar
 *   hours, or business hours when a calendar is given.
 * - Rates are per 1 000 active customers and per 1 000 orders of the same period, given by the caller;
 *   null when that denominator is missing or 0.
 */
import { mean, median, quantile, quantileOfSorted, sortedValues } from '../kpi/stats';
import type { BusinessCalendar } from './business-hours';
import {
  outcomes,
  rankCauses,
  repeatComplainants,
  satisfactionAfterResolution,
  type CauseRow,
  type Outcomes,
  type RepeatComplainants,
} from './complaint-causes';
import { judgeComplaint, type ComplaintRecord, type JudgedComplaint } from './complaint-state';
import { complaintTrend, type ComplaintMonth } from './complaint-trend';
import type { ResolutionTargets } from './resolution-target';
import { msg, type Message } from '../messages/catalogue';

/** What the complaints KPIs are computed on. Instants are epoch milliseconds. */
export interface ComplaintOptions {
  asOfMs: number;
  /** exclusive start of the period; default: no start */
  fromMs?: number;
  activeCustomers?: number | null;
  orders?: number | null;
  targets?: ResolutionTargets;
  /** business hours instead of calendar hours */
  businessCalendar?: BusinessCalendar;
  /** zone of the monthly buckets; default the business calendar's, else UTC */
  timeZone?: string;
}

/** Median, mean and 90th percentile (type 7) of durations in hours; null figures when n = 0. */
export interface HourStats {
  n: number;
  median: number | null;
  mean: number | null;
  p90: number | null;
}

/** All complaints KPIs of a period; shares are fractions, hours on `clock`. */
export interface ComplaintSummary {
  clock: 'calendar' | 'business';
  /** complaints opened in the period */
  complaints: number;
  perThousandCustomers: number | null;
  perThousandOrders: number | null;
  /** of the period's complaints: resolved and open at the as-of instant */
  resolved: number;
  open: number;
  resolutionHours: HourStats;
  /** time to first response; `awaiting` = no response by the as-of instant */
  firstResponseHours: HourStats & { awaiting: number };
  /** resolved within their target / complaints of the period (open ones count as missed) */
  withinTarget: { within: number; share: number | null };
  backlog: { open: number; ageMedianHours: number | null; ageMaxHours: number | null };
  trend: ComplaintMonth[];
  causes: CauseRow[];
  repeat: RepeatComplainants;
  outcomes: Outcomes;
  /** mean 1–5 satisfaction of the period's resolved complaints that carry one */
  satisfaction: { n: number; mean: number | null };
  notes: Message[];
}

/** Summary statistics of hours; null figures without values. The list is sorted once. */
export function hourStats(hours: ArrayLike<number>): HourStats {
  const sorted = sortedValues(hours);
  return {
    n: hours.length,
    median: quantileOfSorted(sorted, 0.5),
    mean: mean(hours),
    p90: quantileOfSorted(sorted, 0.9),
  };
}

/** The complaints KPIs of `records` for the period and instant in `options`. */
export function summariseComplaints(
  records: readonly ComplaintRecord[],
  options: ComplaintOptions,
): ComplaintSummary {
  const { asOfMs, fromMs, targets = {}, businessCalendar } = options;
  const clock = businessCalendar ?? 'calendar';
  const judged = records.flatMap((r) => judgeComplaint(r, asOfMs, targets, clock) ?? []);
  const period = judged.filter((j) => fromMs === undefined || j.record.openedAt >= fromMs);
  const resolved = period.filter((j) => j.state === 'resolved');
  const backlogAges = numbers(judged.filter((j) => j.state === 'open').map((j) => j.ageHours));
  const n = period.length;
  const within = period.filter((j) => j.withinTarget).length;
  const unmeasurable = period.filter((j) => j.unmeasurable).length;
  return {
    clock: businessCalendar ? 'business' : 'calendar',
    complaints: n,
    perThousandCustomers: perThousand(n, options.activeCustomers),
    perThousandOrders: perThousand(n, options.orders),
    resolved: resolved.length,
    open: n - resolved.length,
    resolutionHours: hourStats(numbers(resolved.map((j) => j.resolutionHours))),
    firstResponseHours: {
      ...hourStats(numbers(period.map((j) => j.firstResponseHours))),
      awaiting: period.filter((j) => j.record.firstResponseAt === null || j.record.firstResponseAt >= asOfMs)
        .length,
    },
    withinTarget: { within, share: n === 0 ? null : within / n },
    backlog: {
      open: backlogAges.length,
      ageMedianHours: median(backlogAges),
      ageMaxHours: quantile(backlogAges, 1),
    },
    trend: complaintTrend(period, options.timeZone ?? businessCalendar?.timeZone ?? 'UTC'),
    causes: rankCauses(period.map((j) => j.record)),
    repeat: repeatComplainants(period.map((j) => j.record)),
    outcomes: outcomes(period.map((j) => j.record)),
    satisfaction: satisfactionAfterResolution(resolved.map((j) => j.record)),
    notes: notes(n, unmeasurable),
  };
}

function perThousand(count: number, denominator: number | null | undefined): number | null {
  return denominator === null || denominator === undefined || denominator === 0
    ? null
    : (1000 * count) / denominator;
}

function numbers(values: readonly (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null);
}

function notes(n: number, unmeasurable: number): Message[] {
  const out: Message[] = [];
  if (n === 0) out.push(msg('service.no-complaints-period'));
  if (unmeasurable > 0) out.push(msg('service.before-opened', { count: unmeasurable }));
  return out;
}

export type { ComplaintRecord, JudgedComplaint };
