/**
 * `cvm customer ID` and `GET /api/customers/:id`: the customer id, the value-report options (as-of day,
 * window, tiers, value) and how many windows the tier path goes back. The search (`GET /api/customers?q=`)
 * takes an id prefix. The horizon (months) and yearly discount rate (percent) are those of the customer's
 * predicted CLV, as `model predict` takes them.
 */
import { z } from 'zod';
import type { IsoDay } from '../../core/dates';
import type { ValueMeasure, WindowMonths } from '../../core/kpi/basis';
import type { Tier } from '../../core/kpi/tiers';
import { fail, field, finiteNumber, requiredField, wholeNumber, type Parsed } from './parse';
import { reportOptionsSchema } from './report';

function customerId(text: string): Parsed<string> {
  return text === '' || text.length > 200 ? fail(text, 'a customer id', '1–200 characters') : { ok: text };
}

export interface CustomerInput {
  customerId: string;
  asOf?: IsoDay | undefined;
  today?: IsoDay | undefined;
  windowMonths: WindowMonths;
  /** how many windows the tier path shows, the current one included */
  windows: number;
  tiers: Tier[];
  value: ValueMeasure;
  /** months ahead of the predicted purchases and CLV */
  horizonMonths: number;
  /** yearly discount rate of the CLV, as a fraction */
  discountRate: number;
}

export const customerInput = reportOptionsSchema
  .extend({
    customerId: requiredField(customerId, 'a customer id'),
    windows: field(wholeNumber(1, 20), 4),
    horizon: field(wholeNumber(1, 1200), 12),
    discountRate: field(finiteNumber(0), 10),
  })
  .transform((o): CustomerInput => ({
    customerId: o.customerId,
    asOf: o.asOf,
    today: o.today,
    windowMonths: o.window,
    windows: o.windows,
    tiers: o.tiers,
    value: o.value,
    horizonMonths: o.horizon,
    discountRate: o.discountRate / 100,
  }));

/** `cvm delete --customer ID [--dry-run]` and `DELETE /api/customers/:id?dryRun=true`: erasure. */
export const eraseCustomerInput = z.object({
  customerId: requiredField(customerId, 'a customer id'),
  dryRun: field(
    (text): Parsed<boolean> =>
      text === 'true' ? { ok: true } : text === 'false' ? { ok: false } : fail(text, 'true or false'),
    false,
  ),
});
export type EraseCustomerInput = z.output<typeof eraseCustomerInput>;

export const customerSearchInput = z.object({
  q: requiredField(customerId, 'the start of a customer id'),
  limit: field(wholeNumber(1, 100), 20),
});
