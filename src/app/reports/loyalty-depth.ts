/**
 * `report loyalty-depth`: the behavioural dimensions of loyalty per value tier of the current window:
 * duration (tenure), frequency, volume, depth (product lines bought) and share of wallet where customers
 * carry a `category_spend` estimate (seed 002; docs/metrics.md, "Depth of loyalty"). On orders.
 */
import type { IsoDay, Window } from '../../core/dates';
import type { ValueMeasure, WindowMonths } from '../../core/kpi/basis';
import {
  loyaltyDepth,
  loyaltyDepthCustomer,
  type LoyaltyDepthCustomer,
  type LoyaltyDepthRow,
} from '../../core/kpi/loyalty-depth';
import { invalidOption } from '../../core/errors';
import type { AnalyticsPort } from '../../data/analytics/types';
import type { LoyaltyDepthInput } from '../options/report';
import { missingMarginNote, resolveBasis } from './basis';
import type { Message } from '../../core/messages/catalogue';
import { msg } from '../../core/messages/catalogue';

export interface LoyaltyDepthReport {
  basis: 'orders';
  asOf: IsoDay;
  windowMonths: WindowMonths;
  value: ValueMeasure;
  window: Window;
  tiers: LoyaltyDepthRow[];
  total: LoyaltyDepthRow;
  /** per customer, by rank then id: the `customers` option's most valuable (all with `all`); [] by default */
  customers: LoyaltyDepthCustomer[];
  notes: Message[];
}

export async function loyaltyDepthReport(
  analytics: AnalyticsPort,
  input: LoyaltyDepthInput,
): Promise<LoyaltyDepthReport> {
  if (input.basis === 'contracts')
    throw invalidOption('basis', 'contracts', 'orders', msg('basis.depth-orders-only'));
  const basis = await resolveBasis(analytics, input, 'current');
  const result = await analytics.loyaltyDepth({
    window: basis.current,
    windowMonths: basis.windowMonths,
    measure: basis.measure,
    tiers: basis.tiers,
    customers: input.customers,
  });
  const names = basis.tiers.map((t) => t.name);
  const table = loyaltyDepth(names, result.tiers, basis.windowMonths);
  const margin = missingMarginNote(basis.measure, result.missingMargin, result.transactions);
  return {
    basis: 'orders',
    asOf: basis.asOf,
    windowMonths: basis.windowMonths,
    value: basis.measure,
    window: basis.current,
    tiers: table.tiers,
    total: table.total,
    customers: result.customers.map((c) => loyaltyDepthCustomer(names, c, basis.windowMonths)),
    notes: [...basis.coverage, ...(margin ? [margin] : []), ...table.notes],
  };
}
