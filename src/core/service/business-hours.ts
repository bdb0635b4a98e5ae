/**
 * Elapsed hours between two instants, in calendar hours (the default) or in business hours: the hours
 * during which a calendar's office is open (docs/domain.md: "calendar hours, business hours as an option").
 *
 * The decision a reader needs: opening hours are wall-clock times in the calendar's IANA time zone, so a
 * working day 08:00–17:00 is 9 hours on every working day, including the days clocks change; a day open
 * 00:00–24:00 is 23 or 25 hours on those days, as the clock says. Each local day from the start's to the
 * end's contributes the overlap of [start, end] with its opening interval; weekends (days not in
 * `workingDays`) and `holidays` contribute nothing. Instants are epoch milliseconds.
 */
import { addDays, toEpochDay, type IsoDay } from '../dates';
import { CvmError } from '../errors';
import { msg } from '../messages/catalogue';
import { localDay, zonedInstant } from './time-zone';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** An office calendar. Opening and closing are "HH:MM" wall-clock times; "24:00" closes at midnight. */
export interface BusinessCalendar {
  /** IANA zone, e.g. "Europe/Stockholm" */
  timeZone: string;
  /** default Monday–Friday */
  workingDays?: readonly Weekday[];
  /** default "08:00" */
  opens?: string;
  /** default "17:00"; must be later than `opens` */
  closes?: string;
  /** closed days, ISO local days */
  holidays?: readonly IsoDay[];
}

/** How durations are measured: calendar hours, or business hours of a calendar. */
export type HourClock = 'calendar' | BusinessCalendar;

const MS_PER_HOUR = 3_600_000;

/** ISO weekday of an ISO day (1970-01-01 was a Thursday). */
export function isoWeekday(day: IsoDay): Weekday {
  return (((((toEpochDay(day) + 3) % 7) + 7) % 7) + 1) as Weekday;
}

/**
 * Hours from `startMs` to `endMs` on `clock` (calendar hours by default); null when the end is before the
 * start (a record that cannot be measured, never a negative duration).
 */
export function hoursBetween(startMs: number, endMs: number, clock: HourClock = 'calendar'): number | null {
  if (endMs < startMs) return null;
  if (clock === 'calendar') return (endMs - startMs) / MS_PER_HOUR;
  return businessHoursBetween(startMs, endMs, clock);
}

/** Business hours from `startMs` to `endMs` (0 when the end is not after the start). */
export function businessHoursBetween(startMs: number, endMs: number, calendar: BusinessCalendar): number {
  const { timeZone } = calendar;
  const { opens, closes } = openingMinutes(calendar);
  if (endMs <= startMs) return 0;
  const working = new Set<Weekday>(calendar.workingDays ?? [1, 2, 3, 4, 5]);
  const holidays = new Set(calendar.holidays ?? []);
  const last = localDay(endMs, timeZone);
  let total = 0;
  for (let day = localDay(startMs, timeZone); day <= last; day = addDays(day, 1)) {
    if (!working.has(isoWeekday(day)) || holidays.has(day)) continue;
    const from = Math.max(startMs, zonedInstant(day, opens, timeZone));
    const to = Math.min(endMs, zonedInstant(day, closes, timeZone));
    if (to > from) total += to - from;
  }
  return total / MS_PER_HOUR;
}

/** The calendar's opening and closing times in minutes after midnight; a bad time or order is refused. */
export function openingMinutes(calendar: BusinessCalendar): { opens: number; closes: number } {
  const [opensAt, closesAt] = [calendar.opens ?? '08:00', calendar.closes ?? '17:00'];
  const opens = minutesOf(opensAt, 'opens');
  const closes = minutesOf(closesAt, 'closes');
  if (closes <= opens)
    throw new CvmError('invalid-input', msg('calendar.order', { opens: opensAt, closes: closesAt }));
  return { opens, closes };
}

function minutesOf(time: string, which: 'opens' | 'closes'): number {
  const m = /^(\d{2}):([0-5]\d)$/.exec(time);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : -1;
  if (minutes < 0 || minutes > 1440)
    throw new CvmError('invalid-input', msg('calendar.time', { which, time }));
  return minutes;
}
