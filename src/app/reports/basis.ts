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
import { msg, type Message } from '../../core/messages/catalogue';

export interface ReportBasis extends ReportWindows {
  measure: ValueMeasure;
  tiers: Tier[];
  /** how the data covers the as-of day and the windows (empty when fully) */
  coverage: Message[];
}

/** The as-of day and the notes on how it was chosen. */
export interface ResolvedAsOf {
  asOf: IsoDay;
  dates: OrderDates | null;
  notes: Message[];
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
  if (asOf !== undefined) {
    if (dates && asOf < dates.first)
      throw invalidOption(
        'asOf',
        asOf,
        `a day from ${dates.first}`,
        msg('basis.before-first', { asOf, first: dates.first, last: dates.last }),
      );
    return { asOf, dates, notes: [] };
  }
  if (dates === null) throw new CvmError('not-found', msg('basis.store-empty'));
  const notes: Message[] = [];
  const chosen = dates.lastUpToToday ?? dates.last;
  if (dates.afterToday > 0)
    notes.push(
      msg('basis.after-today', {
        count: dates.afterToday,
        today: today ?? '',
        last: dates.last,
        asOf: chosen,
      }),
    );
  return { asOf: chosen, dates, notes };
}

/**
 * The as-of day for reports that do not rank customers (service, satisfaction): the one given, else the
 * latest order date up to `today`, chosen as the value reports choose it (one stray row dated years ahead
 * cannot move it) and said in a note; an empty store needs one given.
 */
export async function latestAsOf(
  port: Pick<AnalyticsPort, 'orderDates'>,
  asOf: IsoDay | undefined,
  today?: IsoDay,
): Promise<{ asOf: IsoDay; notes: Message[] }> {
  if (asOf !== undefined) return { asOf, notes: [] };
  const dates = await port.orderDates(today ?? null);
  if (dates === null) throw new CvmError('not-found', msg('basis.store-empty'));
  const chosen = dates.lastUpToToday ?? dates.last;
  const notes = [msg('basis.as-of-latest', { asOf: chosen, today: today ?? null })];
  if (dates.afterToday > 0)
    notes.push(msg('basis.after-today-kept', { count: dates.afterToday, last: dates.last }));
  return { asOf: chosen, notes };
}

/** Notes on windows the data does not cover; refuses a current window entirely after the data. */
export function coverageNotes(dates: OrderDates | null, current: Window, earliest: Window): Message[] {
  if (dates === null) return [msg('basis.no-transactions')];
  if (current.startExclusive >= dates.last)
    throw invalidOption(
      'asOf',
      current.endInclusive,
      `a day whose window holds data (${dates.first} to ${dates.last})`,
      msg('basis.window-empty', {
        start: current.startExclusive,
        end: current.endInclusive,
        first: dates.first,
        last: dates.last,
      }),
    );
  const notes: Message[] = [];
  if (current.endInclusive > dates.last) {
    const days = toEpochDay(current.endInclusive) - toEpochDay(dates.last);
    notes.push(msg('basis.after-data', { days, last: dates.last }));
  }
  if (earliest.startExclusive < addDays(dates.first, -1))
    notes.push(
      msg('basis.before-data', {
        start: earliest.startExclusive,
        end: earliest.endInclusive,
        first: dates.first,
      }),
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
  needs: AmountNeed = 'value',
): Promise<ReportBasis> {
  const resolved = await resolveAsOf(analytics, input.asOf, input.today);
  const windows = reportWindows(resolved.asOf, input.windowMonths);
  const earliest = uses === 'both' ? windows.previous : windows.current;
  const coverage = [
    ...resolved.notes,
    ...coverageNotes(resolved.dates, windows.current, earliest),
    ...missingAmountNotes(resolved.dates, needs),
  ];
  return { ...windows, measure: input.value, tiers: input.tiers, coverage };
}

/**
 * What a report does with orders without an amount: `value` reports rank customers by value (portfolio,
 * flows, concentration) and refuse data that mostly lacks amounts; `activity` reports (retention, cohorts)
 * count such orders as purchases and say what the value parts of them made of it.
 */
export type AmountNeed = 'value' | 'activity';

/** Value reports refuse data in which more than this share of the transactions has no amount. */
export const MAX_MISSING_AMOUNT_SHARE = 0.5;

/** Notes on transactions without an amount; refuses a value report on data that mostly lacks amounts. */
export function missingAmountNotes(dates: OrderDates | null, needs: AmountNeed): Message[] {
  if (dates === null || dates.withoutAmount === 0) return [];
  const { withoutAmount: missing, transactions } = dates;
  const share = Math.round((100 * missing) / transactions);
  if (needs === 'value' && missing / transactions > MAX_MISSING_AMOUNT_SHARE)
    throw new CvmError(
      'invalid-input',
      msg('basis.mostly-without-amount', {
        missing,
        transactions,
        share,
        limit: 100 * MAX_MISSING_AMOUNT_SHARE,
      }),
    );
  return [msg('basis.without-amount', { missing, transactions, share, activity: needs === 'activity' })];
}

/**
 * The note on customers left out of the tiers because their only transactions in a window were returns
 * (negative amounts): they bought nothing there, so they are not active; null when there are none.
 */
export function returnsOnlyNote(returnsOnly: { previous: number; current: number }): Message | null {
  const { previous, current } = returnsOnly;
  if (previous === 0 && current === 0) return null;
  return msg('basis.returns-only', { current, previous });
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
): Message | null {
  if (measure === 'margin' && transactions > 0 && missing / transactions > MAX_MISSING_MARGIN_SHARE)
    throw invalidOption(
      'value',
      measure,
      'revenue, or margin on transactions that have margins',
      msg('basis.mostly-without-margin', {
        missing,
        transactions,
        share: Math.round((100 * missing) / transactions),
        limit: 100 * MAX_MISSING_MARGIN_SHARE,
      }),
    );
  return measure === 'margin' && missing > 0 ? msg('basis.missing-margin', { missing }) : null;
}
