/**
 * Complaint times measured on a clock with per-complaint targets: what the service report needs when the
 * resolution times are business hours, or the target depends on a complaint's category or priority, so
 * that the database cannot compute the hours and the within-target count itself.
 *
 * Decisions a reader needs:
 * - The store has already judged each complaint at the as-of instant: a resolution or first response at
 *   or after it comes as NaN (open, not answered yet), so it is neither measured nor within target.
 * - A time stamped before the opening is not measurable (NaN here, counted by the store), as in calendar hours.
 * - A complaint's target is `targetHoursFor`'s: its priority's, else its category's, else the default.
 * - Business hours come from one `businessTimeline` over the period, so they equal `businessHoursBetween`.
 */
import type { HourClock } from './business-hours';
import { businessTimeline, timelineHours } from './business-timeline';
import { targetHoursFor, type ResolutionTargets } from './resolution-target';

/** The period's complaints as typed columns, one entry per complaint. */
export interface ComplaintTimes {
  openedMs: Float64Array;
  /** NaN: not resolved before the as-of instant */
  resolvedMs: Float64Array;
  /** NaN: no first response before the as-of instant */
  respondedMs: Float64Array;
  /** index into `categories` (−1: none) */
  category: Int32Array;
  categories: string[];
  /** index into `priorities` (−1: none) */
  priority: Int32Array;
  priorities: string[];
  /** the value tier of each complaint's customer when asked for (tiers.length: not active), else null */
  tier: Int32Array | null;
}

/** Per complaint: hours on the clock (NaN: open, unanswered or not measurable), target, within it. */
export interface MeasuredComplaints {
  resolutionHours: Float64Array;
  responseHours: Float64Array;
  targetHours: Float64Array;
  /** 1 when resolved within its target */
  within: Uint8Array;
}

/** Measures every complaint of `times` on `clock` (calendar hours by default) against `targets`. */
export function measureComplaints(
  times: ComplaintTimes,
  targets: ResolutionTargets,
  clock: HourClock = 'calendar',
): MeasuredComplaints {
  const n = times.openedMs.length;
  const hours = hourMeter(times, clock);
  const resolutionHours = new Float64Array(n);
  const responseHours = new Float64Array(n);
  const targetHours = new Float64Array(n);
  const within = new Uint8Array(n);
  const byCode = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const opened = times.openedMs[i]!;
    resolutionHours[i] = hours(opened, times.resolvedMs[i]!);
    responseHours[i] = hours(opened, times.respondedMs[i]!);
    const c = times.category[i]!;
    const p = times.priority[i]!;
    const code = `${c}/${p}`;
    let target = byCode.get(code);
    if (target === undefined) {
      target = targetHoursFor(targets, times.categories[c] ?? null, times.priorities[p] ?? null);
      byCode.set(code, target);
    }
    targetHours[i] = target;
    within[i] = resolutionHours[i]! <= target ? 1 : 0; // NaN compares false
  }
  return { resolutionHours, responseHours, targetHours, within };
}

/** Hours from opening to `end` on the clock; NaN when `end` is NaN or before the opening. */
function hourMeter(times: ComplaintTimes, clock: HourClock): (start: number, end: number) => number {
  if (clock === 'calendar') return (start, end) => (end >= start ? (end - start) / 3_600_000 : NaN);
  let from = Infinity;
  let to = -Infinity;
  for (const column of [times.openedMs, times.resolvedMs, times.respondedMs])
    for (const ms of column)
      if (!Number.isNaN(ms)) {
        if (ms < from) from = ms;
        if (ms > to) to = ms;
      }
  if (from > to) return () => NaN;
  const timeline = businessTimeline(clock, from, to);
  return (start, end) => (end >= start ? (timelineHours(timeline, start, end) ?? NaN) : NaN);
}

/**
 * The measured values of `values` (NaN left out) per group (`groupOf(i)` in 0 … groups − 1), each
 * ascending, concatenated in group order, with how many each group has: the layout the store's
 * `resolutionHours` uses.
 */
export function sortedByGroup(
  values: Float64Array,
  groups: number,
  groupOf: (i: number) => number,
): { values: Float64Array; counts: number[] } {
  const lists: number[][] = Array.from({ length: groups }, () => []);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) lists[groupOf(i)]!.push(v);
  }
  const out = new Float64Array(lists.reduce((s, l) => s + l.length, 0));
  let offset = 0;
  for (const list of lists) {
    list.sort((a, b) => a - b);
    out.set(list, offset);
    offset += list.length;
  }
  return { values: out, counts: lists.map((l) => l.length) };
}

/** How many complaints per group are within their target. */
export function withinByGroup(within: Uint8Array, groups: number, groupOf: (i: number) => number): number[] {
  const counts = new Array<number>(groups).fill(0);
  for (let i = 0; i < within.length; i++) if (within[i] === 1) counts[groupOf(i)]! += 1;
  return counts;
}

/** The group (bucket) of an instant: the last of ascending `startsMs` at or before it (0 before the first). */
export function bucketOfInstant(startsMs: readonly number[], ms: number): number {
  let k = 0;
  while (k + 1 < startsMs.length && startsMs[k + 1]! <= ms) k += 1;
  return k;
}
