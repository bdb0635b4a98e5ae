/**
 * `simulate`: the loyalty what-ifs. `retention` raises the store portfolio's retention by Δ points; `bucket`
 * and `loyal` are pure arithmetic on the numbers given (seed 002's leaking bucket and loyal customer).
 * Percent options are in percentage points (churn 5 is 5 %).
 */
import type { IsoDay } from '../../core/dates';
import type { ValueMeasure, WindowMonths } from '../../core/kpi/basis';
import { leakingBucket, type BucketResult } from '../../core/kpi/leaking-bucket';
import { compareLoyalCustomer, type LoyalComparison } from '../../core/kpi/loyal-customer';
import { simulateRetention, type RetentionScenarioTier } from '../../core/kpi/loyalty';
import type { AnalyticsPort } from '../../data/analytics/types';
import type { BucketInput, LoyalInput, RetentionWhatIfInput } from '../options/simulate';
import { computeStorePortfolio } from './portfolio';
import type { Message } from '../../core/messages/catalogue';

export interface RetentionWhatIfReport {
  asOf: IsoDay;
  windowMonths: WindowMonths;
  value: ValueMeasure;
  deltaPoints: number;
  tiers: RetentionScenarioTier[];
  total: { value: number | null; newValue: number | null; change: number | null };
  notes: Message[];
}

export async function retentionWhatIf(
  analytics: AnalyticsPort,
  input: RetentionWhatIfInput,
): Promise<RetentionWhatIfReport> {
  const delta = input.deltaPoints;
  const { basis, portfolio, notes } = await computeStorePortfolio(analytics, input);
  const s = simulateRetention(portfolio, delta);
  return {
    asOf: basis.asOf,
    windowMonths: basis.windowMonths,
    value: basis.measure,
    deltaPoints: delta,
    tiers: s.tiers,
    total: { value: s.value, newValue: s.newValue, change: s.change },
    notes: [...notes, ...s.notes],
  };
}

export interface BucketReport extends BucketResult {
  /** percent per year */
  acquisition: number;
  churn: number;
  years: number;
  start: number;
}

export function bucketWhatIf(input: BucketInput): BucketReport {
  const { acquisition, churn, years, start } = input;
  return {
    acquisition,
    churn,
    years,
    start,
    ...leakingBucket({ acquisition: acquisition / 100, churn: churn / 100, years, start }),
  };
}

export function loyalWhatIf(input: LoyalInput): LoyalComparison {
  return compareLoyalCustomer(
    { frequency: input.frequency, basket: input.basket, years: input.years },
    { frequency: input.loyalFrequency, basket: input.loyalBasket, years: input.loyalYears },
  );
}
