/**
 * The basis every value report starts from: the as-of day resolved, the two windows computed, and notes on
 * how well the data covers them. No report reads the clock: the face passes `today` when it has one.
 *
 * The default as-of day is the latest order date **on or before today**, so a stray row dated years ahead
 * cannot move every report to a day with one customer; the rows after today are counted in a note. An
 * as-of day before the first transaction, or a current window after the last one, is refused with the
 * data's span; a window that reaches before the first transaction, or an as-of day after the last one,
 * gets a note.
 */
import { addDays, toEpochDay, type IsoDay, type Window } from '../../core/dates';
import { CvmError, invalidOption } from '../../core/errors';
import { reportWindows, type ReportWindows, type ValueMeasure } from '../../core/kpi/basis';
import type { Tier } from '../../core/kpi/tiers';
import type { AnalyticsPort, OrderDates } from '../../data/analytics/types';
import type { ReportInput } from '../options/report';

export interface ReportBasis extends ReportWindows {
  measure: ValueMeasure;
  tiers: Tier[];
  /** how the data covers the as-of day and the windows (empty when fully) */
  coverage: string[];
}

/** The as-of day and the notes on how it was chosen. */
export interface ResolvedAsOf {
  asOf: IsoDay;
  dates: OrderDates | null;
  notes: string[];
}

/**
 * The as-of day: the one given, else the latest order date up to `today`; an empty store needs one given.
 * A given day before the first transaction is refused with the data's span.
 */
export async function resolveAsOf(
  analytics: AnalyticsPort,
  asOf: IsoDay | undefined,
  today?: IsoDay,
): Promise<ResolvedAsOf> {
  const dates = await analytics.orderDates(today ?? null);
  const span = dates ? `the data covers ${dates.first} to ${dates.last}` : '';
  if (asOf !== undefined) {
    if (dates && asOf < dates.first)
      throw invalidOption(
        'asOf',
        asOf,
        `a day from ${dates.first}`,
        `${asOf} is before the first transaction (${dates.first}); ${span}`,
      );
    return { asOf, dates, notes: [] };
  }
  if (dates === null)
    throw new CvmError(
      'not-found',
      'no transactions in the store: import some, or give an as-of day (YYYY-MM-DD)',
    );
  const notes: string[] = [];
  const chosen = dates.lastUpToToday ?? dates.last;
  if (dates.afterToday > 0)
    notes.push(
      `${dates.afterToday} ${dates.afterToday === 1 ? 'transaction is' : 'transactions are'} dated after today (${today ?? ''}), ` +
        `the latest on ${dates.last}; the as-of day is the latest order date up to today (${chosen}): ` +
        'give an as-of day to include them',
    );
  return { asOf: chosen, dates, notes };
}

/**
 * The as-of day for reports that do not rank customers (service, satisfaction): the one given, else the
 * latest order date; an empty store needs one given.
 */
export async function latestAsOf(
  port: Pick<AnalyticsPort, 'latestOrderDate'>,
  asOf: IsoDay | undefined,
): Promise<IsoDay> {
  if (asOf !== undefined) return asOf;
  const latest = await port.latestOrderDate();
  if (latest === null)
    throw new CvmError(
      'not-found',
      'no transactions in the store: import some, or give an as-of day (YYYY-MM-DD)',
    );
  return latest;
}

/** Notes on windows the data does not cover; refuses a current window entirely after the data. */
export function coverageNotes(dates: OrderDates | null, current: Window, earliest: Window): string[] {
  if (dates === null) return ['the store holds no transactions'];
  const span = `the data covers ${dates.first} to ${dates.last}`;
  if (current.startExclusive >= dates.last)
    throw invalidOption(
      'asOf',
      current.endInclusive,
      `a day whose window holds data (${dates.first} to ${dates.last})`,
      `the window (${current.startExclusive}, ${current.endInclusive}] holds no transactions; ${span}`,
    );
  const notes: string[] = [];
  if (current.endInclusive > dates.last) {
    const days = toEpochDay(current.endInclusive) - toEpochDay(dates.last);
    notes.push(
      `the as-of day is ${days} day${days === 1 ? '' : 's'} after the latest transaction (${dates.last}): ` +
        'the current window is only partly covered by the data',
    );
  }
  if (earliest.startExclusive < addDays(dates.first, -1))
    notes.push(
      `the window (${earliest.startExclusive}, ${earliest.endInclusive}] starts before the first transaction ` +
        `(${dates.first}): customers who bought only before the data began are not seen there`,
    );
  return notes;
}

/**
 * Resolves the as-of day and computes the windows of a report, with notes on how the data covers the
 * windows the report `uses` (both, or only the current one).
 */
export async function resolveBasis(
  analytics: AnalyticsPort,
  input: ReportInput,
  uses: 'both' | 'current' = 'both',
): Promise<ReportBasis> {
  const resolved = await resolveAsOf(analytics, input.asOf, input.today);
  const windows = reportWindows(resolved.asOf, input.windowMonths);
  const earliest = uses === 'both' ? windows.previous : windows.current;
  const coverage = [...resolved.notes, ...coverageNotes(resolved.dates, windows.current, earliest)];
  return { ...windows, measure: input.value, tiers: input.tiers, coverage };
}

/** Margin ranks nobody sensibly when it is missing on more than this share of the windows' transactions. */
export const MAX_MISSING_MARGIN_SHARE = 0.5;

/**
 * The note for transactions without margin when margin is the value measure; null otherwise. Refuses
 * (an option problem on `value`) when most transactions lack a margin: every customer would rank on 0.
 */
export function missingMarginNote(
  measure: ValueMeasure,
  missing: number,
  transactions: number,
): string | null {
  if (measure === 'margin' && transactions > 0 && missing / transactions > MAX_MISSING_MARGIN_SHARE)
    throw invalidOption(
      'value',
      measure,
      'revenue, or margin on transactions that have margins',
      `margin is missing on ${missing} of the ${transactions} transactions in the windows ` +
        `(${Math.round((100 * missing) / transactions)} %, more than ${100 * MAX_MISSING_MARGIN_SHARE} %); ` +
        'rank by revenue, or import the margins',
    );
  return measure === 'margin' && missing > 0
    ? `${missing} ${missing === 1 ? 'transaction in the windows has' : 'transactions in the windows have'} no margin; counted as margin 0`
    : null;
}
