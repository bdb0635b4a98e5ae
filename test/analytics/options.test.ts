/** Report options as users type them: parsed into core types, or a usage error naming the value. */
import { describe, expect, it } from 'vitest';
import { parseAsOf, parseTiers, parseValueMeasure, parseWindowMonths } from '../../src/app/reports/options';
import { bucketWhatIf, loyalWhatIf, parseNumber } from '../../src/app/reports/simulate';
import { DEFAULT_TIERS } from '../../src/core/kpi/tiers';

function usage(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    expect(error).toMatchObject({ code: 'usage' });
    return (error as Error).message;
  }
  throw new Error('expected a usage error');
}

describe('--tiers', () => {
  it('takes shares, named shares and deciles', () => {
    expect(parseTiers(undefined)).toEqual(DEFAULT_TIERS);
    expect(parseTiers('5,15,50,30')).toEqual(DEFAULT_TIERS);
    expect(parseTiers('Super:5,Top:15,Middle:50,Bottom:30').map((t) => t.name)).toEqual([
      'Super',
      'Top',
      'Middle',
      'Bottom',
    ]);
    expect(parseTiers('12.5,87.5')).toEqual([
      { name: 'Tier 1 12.5%', sharePpm: 125_000 },
      { name: 'Tier 2 87.5%', sharePpm: 875_000 },
    ]);
    const deciles = parseTiers('deciles');
    expect(deciles).toHaveLength(10);
    expect(deciles[0]).toEqual({ name: 'Decile 1', sharePpm: 100_000 });
  });

  it('refuses shares that do not sum to 100, bad numbers and clashing names', () => {
    expect(usage(() => parseTiers('5,15,50'))).toBe(
      '--tiers: the shares in "5,15,50" sum to 70 %, expected 100',
    );
    expect(usage(() => parseTiers('5,15,50,30.00001'))).toMatch(/"30.00001" .* is not a share in percent/);
    expect(usage(() => parseTiers('a:50,b:0,c:50'))).toMatch(/"0" in "a:50,b:0,c:50" is not a share/);
    expect(usage(() => parseTiers('a:50,a:50'))).toMatch(/not unique/);
    expect(usage(() => parseTiers('lost:50,b:50'))).toMatch(/"lost" is reserved/);
    expect(usage(() => parseTiers(':50,b:50'))).toMatch(/empty tier name/);
  });
});

describe('--window, --value and --as-of', () => {
  it('accepts 12, 3 and 1 months', () => {
    expect([undefined, '12', '3', '1'].map(parseWindowMonths)).toEqual([12, 12, 3, 1]);
    expect(usage(() => parseWindowMonths('6'))).toBe(
      '--window: "6" is not a window length (expected 12, 3 or 1 months)',
    );
  });

  it('accepts revenue and margin', () => {
    expect([undefined, 'revenue', 'Margin'].map(parseValueMeasure)).toEqual(['revenue', 'revenue', 'margin']);
    expect(usage(() => parseValueMeasure('clv'))).toMatch(/"clv" is not a value measure/);
  });

  it('validates the as-of day as a usage error', () => {
    expect(parseAsOf('2024-02-29')).toBe('2024-02-29');
    expect(parseAsOf(undefined)).toBeUndefined();
    expect(usage(() => parseAsOf('2023-02-29'))).toBe(
      '--as-of: "2023-02-29" is not a date (expected YYYY-MM-DD)',
    );
  });
});

describe('simulate options', () => {
  it('reads percentage points and checks ranges', () => {
    const b = bucketWhatIf({ acquisition: '10', churn: '10', years: '5' });
    expect(b.doublingYears).toBeNull();
    expect(b.sizes.map((s) => s.size)).toEqual([100, 100, 100, 100, 100, 100]);
    expect(usage(() => bucketWhatIf({ acquisition: '10', churn: '120' }))).toMatch(/more than 100 %/);
    expect(usage(() => bucketWhatIf({ acquisition: 'ten', churn: '5' }))).toBe(
      '--acquisition: "ten" is not a number ≥ 0',
    );
    expect(usage(() => bucketWhatIf({ acquisition: '10', churn: '5', years: '2.5' }))).toMatch(
      /whole number/,
    );
    expect(parseNumber('--basket', '499,5', 0)).toBe(499.5);
    expect(
      loyalWhatIf({
        frequency: '4',
        basket: '500',
        years: '2.5',
        loyalFrequency: '5',
        loyalBasket: '600',
        loyalYears: '3',
      }).change,
    ).toBeCloseTo(0.8, 12);
  });
});
