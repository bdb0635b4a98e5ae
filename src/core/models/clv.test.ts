import { describe, expect, it } from 'vitest';
import { readCdnowSpend } from '../../../test/cdnow-fixture';
import { expectAllFinite } from '../../../test/finite';
import { conditionalExpectedPurchasesBgNbd } from './bg-nbd';
import { discountedClv } from './clv';
import { conditionalExpectedSpendGammaGamma } from './gamma-gamma';

const WEEKS_PER_YEAR = 365.25 / 7;
const bgNbd = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const gg = { p: 6.25, q: 3.74, gamma: 15.44 };

describe('discountedClv', () => {
  it('discounts each period from its end at the yearly rate: a hand-computed steady buyer', () => {
    // One purchase a week of 10 currency units, monthly periods for a year at 12 % a year.
    const clv = discountedClv((_i, t) => t, [10], {
      timeUnitsPerYear: WEEKS_PER_YEAR,
      periodsPerYear: 12,
      periods: 12,
      annualDiscountRate: 0.12,
    });
    let expected = 0;
    for (let k = 1; k <= 12; k++) expected += (WEEKS_PER_YEAR / 12) * 10 * 1.12 ** (-k / 12);
    expect(clv[0]).toBeCloseTo(expected, 9);
    expect(clv[0]).toBeLessThan(WEEKS_PER_YEAR * 10);
    expect(clv[0]).toBeGreaterThan((WEEKS_PER_YEAR * 10) / 1.12);
  });

  it('without discounting is expected purchases over the horizon times spend, whatever the periods', () => {
    const purchases = (_i: number, t: number): number =>
      conditionalExpectedPurchasesBgNbd(bgNbd, t, 2, 30.43, 38.86);
    const spend = conditionalExpectedSpendGammaGamma(gg, 2, 22.35)!;
    const monthly = discountedClv(purchases, [spend], {
      timeUnitsPerYear: WEEKS_PER_YEAR,
      periodsPerYear: 12,
      periods: 24,
      annualDiscountRate: 0,
    });
    const yearly = discountedClv(purchases, [spend], {
      timeUnitsPerYear: WEEKS_PER_YEAR,
      periodsPerYear: 1,
      periods: 2,
      annualDiscountRate: 0,
    });
    const twoYears = purchases(0, 2 * WEEKS_PER_YEAR) * spend;
    expect(monthly[0]).toBeCloseTo(twoYears, 9);
    expect(yearly[0]).toBeCloseTo(twoYears, 9);
    // Discounting monthly is worth more than discounting each whole year from its end.
    const at = (periodsPerYear: number, periods: number): number =>
      discountedClv(purchases, [spend], {
        timeUnitsPerYear: WEEKS_PER_YEAR,
        periodsPerYear,
        periods,
        annualDiscountRate: 0.1,
      })[0]!;
    expect(at(12, 24)).toBeGreaterThan(at(1, 2));
    expect(at(12, 24)).toBeLessThan(twoYears);
  });

  it('values every CDNOW customer at once, finite, and more for a recent frequent buyer', () => {
    const rows = readCdnowSpend();
    const spend = Float64Array.from(rows, (r) => conditionalExpectedSpendGammaGamma(gg, r.x, r.mbar)!);
    const clv = discountedClv(
      (i, t) => {
        const r = rows[i]!;
        return conditionalExpectedPurchasesBgNbd(bgNbd, t, r.x, r.tx, r.T);
      },
      spend,
      { timeUnitsPerYear: WEEKS_PER_YEAR, periodsPerYear: 12, periods: 12, annualDiscountRate: 0.1 },
    );
    expect(clv.length).toBe(2357);
    expectAllFinite(clv);
    expect(Math.min(...clv)).toBeGreaterThan(0);
    // Customer 1 (x = 2, tx = 30.43, T = 38.86) against a direct evaluation of the formula.
    let expected = 0;
    let previous = 0;
    for (let k = 1; k <= 12; k++) {
      const cumulative = conditionalExpectedPurchasesBgNbd(bgNbd, (k * WEEKS_PER_YEAR) / 12, 2, 30.43, 38.86);
      expected += (cumulative - previous) * 1.1 ** (-k / 12);
      previous = cumulative;
    }
    expect(clv[0]).toBeCloseTo(expected * conditionalExpectedSpendGammaGamma(gg, 2, 22.35)!, 9);
  });

  it('rejects a horizon without periods, an impossible rate and a non-finite spend', () => {
    const h = { timeUnitsPerYear: 52, periodsPerYear: 12, periods: 12, annualDiscountRate: 0.1 };
    const f = (_i: number, t: number): number => t;
    expect(() => discountedClv(f, [1], { ...h, periods: 0 })).toThrow(/periods = 0/);
    expect(() => discountedClv(f, [1], { ...h, periods: 1.5 })).toThrow(/periods = 1.5/);
    expect(() => discountedClv(f, [1], { ...h, annualDiscountRate: -1 })).toThrow(/annualDiscountRate/);
    expect(() => discountedClv(f, [1], { ...h, timeUnitsPerYear: 0 })).toThrow(/timeUnitsPerYear/);
    expect(() => discountedClv(f, [Number.NaN], h)).toThrow(/spend of customer 0/);
    expect(discountedClv(f, [], h).length).toBe(0);
  });
});
