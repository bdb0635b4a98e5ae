/**
 * `simulate`: the loyalty what-ifs. `retention` raises the store portfolio's retention by Δ points; `bucket`
 * and `loyal` are pure arithmetic on the numbers given (seed 002's leaking bucket and loyal customer).
 * Percent options are in percentage points ("--churn 5" is 5 %).
 */
import type { IsoDay } from '../../core/dates';
import { CvmError } from '../../core/errors';
import type { ValueMeasure, WindowMonths } from '../../core/kpi/basis';
import { leakingBucket, type BucketResult } from '../../core/kpi/leaking-bucket';
import { compareLoyalCustomer, type LoyalComparison } from '../../core/kpi/loyal-customer';
import { simulateRetention, type RetentionScenarioTier } from '../../core/kpi/loyalty';
import type { AnalyticsPort } from '../../data/analytics/types';
import type { ReportOptions } from './options';
import { computeStorePortfolio } from './portfolio';

/** Parses a finite number option; `min` is inclusive. */
export function parseNumber(name: string, text: string | undefined, min?: number): number {
  const n = text === undefined ? NaN : Number(text.trim().replace(',', '.'));
  if (text === undefined || text.trim() === '' || !Number.isFinite(n) || (min !== undefined && n < min))
    throw new CvmError(
      'usage',
      `${name}: ${JSON.stringify(text ?? '')} is not a number${min !== undefined ? ` ≥ ${min}` : ''}`,
    );
  return n;
}

export interface RetentionWhatIfReport {
  asOf: IsoDay;
  windowMonths: WindowMonths;
  value: ValueMeasure;
  deltaPoints: number;
  tiers: RetentionScenarioTier[];
  total: { value: number | null; newValue: number | null; change: number | null };
  notes: string[];
}

export async function retentionWhatIf(
  analytics: AnalyticsPort,
  options: ReportOptions & { delta?: string | undefined },
): Promise<RetentionWhatIfReport> {
  const delta = parseNumber('--delta', options.delta ?? '5', -100);
  const { basis, portfolio, notes } = await computeStorePortfolio(analytics, options);
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

export function bucketWhatIf(options: {
  acquisition?: string | undefined;
  churn?: string | undefined;
  years?: string | undefined;
  start?: string | undefined;
}): BucketReport {
  const acquisition = parseNumber('--acquisition', options.acquisition, 0);
  const churn = parseNumber('--churn', options.churn, 0);
  if (churn > 100)
    throw new CvmError('usage', `--churn: ${JSON.stringify(options.churn)} is more than 100 %`);
  const years = parseNumber('--years', options.years ?? '20', 0);
  if (!Number.isInteger(years))
    throw new CvmError('usage', `--years: ${JSON.stringify(options.years)} is not a whole number`);
  const start = parseNumber('--start', options.start ?? '100', 0);
  return {
    acquisition,
    churn,
    years,
    start,
    ...leakingBucket({ acquisition: acquisition / 100, churn: churn / 100, years, start }),
  };
}

export function loyalWhatIf(options: Record<string, string | undefined>): LoyalComparison {
  return compareLoyalCustomer(
    {
      frequency: parseNumber('--frequency', options.frequency, 0),
      basket: parseNumber('--basket', options.basket, 0),
      years: parseNumber('--years', options.years, 0),
    },
    {
      frequency: parseNumber('--loyal-frequency', options.loyalFrequency, 0),
      basket: parseNumber('--loyal-basket', options.loyalBasket, 0),
      years: parseNumber('--loyal-years', options.loyalYears, 0),
    },
  );
}
