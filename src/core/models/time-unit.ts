/**
 * The time unit a purchase model is fitted in: recency, age, `alpha` and every horizon are counted in it.
 *
 * The decision a reader needs: a unit is a fixed number of days (a month is 365.25 / 12 days, not a
 * calendar month), so that t_x and T are plain differences of days divided by one constant and customers
 * with the same history in days get the same pattern.
 */

export const TIME_UNITS = ['day', 'week', 'month'] as const;

/** Unit of t_x, T, `alpha` and horizons of a purchase model. */
export type TimeUnit = (typeof TIME_UNITS)[number];

const DAYS: Record<TimeUnit, number> = { day: 1, week: 7, month: 365.25 / 12 };

/** Days in one unit: 1, 7 or 30.4375. */
export function daysPerUnit(unit: TimeUnit): number {
  return DAYS[unit];
}

/** Units in a year of 365.25 days: 365.25, 52.18 or 12. */
export function unitsPerYear(unit: TimeUnit): number {
  return 365.25 / DAYS[unit];
}
