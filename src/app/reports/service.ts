/**
 * `report service`: the complaints KPIs of a window as of the end of the as-of day (DOMAIN.md, "Service and
 * satisfaction KPIs"; docs/metrics.md, "Complaints"). The store judges every complaint at the as-of instant
 * and returns counts and sorted durations; core computes the percentiles, the share within target, the
 * Pareto table, repeat complainants and outcome shares.
 *
 * The decision a reader needs: the window's days `(asOf − w months, asOf]` are cut in the report's time
 * zone, so the as-of instant is midnight ending the as-of day there. The trend lists every month of the
 * window (in that zone), empty months included.
 */
import { addDays, addMonths, type IsoDay, type Window } from '../../core/dates';
import { reportWindows, type WindowMonths } from '../../core/kpi/basis';
import { median, quantile } from '../../core/kpi/stats';
import {
  outcomeShares,
  rankCauseCounts,
  repeatFromHistogram,
  type CauseRow,
  type Outcomes,
  type RepeatComplainants,
} from '../../core/service/complaint-causes';
import type { ComplaintMonth } from '../../core/service/complaint-trend';
import { hourStats } from '../../core/service/complaints';
import { complainantRetention, type ComplainantRetention } from '../../core/service/complainant-retention';
import { countWithinTarget, withinTargetShare } from '../../core/service/resolution-target';
import { zonedInstant } from '../../core/service/time-zone';
import type { ServicePort } from '../../data/service/types';
import type { ServiceInput } from '../options/service';
import { latestAsOf } from './basis';
import { msg, type Message } from '../../core/messages/catalogue';

export interface ServiceReport {
  asOf: IsoDay;
  windowMonths: WindowMonths;
  window: Window;
  timeZone: string;
  /** the as-of instant (end of the as-of day in `timeZone`), ISO UTC */
  asOfInstant: string;
  targetHours: number;
  /** complaints opened in the window */
  complaints: number;
  /** of those, resolved by the as-of instant, and open at it */
  resolved: number;
  open: number;
  /** active customers and purchases in the window: the rates' denominators */
  activeCustomers: number;
  orders: number;
  ratePer1000Customers: number | null;
  ratePer1000Orders: number | null;
  /** resolution time of the window's resolved complaints, calendar hours (type-7 percentiles) */
  medianResolutionHours: number | null;
  meanResolutionHours: number | null;
  p90ResolutionHours: number | null;
  /** resolved within `targetHours` (inclusive) / complaints; open ones count as missed */
  resolvedWithinTarget: number | null;
  withinTarget: number;
  firstResponse: {
    n: number;
    medianHours: number | null;
    meanHours: number | null;
    p90Hours: number | null;
    /** no first response by the as-of instant */
    awaiting: number;
  };
  /** every complaint open at the as-of instant, whenever it was opened, and its age in hours */
  openBacklog: { open: number; ageMedianHours: number | null; ageMaxHours: number | null };
  causes: CauseRow[];
  trend: ComplaintMonth[];
  repeat: RepeatComplainants;
  outcomes: Outcomes;
  /** mean 1–5 satisfaction of the resolved complaints that carry one */
  satisfactionAfterResolution: { n: number; mean: number | null };
  /** per value tier, and complainants' retention; null unless tiers were asked for */
  byTier: ServiceByTier | null;
  notes: Message[];
}

/** The complaints KPIs of one current-window value tier (or of complainants not active in the window). */
export interface ServiceTierRow {
  tier: string;
  /** active customers of the tier; null for the complainants not active in the window */
  customers: number | null;
  complainants: number;
  complaints: number;
  ratePer1000Customers: number | null;
  medianResolutionHours: number | null;
  resolvedWithinTarget: number | null;
  satisfactionAfterResolution: number | null;
}

export interface ServiceByTier {
  tiers: ServiceTierRow[];
  /** of the previous window's active customers, per previous-window tier: complainants against the others */
  retention: {
    previous: Window;
    tiers: (ComplainantRetention & { tier: string })[];
    total: ComplainantRetention;
  };
}

/** The name of the row of complainants who bought nothing in the window. */
export const NOT_ACTIVE_TIER = 'not active';

/** The instant at which local day `day` starts in `timeZone`, epoch ms. */
function dayStart(day: IsoDay, timeZone: string): number {
  return zonedInstant(day, 0, timeZone);
}

/** The months of `window` in `timeZone`: "YYYY-MM" and the instant each starts (the first: the window's). */
export function windowMonthsOf(window: Window, timeZone: string): { month: string; startMs: number }[] {
  const first = addDays(window.startExclusive, 1);
  const out = [{ month: first.slice(0, 7), startMs: dayStart(first, timeZone) }];
  for (let day = addMonths(`${first.slice(0, 7)}-01`, 1); day <= window.endInclusive; day = addMonths(day, 1))
    out.push({ month: day.slice(0, 7), startMs: dayStart(day, timeZone) });
  return out;
}

function perThousand(count: number, denominator: number): number | null {
  return denominator === 0 ? null : (1000 * count) / denominator;
}

export async function serviceReport(service: ServicePort, input: ServiceInput): Promise<ServiceReport> {
  const { asOf, notes: asOfNotes } = await latestAsOf(service, input.asOf, input.today);
  const { current: window } = reportWindows(asOf, input.windowMonths);
  const { timeZone, targetHours } = input;
  const months = windowMonthsOf(window, timeZone);
  const asOfMs = dayStart(addDays(asOf, 1), timeZone);
  const p = await service.complaints({
    fromMs: months[0]!.startMs,
    asOfMs,
    bucketStartsMs: months.map((m) => m.startMs),
  });
  const activity = await service.activity(window);
  const resolution = hourStats(p.resolutionHours);
  const response = hourStats(p.firstResponseHours);
  const backlog = p.backlogAgeHours;
  let offset = 0;
  const trend = months.map(({ month }, k): ComplaintMonth => {
    const b = p.buckets[k] ?? { opened: 0, resolved: 0, measured: 0 };
    const hours = p.resolutionHours.subarray(offset, offset + b.measured);
    offset += b.measured;
    return {
      month,
      opened: b.opened,
      resolved: b.resolved,
      medianResolutionHours: median(hours),
      withinTargetShare: withinTargetShare(hours, b.opened, targetHours),
    };
  });
  const satisfaction = p.satisfaction;
  const byTier =
    input.tiers === undefined
      ? null
      : await serviceByTier(service, input, asOf, { fromMs: months[0]!.startMs, asOfMs });
  return {
    asOf,
    windowMonths: input.windowMonths,
    window,
    timeZone,
    asOfInstant: new Date(asOfMs).toISOString(),
    targetHours,
    complaints: p.complaints,
    resolved: p.resolved,
    open: p.complaints - p.resolved,
    activeCustomers: activity.activeCustomers,
    orders: activity.orders,
    ratePer1000Customers: perThousand(p.complaints, activity.activeCustomers),
    ratePer1000Orders: perThousand(p.complaints, activity.orders),
    medianResolutionHours: resolution.median,
    meanResolutionHours: resolution.mean,
    p90ResolutionHours: resolution.p90,
    resolvedWithinTarget: withinTargetShare(p.resolutionHours, p.complaints, targetHours),
    withinTarget: countWithinTarget(p.resolutionHours, targetHours),
    firstResponse: {
      n: response.n,
      medianHours: response.median,
      meanHours: response.mean,
      p90Hours: response.p90,
      awaiting: p.awaitingResponse,
    },
    openBacklog: {
      open: backlog.length,
      ageMedianHours: median(backlog),
      ageMaxHours: quantile(backlog, 1),
    },
    causes: rankCauseCounts(p.causes),
    trend,
    repeat: repeatFromHistogram(p.complaintsPerCustomer),
    outcomes: outcomeShares(p.outcomes),
    satisfactionAfterResolution: {
      n: satisfaction.n,
      mean: satisfaction.n === 0 ? null : satisfaction.sum / satisfaction.n,
    },
    byTier,
    notes: [
      ...asOfNotes,
      ...serviceNotes(p.complaints, p.unmeasurableResolutions + p.unmeasurableResponses, activity),
    ],
  };
}

function serviceNotes(
  complaints: number,
  unmeasurable: number,
  activity: { activeCustomers: number; orders: number },
): Message[] {
  const out: Message[] = [];
  if (complaints === 0) out.push(msg('service.no-complaints'));
  if (activity.activeCustomers === 0) out.push(msg('service.no-active'));
  if (unmeasurable > 0) out.push(msg('service.stamped-before', { count: unmeasurable }));
  return out;
}

/** The per-tier figures and the complainants' retention (`input.tiers` given). */
async function serviceByTier(
  service: ServicePort,
  input: ServiceInput,
  asOf: IsoDay,
  currentPeriod: { fromMs: number; asOfMs: number },
): Promise<ServiceByTier> {
  const tiers = input.tiers ?? [];
  const { current, previous } = reportWindows(asOf, input.windowMonths);
  const previousPeriod = {
    fromMs: dayStart(addDays(previous.startExclusive, 1), input.timeZone),
    asOfMs: currentPeriod.fromMs,
  };
  const r = await service.complaintsByTier({
    current,
    previous,
    tiers,
    currentPeriod,
    previousPeriod,
    targetHours: input.targetHours,
  });
  let offset = 0;
  const rows = r.tiers.map((t, i): ServiceTierRow => {
    const hours = r.resolutionHours.subarray(offset, offset + t.measured);
    offset += t.measured;
    const active = i < tiers.length;
    return {
      tier: active ? tiers[i]!.name : NOT_ACTIVE_TIER,
      customers: active ? t.customers : null,
      complainants: t.complainants,
      complaints: t.complaints,
      ratePer1000Customers: active && t.customers > 0 ? (1000 * t.complaints) / t.customers : null,
      medianResolutionHours: median(hours),
      resolvedWithinTarget: t.complaints === 0 ? null : t.withinTarget / t.complaints,
      satisfactionAfterResolution: t.satisfactionN === 0 ? null : t.satisfactionSum / t.satisfactionN,
    };
  });
  const retention = complainantRetention(r.retention, tiers.length);
  return {
    tiers: rows,
    retention: {
      previous,
      tiers: retention.tiers.map((t, i) => ({ tier: tiers[i]!.name, ...t })),
      total: retention.total,
    },
  };
}
