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
import { fail, field, finiteNumber, optionalField, rawValue, type Parsed } from './parse';
import { isoDay, tierSpec, windowMonths } from './report';
import { DEFAULT_TIERS, type Tier } from '../../core/kpi/tiers';

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

/** What the service and satisfaction reports are computed with; `asOf` absent = the latest order date. */
export interface ServiceInput {
  asOf?: IsoDay | undefined;
  windowMonths: WindowMonths;
  /** resolution target in hours; a complaint resolved in exactly this many hours meets it */
  targetHours: number;
  /** IANA zone of the as-of day's end and of the trend's months */
  timeZone: string;
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
  today: optionalField(isoDay),
});

/** `report service` and `report satisfaction`. */
export const serviceInput = serviceOptionsSchema.transform((o): ServiceInput => ({
  asOf: o.asOf,
  windowMonths: o.window,
  targetHours: o.targetHours,
  timeZone: o.timeZone,
  tiers: o.tiers ?? (o.byTier ? [...DEFAULT_TIERS] : undefined),
  today: o.today,
}));
