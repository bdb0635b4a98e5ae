/**
 * One complaint as it stood at an as-of instant: open or resolved, how long it took or how old it is, and
 * whether it met its resolution target.
 *
 * The as-of instant is exclusive, as in the store's SQL (`opened_at < asOf`, `resolved_at < asOf`): the
 * reports pass the start of the day after the as-of day, so a complaint opened or resolved exactly at that
 * midnight belongs to the next day.
 *
 * The decision a reader needs: everything is judged **as of** the instant, as if later data did not exist.
 * A complaint resolved after the as-of instant is **open** at it (part of the backlog, with an age), never
 * resolved; a first response after it has not happened yet. Durations are calendar hours unless a business
 * calendar is given. A resolution or response stamped before the opening cannot be measured: its time is
 * null and the summary says how many there were.
 */
import { hoursBetween, type HourClock } from './business-hours';
import type { ComplaintFacts } from './complaint-causes';
import { isWithinTarget, targetHoursFor, type ResolutionTargets } from './resolution-target';

/** A complaint record; instants are epoch milliseconds. */
export interface ComplaintRecord extends ComplaintFacts {
  complaintId: string;
  openedAt: number;
  firstResponseAt: number | null;
  /** null while open */
  resolvedAt: number | null;
  priority: string | null;
}

/** A complaint judged at an as-of instant; hours on the chosen clock. */
export interface JudgedComplaint {
  record: ComplaintRecord;
  state: 'open' | 'resolved';
  /** resolved − opened; null when open or not measurable */
  resolutionHours: number | null;
  /** first response − opened; null when there was none by the as-of instant or not measurable */
  firstResponseHours: number | null;
  /** as-of − opened for an open complaint; null when resolved */
  ageHours: number | null;
  /** the complaint's resolution target in hours */
  targetHours: number;
  /** resolved within its target (open ones never are) */
  withinTarget: boolean;
  /** a resolution or response stamped before the opening */
  unmeasurable: boolean;
}

/**
 * `record` as it stood just before `asOfMs`; null when it was opened at or after `asOfMs` (it did not exist yet).
 */
export function judgeComplaint(
  record: ComplaintRecord,
  asOfMs: number,
  targets: ResolutionTargets = {},
  clock: HourClock = 'calendar',
): JudgedComplaint | null {
  if (record.openedAt >= asOfMs) return null;
  const { openedAt, resolvedAt, firstResponseAt } = record;
  const resolved = resolvedAt !== null && resolvedAt < asOfMs;
  const resolutionHours = resolved ? hoursBetween(openedAt, resolvedAt, clock) : null;
  const responded = firstResponseAt !== null && firstResponseAt < asOfMs;
  const firstResponseHours = responded ? hoursBetween(openedAt, firstResponseAt, clock) : null;
  const targetHours = targetHoursFor(targets, record.category, record.priority);
  return {
    record,
    state: resolved ? 'resolved' : 'open',
    resolutionHours,
    firstResponseHours,
    ageHours: resolved ? null : hoursBetween(openedAt, asOfMs, clock),
    targetHours,
    withinTarget: isWithinTarget(resolutionHours, targetHours),
    unmeasurable: (resolved && resolutionHours === null) || (responded && firstResponseHours === null),
  };
}
