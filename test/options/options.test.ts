/**
 * Use-case options as users type them, parsed by the shared schemas into core types, or an `invalid-input`
 * error carrying the field, the value and what was expected (each face spells the field its own way).
 */
import { describe, expect, it } from 'vitest';
import { CvmError, optionMessage } from '../../src/core/errors';
import { DEFAULT_TIERS } from '../../src/core/kpi/tiers';
import { bucketWhatIf, loyalWhatIf } from '../../src/app/reports/simulate';
import { accountsInput } from '../../src/app/options/accounts';
import { importInput } from '../../src/app/options/import';
import { parseOptions } from '../../src/app/options/parse';
import {
  cohortInput,
  concentrationInput,
  portfolioInput,
  retentionInput,
} from '../../src/app/options/report';
import { bucketInput, loyalInput, retentionWhatIfInput } from '../../src/app/options/simulate';

/** The message as the CLI prints it (`--field: …`), and the option problem the error carries. */
function problem(work: () => unknown): { cli: string; api: string; option: unknown } {
  try {
    work();
  } catch (error) {
    if (!(error instanceof CvmError)) throw error;
    expect(error.code).toBe('invalid-input');
    return {
      cli: optionMessage(error, (f) => `--${f.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`),
      api: optionMessage(error, (f) => f),
      option: error.option,
    };
  }
  throw new Error('expected an option problem');
}

const tiers = (spec: string | undefined): unknown => parseOptions(portfolioInput, { tiers: spec }).tiers;

describe('tiers', () => {
  it('takes shares, named shares and deciles', () => {
    expect(tiers(undefined)).toEqual(DEFAULT_TIERS);
    expect(tiers('5,15,50,30')).toEqual(DEFAULT_TIERS);
    expect((tiers('Super:5,Top:15,Middle:50,Bottom:30') as { name: string }[]).map((t) => t.name)).toEqual([
      'Super',
      'Top',
      'Middle',
      'Bottom',
    ]);
    expect(tiers('12.5,87.5')).toEqual([
      { name: 'Tier 1 12.5%', sharePpm: 125_000 },
      { name: 'Tier 2 87.5%', sharePpm: 875_000 },
    ]);
    const deciles = tiers('deciles') as unknown[];
    expect(deciles).toHaveLength(10);
    expect(deciles[0]).toEqual({ name: 'Decile 1', sharePpm: 100_000 });
    expect(parseOptions(concentrationInput, {}).tiers).toHaveLength(10);
  });

  it('refuses shares that do not sum to 100, bad numbers and clashing names', () => {
    const p = problem(() => tiers('5,15,50'));
    expect(p.cli).toBe('--tiers: the shares in "5,15,50" sum to 70 %, expected 100');
    expect(p.api).toBe('tiers: the shares in "5,15,50" sum to 70 %, expected 100');
    expect(p.option).toMatchObject({ field: 'tiers', value: '5,15,50' });
    expect(problem(() => tiers('5,15,50,30.00001')).cli).toMatch(/"30.00001" .* is not a share in percent/);
    expect(problem(() => tiers('a:50,b:0,c:50')).cli).toMatch(/"0" in "a:50,b:0,c:50" is not a share/);
    expect(problem(() => tiers('a:50,a:50')).cli).toMatch(/not unique/);
    expect(problem(() => tiers('lost:50,b:50')).cli).toMatch(/"lost" is reserved/);
    expect(problem(() => tiers(':50,b:50')).cli).toMatch(/empty tier name/);
  });
});

describe('window, value and as-of', () => {
  it('accepts any whole number of months from 1 to 120', () => {
    expect(
      [undefined, '12', '3', '1', '6', '18', '24', '120'].map(
        (w) => parseOptions(portfolioInput, { window: w }).windowMonths,
      ),
    ).toEqual([12, 12, 3, 1, 6, 18, 24, 120]);
    const p = problem(() => parseOptions(portfolioInput, { window: '6.5' }));
    expect(p.cli).toBe(
      '--window: "6.5" is not a window length (expected whole months from 1 to 120, e.g. 12, 6, 3 or 1)',
    );
    expect(p.option).toEqual({
      field: 'window',
      value: '6.5',
      expected: 'whole months from 1 to 120, e.g. 12, 6, 3 or 1',
    });
    expect(problem(() => parseOptions(portfolioInput, { window: '0' })).api).toMatch(/^window: "0" is not/);
    expect(problem(() => parseOptions(portfolioInput, { window: '121' })).api).toMatch(
      /^window: "121" is not/,
    );
    expect(parseOptions(portfolioInput, { window: 3 }).windowMonths).toBe(3);
  });

  it('accepts revenue and margin, and clv where the tiers can rank by predicted CLV', () => {
    expect(
      [undefined, 'revenue', 'Margin'].map((v) => parseOptions(portfolioInput, { value: v }).value),
    ).toEqual(['revenue', 'revenue', 'margin']);
    // clv: revenue stays the measure of the revenue columns; the CLV basis carries model predict's defaults
    expect(parseOptions(portfolioInput, { value: 'clv' })).toMatchObject({
      value: 'revenue',
      clv: { model: 'bgnbd', horizonMonths: 12, discountRate: 0.1, timeUnit: 'week' },
    });
    expect(
      parseOptions(concentrationInput, { value: 'CLV', horizon: '24', discountRate: '7.5' }).clv,
    ).toEqual({ model: 'bgnbd', horizonMonths: 24, discountRate: 0.075, timeUnit: 'week' });
    expect(parseOptions(portfolioInput, { value: 'margin' }).clv).toBeUndefined();
    expect(problem(() => parseOptions(portfolioInput, { value: 'margin', discountRate: '5' })).cli).toBe(
      '--discount-rate: applies to value clv only',
    );
    expect(problem(() => parseOptions(portfolioInput, { value: 'clv', horizon: '0' })).cli).toMatch(
      /^--horizon: "0" is not/,
    );
    // the reports that cut tiers at many as-of days keep revenue and margin
    expect(problem(() => parseOptions(retentionInput, { value: 'clv' })).cli).toBe(
      '--value: "clv" is not a value measure (expected revenue or margin)',
    );
    expect(problem(() => parseOptions(portfolioInput, { value: 'ltv' })).cli).toBe(
      '--value: "ltv" is not a value basis (expected revenue, margin or clv)',
    );
  });

  it('validates the as-of day', () => {
    expect(parseOptions(portfolioInput, { asOf: '2024-02-29' }).asOf).toBe('2024-02-29');
    expect(parseOptions(portfolioInput, {}).asOf).toBeUndefined();
    expect(problem(() => parseOptions(portfolioInput, { asOf: '2023-02-29' })).cli).toBe(
      '--as-of: "2023-02-29" is not a date (expected YYYY-MM-DD)',
    );
  });

  it('gives each report its defaults and its own options', () => {
    expect(parseOptions(retentionInput, {})).toMatchObject({ stepMonths: 3, years: 3, windowMonths: 12 });
    expect(problem(() => parseOptions(retentionInput, { step: '0' })).cli).toBe(
      '--step: "0" is not a positive whole number',
    );
    expect(parseOptions(cohortInput, {})).toEqual({
      asOf: undefined,
      windowMonths: 3,
      cohort: 'quarter',
      years: 3,
    });
    expect(problem(() => parseOptions(cohortInput, { cohort: 'week' })).cli).toBe(
      '--cohort: "week" is not a cohort unit (expected month, quarter or year)',
    );
  });
});

describe('simulate options', () => {
  it('reads percentage points and checks ranges', () => {
    const b = bucketWhatIf(parseOptions(bucketInput, { acquisition: '10', churn: '10', years: '5' }));
    expect(b.doublingYears).toBeNull();
    expect(b.sizes.map((s) => s.size)).toEqual([100, 100, 100, 100, 100, 100]);
    expect(problem(() => parseOptions(bucketInput, { acquisition: '10', churn: '120' })).cli).toBe(
      '--churn: "120" is not a number from 0 to 100 (percentage points)',
    );
    expect(problem(() => parseOptions(bucketInput, { acquisition: 'ten', churn: '5' })).cli).toBe(
      '--acquisition: "ten" is not a number ≥ 0',
    );
    expect(
      problem(() => parseOptions(bucketInput, { acquisition: '10', churn: '5', years: '2.5' })).cli,
    ).toMatch(/whole number/);
    expect(problem(() => parseOptions(retentionWhatIfInput, { delta: '-170' })).cli).toMatch(
      /from -100 to 100/,
    );
    expect(parseOptions(loyalInput, { basket: '499,5' }).basket).toBe(499.5);
    expect(
      loyalWhatIf(
        parseOptions(loyalInput, {
          frequency: '4',
          basket: '500',
          years: '2.5',
          loyalFrequency: '5',
          loyalBasket: '600',
          loyalYears: '3',
        }),
      ).change,
    ).toBeCloseTo(0.8, 12);
  });
});

describe('import options', () => {
  it('reads delimiters, separators and mappings, and names the kind when it is wrong', () => {
    expect(
      parseOptions(importInput, {
        kind: 'transactions',
        delimiter: 'tab',
        decimal: ',',
        map: ['a=B,c=D', 'e=F'],
      }),
    ).toMatchObject({ kind: 'transactions', delimiter: '\t', decimal: ',', map: { a: 'B', c: 'D', e: 'F' } });
    expect(problem(() => parseOptions(importInput, { kind: 'transaction' })).api).toMatch(
      /^kind: "transaction" is not a kind \(expected one of customers, transactions/,
    );
    expect(problem(() => parseOptions(importInput, { kind: 'transaction' })).api).toMatch(
      /; did you mean transactions\?$/,
    );
    expect(problem(() => parseOptions(importInput, { kind: 'complants' })).api).toMatch(
      /did you mean complaints\?$/,
    );
    expect(problem(() => parseOptions(importInput, { kind: 'orders' })).api).not.toMatch(/did you mean/);
    expect(problem(() => parseOptions(importInput, { kind: 'customers', map: 'x' })).cli).toBe(
      '--map: "x" is not column=header (e.g. customer_id=KundNr)',
    );
    expect(problem(() => parseOptions(importInput, { kind: 'customers', inputFormat: 'doc' })).cli).toBe(
      '--input-format: "doc" is not a format (expected csv, xlsx, parquet or json)',
    );
  });
});

describe('key-account rates', () => {
  it('defaults to the paper’s 12 % and 4.8 %, or computes WACC from its components', () => {
    expect(parseOptions(accountsInput, {})).toMatchObject({
      discountRate: 0.12,
      wacc: 0.048,
      waccSource: 'default',
    });
    // 0.05 × (1 − 0.2) × 0.4 + 0.1 × 0.6 = 0.016 + 0.06 = 0.076
    const w = parseOptions(accountsInput, {
      costOfDebt: '0.05',
      costOfEquity: '0,1',
      debtShare: '0.4',
      taxRate: '0.2',
    });
    expect(w.wacc).toBeCloseTo(0.076, 15);
    expect(w.waccSource).toBe('components');
    expect(parseOptions(accountsInput, { wacc: '0.03' })).toMatchObject({ wacc: 0.03, waccSource: 'given' });
  });

  it('refuses percents, half the components and both ways at once', () => {
    expect(problem(() => parseOptions(accountsInput, { discountRate: '12' })).cli).toBe(
      '--discount-rate: "12" is not a rate (expected a fraction from 0 to below 1, e.g. 0.048 for 4.8 %)',
    );
    const half = problem(() => parseOptions(accountsInput, { costOfDebt: '0.05', debtShare: '0.4' }));
    expect(half.cli).toBe(
      '--cost-of-equity: missing: WACC from its components needs --cost-of-debt, --cost-of-equity and --debt-share',
    );
    expect(half.option).toMatchObject({ field: 'costOfEquity', value: undefined });
    expect(problem(() => parseOptions(accountsInput, { wacc: '0.05', taxRate: '0.2' })).api).toBe(
      'wacc: give either WACC or its components (taxRate), not both',
    );
    expect(problem(() => parseOptions(accountsInput, { debtShare: '1.5' })).cli).toMatch(
      /^--debt-share: "1.5" is not a share/,
    );
  });
});
