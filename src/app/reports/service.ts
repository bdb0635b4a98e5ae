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
  topCausesByGroup,
  type CauseRow,
  type GroupCause,
  type Outcomes,
  type RepeatComplainants,
} from '../../core/service/complaint-causes';
import type { ComplaintMonth } from '../../core/service/complaint-trend';
import { hourStats } from '../../core/service/complaints';
import { hourHistogram, type HourBin } from '../../core/service/hour-histogram';
import { complainantRetention, type ComplainantRetention } from '../../core/service/complainant-retention';
import { countWithinTarget, withinTargetShare } from '../../core/service/resolution-target';
import { zonedInstant } from '../../core/service/time-zone';
import {
  bucketOfInstant,
  measureComplaints,
  sortedByGroup,
  withinByGroup,
} from '../../core/service/complaint-times';
import type { ComplaintBucket, ServicePort } from '../../data/service/types';
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
  /** the default resolution target in hours; `targets` may set others per category and priority */
  targetHours: number;
  /** targets in hours per category and per priority (a complaint's priority's wins over its category's) */
  targets: { byCategory: Record<string, number>; byPriority: Record<string, number> };
  /** what the hours of resolution and first response count: calendar hours, or the business calendar's */
  clock: 'calendar' | 'business';
  businessHours: {
    timeZone: string;
    opens: string;
    closes: string;
    workingDays: number[];
    holidays: IsoDay[];
  } | null;
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
  /** resolution time of the window's resolved complaints, hours on `clock` (type-7 percentiles) */
  medianResolutionHours: number | null;
  meanResolutionHours: number | null;
  p90ResolutionHours: number | null;
  /** the resolution times on `clock` as a histogram (core `hourHistogram`) */
  resolutionDistribution: HourBin[];
  /** resolved within their target (inclusive) / complaints; open ones count as missed */
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
  /** every complaint open at the as-of instant, whenever it was opened, and its age in calendar hours */
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
  /** first response of the tier's complaints answered by the as-of instant, hours on the report's clock */
  firstResponse: { n: number; medianHours: number | null; meanHours: number | null; p90Hours: number | null };
  /** the tier's top causes (core `TOP_CAUSES_PER_TIER`), share of the tier's complaints */
  causes: GroupCause[];
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

function hasTargets(t: { byCategory: Record<string, number>; byPriority: Record<string, number> }): boolean {
  return Object.keys(t.byCategory).length > 0 || Object.keys(t.byPriority).length > 0;
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
  const clock = input.clock ?? 'calendar';
  const targets = {
    defaultHours: targetHours,
    byCategory: input.targets?.byCategory ?? {},
    byPriority: input.targets?.byPriority ?? {},
  };
  const rules = clock !== 'calendar' || hasTargets(targets);
  if (rules) {
    // hours the database cannot compute: measure each complaint here, and replace what depends on them
    const times = await service.complaintTimes({ fromMs: months[0]!.startMs, asOfMs });
    const measured = measureComplaints(times, targets, clock);
    const starts = months.map((m) => m.startMs);
    const bucket = (i: number): number => bucketOfInstant(starts, times.openedMs[i]!);
    const byBucket = sortedByGroup(measured.resolutionHours, starts.length, bucket);
    const within = withinByGroup(measured.within, starts.length, bucket);
    p.resolutionHours = byBucket.values;
    p.buckets = p.buckets.map((b, k) => ({ ...b, measured: byBucket.counts[k] ?? 0, within: within[k] }));
    p.firstResponseHours = sortedByGroup(measured.responseHours, 1, () => 0).values;
  }
  const activity = await service.activity(window);
  const resolution = hourStats(p.resolutionHours);
  const response = hourStats(p.firstResponseHours);
  const backlog = p.backlogAgeHours;
  let offset = 0;
  const trend = months.map(({ month }, k): ComplaintMonth => {
    const b: ComplaintBucket & { within?: number } = p.buckets[k] ?? { opened: 0, resolved: 0, measured: 0 };
    const hours = p.resolutionHours.subarray(offset, offset + b.measured);
    offset += b.measured;
    return {
      month,
      opened: b.opened,
      resolved: b.resolved,
      medianResolutionHours: median(hours),
      withinTargetShare:
        b.within === undefined
          ? withinTargetShare(hours, b.opened, targetHours)
          : b.opened === 0
            ? null
            : b.within / b.opened,
    };
  });
  const satisfaction = p.satisfaction;
  const byTier =
    input.tiers === undefined
      ? null
      : await serviceByTier(service, input, asOf, { fromMs: months[0]!.startMs, asOfMs }, rules);
  const withinTarget = rules
    ? trend.reduce((sum, _, k) => sum + ((p.buckets[k] as { within?: number }).within ?? 0), 0)
    : countWithinTarget(p.resolutionHours, targetHours);
  return {
    asOf,
    windowMonths: input.windowMonths,
    window,
    timeZone,
    asOfInstant: new Date(asOfMs).toISOString(),
    targetHours,
    targets: { byCategory: targets.byCategory, byPriority: targets.byPriority },
    clock: clock === 'calendar' ? 'calendar' : 'business',
    businessHours:
      clock === 'calendar'
        ? null
        : {
            timeZone: clock.timeZone,
            opens: clock.opens ?? '08:00',
            closes: clock.closes ?? '17:00',
            workingDays: [...(clock.workingDays ?? [1, 2, 3, 4, 5])],
            holidays: [...(clock.holidays ?? [])],
          },
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
    resolutionDistribution: hourHistogram(p.resolutionHours),
    resolvedWithinTarget: p.complaints === 0 ? null : withinTarget / p.complaints,
    withinTarget,
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
  rules: boolean,
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
  if (rules) {
    // business hours or targets per category / priority: measure each complaint with its tier here
    const times = await service.complaintTimes({ ...currentPeriod, tiers: { current, tiers } });
    const measured = measureComplaints(
      times,
      { defaultHours: input.targetHours, ...input.targets },
      input.clock ?? 'calendar',
    );
    const tierOf = (i: number): number => times.tier![i]!;
    const byTier = sortedByGroup(measured.resolutionHours, r.tiers.length, tierOf);
    const within = withinByGroup(measured.within, r.tiers.length, tierOf);
    const response = sortedByGroup(measured.responseHours, r.tiers.length, tierOf);
    r.resolutionHours = byTier.values;
    r.firstResponseHours = response.values;
    r.tiers = r.tiers.map((t, i) => ({
      ...t,
      measured: byTier.counts[i] ?? 0,
      withinTarget: within[i] ?? 0,
      responded: response.counts[i] ?? 0,
    }));
  }
  const causes = topCausesByGroup(r.causes, r.tiers.length);
  let offset = 0;
  let responseOffset = 0;
  const rows = r.tiers.map((t, i): ServiceTierRow => {
    const hours = r.resolutionHours.subarray(offset, offset + t.measured);
    offset += t.measured;
    const response = hourStats(r.firstResponseHours.subarray(responseOffset, responseOffset + t.responded));
    responseOffset += t.responded;
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
      firstResponse: {
        n: response.n,
        medianHours: response.median,
        meanHours: response.mean,
        p90Hours: response.p90,
      },
      causes: causes[i] ?? [],
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
