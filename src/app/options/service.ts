/**
 * The options of the service and satisfaction reports: the as-of day and window of the value reports, the
 * resolution target in hours (default 24, DOMAIN.md), the IANA time zone in which days and months are
 * cut (default UTC), and the value tiers of the per-tier figures (`byTier` for the default tiers, or
 * `tiers`; none by default).
 */
import { z } from 'zod';
import type { IsoDay } from '../../core/dates';
import type { WindowMonths } from '../../core/kpi/basis';
import { DEFAULT_TARGET_HOURS } from '../../core/service/resolution-target';
import { invalidOption } from '../../core/errors';
import type { BusinessCalendar, HourClock, Weekday } from '../../core/service/business-hours';
import { fail, field, finiteNumber, optionalField, rawValue, type Parsed } from './parse';
import { isoDay, tierSpec, windowMonths } from './report';
import { DEFAULT_TIERS, type Tier } from '../../core/kpi/tiers';
import { msg } from '../../core/messages/catalogue';

/** A positive number of hours (a decimal comma is accepted). */
export function positiveHours(text: string): Parsed<number> {
  const parsed = finiteNumber(0)(text);
  if ('ok' in parsed && parsed.ok > 0) return parsed;
  return fail(text, 'a positive number of hours');
}

/** An IANA time zone name that this runtime knows (e.g. Europe/Stockholm). */
export function timeZoneName(text: string): Parsed<string> {
  try {
    return { ok: new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone };
  } catch {
    return fail(text, 'an IANA time zone', 'e.g. UTC or Europe/Stockholm');
  }
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Working days: weekday names or ISO numbers (1 = Monday), single or as ranges, comma-separated (mon-fri). */
export function weekdayList(text: string): Parsed<Weekday[]> {
  const expected = 'weekdays like mon-fri or mon,tue,thu (or 1-5, 1 = Monday)';
  const day = (word: string): number => {
    const w = word.trim().toLowerCase();
    const named = WEEKDAYS.findIndex((d) => w === d || (w.length > 3 && d === w.slice(0, 3)));
    if (named >= 0) return named + 1;
    return /^[1-7]$/.test(w) ? Number(w) : 0;
  };
  const days = new Set<Weekday>();
  for (const part of text.split(',')) {
    const [from, to, ...rest] = part.split('-');
    const a = day(from ?? '');
    const b = to === undefined ? a : day(to);
    if (a === 0 || b === 0 || b < a || rest.length > 0) return fail(text, 'a list of working days', expected);
    for (let d = a; d <= b; d++) days.add(d as Weekday);
  }
  return { ok: [...days].sort((x, y) => x - y) };
}

/** A wall-clock time HH:MM from 00:00 to 24:00. */
export function clockTime(text: string): Parsed<string> {
  const m = /^(\d{1,2}):([0-5]\d)$/.exec(text);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : -1;
  if (minutes < 0 || minutes > 1440) return fail(text, 'a time', 'HH:MM from 00:00 to 24:00');
  return { ok: `${m![1]!.padStart(2, '0')}:${m![2]!}` };
}

/** Comma-separated ISO days (holidays). */
export function dayList(text: string): Parsed<IsoDay[]> {
  const days: IsoDay[] = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    if (part === '') continue;
    const parsed = isoDay(part);
    if (!('ok' in parsed))
      return {
        expected: 'comma-separated days YYYY-MM-DD',
        detail: msg('option.day-list', { value: text, detail: parsed.detail }),
      };
    days.push(parsed.ok);
  }
  return { ok: days };
}

/** Targets per name: `billing=48,delivery=72` (hours, a decimal comma accepted after the `=`). */
export function targetList(text: string): Parsed<Record<string, number>> {
  const expected = 'name=hours pairs, comma-separated (e.g. billing=48,delivery=72)';
  const out: Record<string, number> = {};
  for (const part of text.split(/,(?=[^,=]*=)/)) {
    const at = part.lastIndexOf('=');
    const name = part.slice(0, at).trim();
    const hours = positiveHours(part.slice(at + 1).trim());
    if (at <= 0 || name === '' || !('ok' in hours)) return fail(text, 'a list of targets', expected);
    out[name] = hours.ok;
  }
  return { ok: out };
}

/** What the service and satisfaction reports are computed with; `asOf` absent = the latest order date. */
export interface ServiceInput {
  asOf?: IsoDay | undefined;
  windowMonths: WindowMonths;
  /** resolution target in hours; a complaint resolved in exactly this many hours meets it */
  targetHours: number;
  /** IANA zone of the as-of day's end and of the trend's months */
  timeZone: string;
  /** how durations are measured: calendar hours (default) or business hours of a calendar in `timeZone` */
  clock?: HourClock | undefined;
  /** targets per complaint category and priority (priority wins); `targetHours` is the default */
  targets?: { byCategory?: Record<string, number>; byPriority?: Record<string, number> } | undefined;
  /** value tiers for the per-tier figures and complainant retention; absent: not computed */
  tiers?: Tier[] | undefined;
  /** today, as the face's clock says; rows dated later do not move the default as-of day */
  today?: IsoDay | undefined;
}

const serviceOptionsSchema = z.object({
  asOf: optionalField(isoDay),
  window: field(windowMonths, 12),
  targetHours: field(positiveHours, DEFAULT_TARGET_HOURS),
  timeZone: field(timeZoneName, 'UTC'),
  tiers: optionalField(tierSpec),
  byTier: rawValue.transform((v) => v === true || v === 'true'),
  businessHours: rawValue.transform((v) => v === true || v === 'true'),
  opens: optionalField(clockTime),
  closes: optionalField(clockTime),
  workingDays: optionalField(weekdayList),
  holidays: optionalField(dayList),
  targetByCategory: optionalField(targetList),
  targetByPriority: optionalField(targetList),
  today: optionalField(isoDay),
});

/** `report service` and `report satisfaction`. */
export const serviceInput = serviceOptionsSchema.transform((o): ServiceInput => ({
  asOf: o.asOf,
  windowMonths: o.window,
  targetHours: o.targetHours,
  timeZone: o.timeZone,
  clock: businessClock(o),
  targets:
    o.targetByCategory === undefined && o.targetByPriority === undefined
      ? undefined
      : { byCategory: o.targetByCategory, byPriority: o.targetByPriority },
  tiers: o.tiers ?? (o.byTier ? [...DEFAULT_TIERS] : undefined),
  today: o.today,
}));

/**
 * Business hours when asked for, or when any part of the calendar is given (opening hours, working days,
 * holidays); calendar hours otherwise. Closing before opening is refused here, naming the options.
 */
function businessClock(o: z.output<typeof serviceOptionsSchema>): HourClock {
  const given = o.opens ?? o.closes ?? o.workingDays ?? o.holidays;
  if (!o.businessHours && given === undefined) return 'calendar';
  const calendar: BusinessCalendar = {
    timeZone: o.timeZone,
    opens: o.opens ?? '08:00',
    closes: o.closes ?? '17:00',
    workingDays: o.workingDays ?? [1, 2, 3, 4, 5],
    holidays: o.holidays ?? [],
  };
  if (calendar.closes! <= calendar.opens!)
    throw invalidOption(
      'closes',
      calendar.closes,
      `a time later than the opening time ${calendar.opens}`,
      msg('option.closes-before-opens', { closes: calendar.closes!, opens: calendar.opens! }),
    );
  return calendar;
}
