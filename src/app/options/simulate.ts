/** The options of the loyalty what-ifs (`simulate retention|bucket|loyal`); percents in percentage points. */
import { z } from 'zod';
import { fail, field, finiteNumber, type Parsed } from './parse';
import { reportOptionsSchema, type ReportInput } from './report';

/** A number from `min` to `max` percent. */
function percent(min: number, max: number) {
  return (text: string): Parsed<number> => {
    const n = Number(text.replace(',', '.'));
    if (text !== '' && Number.isFinite(n) && n >= min && n <= max) return { ok: n };
    return fail(text, `a number from ${min} to ${max} (percentage points)`);
  };
}

export interface RetentionWhatIfInput extends ReportInput {
  /** retention change in percentage points, −100…100 */
  deltaPoints: number;
}

export const retentionWhatIfInput = reportOptionsSchema
  .extend({ delta: field(percent(-100, 100), 5) })
  .transform((o): RetentionWhatIfInput => ({
    asOf: o.asOf,
    today: o.today,
    windowMonths: o.window,
    tiers: o.tiers,
    value: o.value,
    deltaPoints: o.delta,
  }));

/** The leaking bucket: acquisition and churn in percent per year, whole years, a starting base. */
export const bucketInput = z.object({
  acquisition: field(finiteNumber(0), 10),
  churn: field(percent(0, 100), 5),
  years: field((text): Parsed<number> => {
    const n = Number(text);
    return text !== '' && Number.isInteger(n) && n >= 0 ? { ok: n } : fail(text, 'a whole number ≥ 0');
  }, 20),
  start: field(finiteNumber(0), 100),
});
export type BucketInput = z.output<typeof bucketInput>;

/** Ordinary vs loyal customer: purchases per year, basket, years, for each. */
export const loyalInput = z.object({
  frequency: field(finiteNumber(0), 4),
  basket: field(finiteNumber(0), 500),
  years: field(finiteNumber(0), 2.5),
  loyalFrequency: field(finiteNumber(0), 5),
  loyalBasket: field(finiteNumber(0), 600),
  loyalYears: field(finiteNumber(0), 3),
});
export type LoyalInput = z.output<typeof loyalInput>;
