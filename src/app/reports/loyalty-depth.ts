/**
 * `report loyalty-depth`: the behavioural dimensions of loyalty per value tier of the current window:
 * duration (tenure), frequency, volume, depth (product lines bought) and share of wallet where customers
 * carry a `category_spend` estimate (seed 002; docs/metrics.md, "Depth of loyalty"). On orders.
 */
import type { IsoDay, Window } from '../../core/dates';
import type { ValueMeasure, WindowMonths } from '../../core/kpi/basis';
import { loyaltyDepth, type LoyaltyDepthRow } from '../../core/kpi/loyalty-depth';
import type { AnalyticsPort } from '../../data/analytics/types';
import type { ReportInput } from '../options/report';
import { missingMarginNote, resolveBasis } from './basis';
import type { Message } from '../../core/messages/catalogue';

export interface LoyaltyDepthReport {
  basis: 'orders';
  asOf: IsoDay;
  windowMonths: WindowMonths;
  value: ValueMeasure;
  window: Window;
  tiers: LoyaltyDepthRow[];
  total: LoyaltyDepthRow;
  notes: Message[];
}

export async function loyaltyDepthReport(
  analytics: AnalyticsPort,
  input: ReportInput,
): Promise<LoyaltyDepthReport> {
  const basis = await resolveBasis(analytics, input, 'current');
  const result = await analytics.loyaltyDepth({
    window: basis.current,
    windowMonths: basis.windowMonths,
    measure: basis.measure,
    tiers: basis.tiers,
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
    notes: [...basis.coverage, ...(margin ? [margin] : []), ...table.notes],
  };
}
