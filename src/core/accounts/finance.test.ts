import { describe, expect, it } from 'vitest';
import {
  discountedClv,
  orderedYears,
  presentValues,
  probabilityAdjustedClv,
  riskAdjustedRate,
  survivalClv,
  wacc,
  type AccountForecast,
} from './finance';

// Nets 500 a year: 1000 − 300 − 200, 1100 − 300 − 300, 1200 − 300 − 400; given out of order on purpose.
const A: AccountForecast = {
  accountId: 'A',
  years: [
    { year: 2, revenue: 1100, costToServe: 300, claimsCost: 300 },
    { year: 1, revenue: 1000, costToServe: 300, claimsCost: 200 },
    { year: 3, revenue: 1200, costToServe: 300, claimsCost: 400 },
  ],
};

describe('WACC', () => {
  it('weights the costs of debt and equity: 6 % × 0.3 + 10 % × 0.7 = 8.8 %', () => {
    expect(wacc({ costOfDebt: 0.06, costOfEquity: 0.1, debtShare: 0.3 })).toBeCloseTo(0.088, 15);
    expect(wacc({ costOfDebt: 0.06, costOfEquity: 0.1, debt: 300, equity: 700 })).toBeCloseTo(0.088, 15);
  });

  it('applies the tax shield on debt: 6 % × (1 − 25 %) × 0.3 + 10 % × 0.7 = 8.35 %', () => {
    expect(wacc({ costOfDebt: 0.06, costOfEquity: 0.1, debtShare: 0.3, taxRate: 0.25 })).toBeCloseTo(
      0.0835,
      15,
    );
  });

  it('rejects shares outside 0–1, zero capital and a tax of 100 %', () => {
    expect(() => wacc({ costOfDebt: 0.06, costOfEquity: 0.1, debtShare: 1.3 })).toThrow('debt share 1.3');
    expect(() => wacc({ costOfDebt: 0.06, costOfEquity: 0.1, debt: 0, equity: 0 })).toThrow('not both 0');
    expect(() => wacc({ costOfDebt: 0.06, costOfEquity: 0.1, debtShare: 0.5, taxRate: 1 })).toThrow(
      'tax rate 1',
    );
  });
});

describe('CLV', () => {
  it('discounts year t t times: 500/1.1 + 500/1.1² + 500/1.1³ = 1 243.43', () => {
    expect(discountedClv(A, 0.1)).toBeCloseTo(500 / 1.1 + 500 / 1.21 + 500 / 1.331, 9);
    expect(discountedClv(A, 0.1)).toBeCloseTo(1243.4259954, 6);
    expect(discountedClv(A, 0)).toBe(1500);
  });

  it('scales only revenue by p: (800 − 500)/1.1 + (880 − 600)/1.1² + (960 − 700)/1.1³ = 699.47', () => {
    expect(probabilityAdjustedClv(A, 0.8, 0.1)).toBeCloseTo(699.4740796, 6);
    expect(probabilityAdjustedClv(A, 1, 0.1)).toBeCloseTo(discountedClv(A, 0.1), 9);
  });

  it('compounds p in the survival variant: (800 − 500)/1.1 + (704 − 600)/1.1² + (614.4 − 700)/1.1³ = 294.37', () => {
    expect(survivalClv(A, 0.8, 0.1)).toBeCloseTo(294.365139, 6);
    expect(survivalClv(A, 0.8, 0.1)).toBeLessThan(probabilityAdjustedClv(A, 0.8, 0.1));
  });

  it('splits present values into revenue and costs', () => {
    const pv = presentValues(A, 0.1);
    expect(pv.revenue).toBeCloseTo(1000 / 1.1 + 1100 / 1.21 + 1200 / 1.331, 9);
    expect(pv.revenue - pv.costs).toBeCloseTo(discountedClv(A, 0.1), 9);
  });

  it('names the account and the year when a forecast year is missing or repeated', () => {
    const gap: AccountForecast = { accountId: 'J', years: A.years.filter((y) => y.year !== 2) };
    expect(() => discountedClv(gap, 0.12)).toThrow(
      'account J: forecast year 2 is missing; expected years 1…2 each once',
    );
    const twice: AccountForecast = { accountId: 'C', years: [...A.years, A.years[0]!] };
    expect(() => orderedYears(twice)).toThrow('account C: forecast year 2 appears twice');
    expect(() => orderedYears({ accountId: 'L', years: [] })).toThrow('account L has no forecast years');
    const bad = { accountId: 'B', years: [{ year: 1, revenue: Number.NaN, costToServe: 0, claimsCost: 0 }] };
    expect(() => orderedYears(bad)).toThrow('account B, forecast year 1: revenue NaN is not a number');
  });

  it('rejects rates at or below −100 % and probabilities outside 0–1', () => {
    expect(() => discountedClv(A, -1)).toThrow('discount rate -1 is not allowed');
    expect(() => probabilityAdjustedClv(A, 1.2, 0.048)).toThrow('retention probability 1.2');
  });
});

describe('risk-adjusted rate', () => {
  it('raises WACC by as much as the account risk exceeds the mean: risk .3 vs mean .2 → 4.8 % × 1.5 = 7.2 %', () => {
    expect(riskAdjustedRate(0.048, 0.3, 0.2)).toBeCloseTo(0.072, 15);
    expect(riskAdjustedRate(0.048, 0.2, 0.2)).toBeCloseTo(0.048, 15);
    expect(riskAdjustedRate(0.048, 0.1, 0.2)).toBeCloseTo(0.024, 15);
  });

  it('is null when no account is at risk', () => {
    expect(riskAdjustedRate(0.048, 0, 0)).toBeNull();
  });
});
