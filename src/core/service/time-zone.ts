/**
 * Wall-clock time in an IANA time zone, on explicit epoch milliseconds: the local day of an instant, and
 * the instant of a local day and time. Only `Intl.DateTimeFormat` with an explicit `timeZone` is used, so
 * the machine's own zone never matters.
 *
 * The decision a reader needs, for local times a DST change makes odd: a time that does not exist (02:30
 * on a spring-forward night) maps to the instant of the change, the first moment the clock shows a later
 * time; a time that occurs twice (02:30 on a fall-back night) maps to its first occurrence.
 */
import { CvmError } from '../errors';
import { msg } from '../messages/catalogue';
import type { IsoDay } from '../dates';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new CvmError('invalid-input', msg('calendar.time-zone', { timeZone }));
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** Local wall-clock fields of instant `ms` in `timeZone`, as a UTC timestamp of the same fields. */
function wallClock(ms: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(ms)) fields[part.type] = Number(part.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds (Stockholm in summer: +7 200 000). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallClock(whole, timeZone) - whole;
}

/** The local ISO day of instant `ms` in `timeZone`. */
export function localDay(ms: number, timeZone: string): IsoDay {
  return new Date(wallClock(ms, timeZone)).toISOString().slice(0, 10);
}

/**
 * The instant at which the clock in `timeZone` shows `minutes` after midnight of local day `day` (minutes
 * may be 1 440: midnight ending the day). Nonexistent and repeated times follow the file header.
 */
export function zonedInstant(day: IsoDay, minutes: number, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const local = Date.UTC(y, m - 1, d) + minutes * 60_000;
  // The offsets a day before and after bracket any single change of offset around this local time.
  const before = zoneOffsetMs(local - 86_400_000, timeZone);
  const after = zoneOffsetMs(local + 86_400_000, timeZone);
  const candidates = [before, after]
    .filter((offset) => zoneOffsetMs(local - offset, timeZone) === offset)
    .map((offset) => local - offset);
  if (candidates.length > 0) return Math.min(...candidates);
  // A gap: find the change, the first instant whose offset is the later one, to the second.
  let lo = Math.min(local - before, local - after);
  let hi = Math.max(local - before, local - after);
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2000) * 1000;
    if (zoneOffsetMs(mid, timeZone) === after) hi = mid;
    else lo = mid;
  }
  return hi;
}
