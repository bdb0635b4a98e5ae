/**
 * Business hours for many complaints at once: the opening intervals of a business calendar over a span of
 * days, laid end to end, so that the business time between two instants is the difference of their
 * positions on that timeline (a binary search each) instead of a walk over the days between them.
 *
 * The decision a reader needs: the figures are exactly `businessHoursBetween`'s (same opening intervals,
 * same weekends, holidays and DST handling); the timeline only has to cover the local days of every
 * instant it is asked about, and an instant outside it is refused rather than guessed.
 */
import { addDays } from '../dates';
import { assert } from '../errors';
import { isoWeekday, openingMinutes, type BusinessCalendar, type Weekday } from './business-hours';
import { localDay, zonedInstant } from './time-zone';

const MS_PER_HOUR = 3_600_000;

/** The opening intervals of a calendar from one instant's local day to another's, in order. */
export interface BusinessTimeline {
  /** covered instants: [fromMs, toMs] */
  fromMs: number;
  toMs: number;
  /** interval k is [starts[k], ends[k]); `before[k]` is the open time of the intervals before it, ms */
  starts: Float64Array;
  ends: Float64Array;
  before: Float64Array;
}

/** The timeline of `calendar` covering every instant from `fromMs` to `toMs`. */
export function businessTimeline(calendar: BusinessCalendar, fromMs: number, toMs: number): BusinessTimeline {
  const { opens, closes } = openingMinutes(calendar);
  const { timeZone } = calendar;
  const working = new Set<Weekday>(calendar.workingDays ?? [1, 2, 3, 4, 5]);
  const holidays = new Set(calendar.holidays ?? []);
  const starts: number[] = [];
  const ends: number[] = [];
  const last = localDay(Math.max(fromMs, toMs), timeZone);
  for (let day = localDay(fromMs, timeZone); day <= last; day = addDays(day, 1)) {
    if (!working.has(isoWeekday(day)) || holidays.has(day)) continue;
    starts.push(zonedInstant(day, opens, timeZone));
    ends.push(zonedInstant(day, closes, timeZone));
  }
  const before = new Float64Array(starts.length);
  for (let k = 1; k < starts.length; k++) before[k] = before[k - 1]! + (ends[k - 1]! - starts[k - 1]!);
  return {
    fromMs,
    toMs: Math.max(fromMs, toMs),
    starts: Float64Array.from(starts),
    ends: Float64Array.from(ends),
    before,
  };
}

/** Open milliseconds on `timeline` before instant `ms`. */
function position(timeline: BusinessTimeline, ms: number): number {
  assert(ms >= timeline.fromMs && ms <= timeline.toMs, `instant ${ms} outside the business timeline`);
  const { starts, ends, before } = timeline;
  // the last interval that starts at or before ms
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! <= ms) lo = mid + 1;
    else hi = mid;
  }
  const k = lo - 1;
  if (k < 0) return 0;
  return before[k]! + (Math.min(ms, ends[k]!) - starts[k]!);
}

/** Business hours from `startMs` to `endMs` on `timeline`; null when the end is before the start. */
export function timelineHours(timeline: BusinessTimeline, startMs: number, endMs: number): number | null {
  if (endMs < startMs) return null;
  return (position(timeline, endMs) - position(timeline, startMs)) / MS_PER_HOUR;
}
