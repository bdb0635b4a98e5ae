/**
 * Calendar arithmetic on ISO days ("YYYY-MM-DD"). Days carry no time zone: every computation goes through
 * UTC epoch days, so the local zone of the machine never moves a date. Month steps clamp to the month's last
 * day (2024-03-31 − 1 month = 2024-02-29), the convention SQL engines share; reporting windows step with
 * `stepMonths`, which keeps month ends on month ends.
 */
import { CvmError } from './errors';
import { msg } from './messages/catalogue';

/** An ISO calendar day, "YYYY-MM-DD". */
export type IsoDay = string;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses and validates an ISO day; throws `invalid-input` naming `what` when it is not a real date. */
export function parseIsoDay(text: string, what = 'date'): IsoDay {
  const m = ISO_DAY.exec(text.trim());
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)) return text.trim();
  }
  throw new CvmError('invalid-input', msg('date.not-iso', { what, text }));
}

/** Number of days in month `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 of an ISO day. */
export function toEpochDay(day: IsoDay): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** ISO day of an epoch-day number. */
export function fromEpochDay(epochDay: number): IsoDay {
  return new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
}

/** Adds `days` (may be negative) to an ISO day. */
export function addDays(day: IsoDay, days: number): IsoDay {
  return fromEpochDay(toEpochDay(day) + days);
}

/** Adds `months` (may be negative) to an ISO day, clamping the day of month to the target month's length. */
export function addMonths(day: IsoDay, months: number): IsoDay {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const dd = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/**
 * Steps `months` calendar months from `day` the way reporting windows step: like `addMonths`, except that
 * a month's last day steps to the target month's last day (2025-06-30 − 3 months = 2025-03-31, not 03-30),
 * so windows ending on a month end stay whole calendar months however far back they go.
 */
export function stepMonths(day: IsoDay, months: number): IsoDay {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  if (d !== daysInMonth(y, m)) return addMonths(day, months);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

/**
 * A reporting window: the days `d` with `startExclusive < d ≤ endInclusive`. Windows ending on the as-of
 * date and stepping back by whole months tile the calendar without gaps or overlaps.
 */
export interface Window {
  startExclusive: IsoDay;
  endInclusive: IsoDay;
}

/**
 * The `k`-th window of `months` months back from `asOf`: k = 0 is the current window (S12 for 12 months),
 * k = 1 the previous one (F12), and so on.
 */
export function windowBack(asOf: IsoDay, months: number, k: number): Window {
  return {
    startExclusive: stepMonths(asOf, -months * (k + 1)),
    endInclusive: stepMonths(asOf, -months * k),
  };
}

/** True when `day` lies in `window`. ISO days compare correctly as strings. */
export function inWindow(day: IsoDay, window: Window): boolean {
  return day > window.startExclusive && day <= window.endInclusive;
}
