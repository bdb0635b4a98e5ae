/**
 * The options of the contract reports (`report subscription|products|product-churn`): the value-report
 * options with Top 20 % / Mid 30 % / Low 50 % tiers by default (seed 002's subscription table: Top,
 * Mid, Low) and where revenue comes from.
 */
import { z } from 'zod';
import type { IsoDay } from '../../core/dates';
import type { WindowMonths } from '../../core/kpi/basis';
import type { Tier } from '../../core/kpi/tiers';
import type { ContractRevenue } from '../../data/contracts/types';
import { field, oneOf, optionalField } from './parse';
import { isoDay, tierSpec, windowMonths } from './report';

/** Seed 002's subscription segments: Top 20 %, Mid 30 %, Low 50 % of the customers. */
export const SUBSCRIPTION_TIERS: readonly Tier[] = [
  { name: 'Top', sharePpm: 200_000 },
  { name: 'Mid', sharePpm: 300_000 },
  { name: 'Low', sharePpm: 500_000 },
];

export interface ContractReportInput {
  asOf?: IsoDay | undefined;
  today?: IsoDay | undefined;
  windowMonths: WindowMonths;
  tiers: Tier[];
  /** absent = fees when any contract has an annual_fee, else invoices */
  revenue?: ContractRevenue | undefined;
}

export const contractReportInput = z
  .object({
    asOf: optionalField(isoDay),
    today: optionalField(isoDay),
    window: field(windowMonths, 12),
    tiers: field(tierSpec, [...SUBSCRIPTION_TIERS]),
    revenue: optionalField(oneOf<ContractRevenue>(['fees', 'invoices'], 'a revenue source')),
  })
  .transform((o): ContractReportInput => ({
    asOf: o.asOf,
    today: o.today,
    windowMonths: o.window,
    tiers: o.tiers,
    revenue: o.revenue,
  }));
