import { describe, expect, it } from 'vitest';
import { createRandom, integer, uniform } from '../random';
import { discountedClv, probabilityAdjustedClv, survivalClv, type ForecastYear } from './finance';
import { tabulatePortfolio, valuePortfolio, type AccountClvs, type AccountInput } from './portfolio';
import { retentionProbability } from './probability';
import { DEFAULT_SCORECARD } from './scorecard';

// Ryals & Knox 2007, Table 5 columns 1–3 (columns 1–2 are Table 1).
const TABLE_5: [string, number, number, number][] = [
  ['B', 1_869_980.76, 2_085_478.59, 1_394_374.32],
  ['C', 313_848.23, 334_434.24, -101_301.63],
  ['E', 920_172.37, 1_047_973.33, 152_959.42],
  ['F', 157_123.98, 166_571.33, 157_123.98],
  ['G', 1_355_200.14, 1_471_931.26, 454_221.14],
  ['H', 2_939_410.64, 3_553_664.32, 657_826.15],
  ['I', 4_634_637.18, 5_272_831.15, 3_892_303.19],
  ['J', 408_922.62, 471_671.59, -551_208.89],
  ['K', 2_724_553.64, 3_032_929.21, 1_190_854.05],
  ['L', 207_221.2, 230_971.72, 105_259.62],
];
const TABLE_1_COLUMN_3 = [111.5, 106.6, 113.9, 106.0, 108.6, 120.9, 113.8, 115.3, 111.3, 111.5];
const TABLE_5_COLUMN_4 = [66.9, -30.3, 14.6, 94.3, 30.9, 18.5, 73.8, -116.9, 39.3, 45.6];

const paperRows = (): AccountClvs[] =>
  TABLE_5.map(([accountId, d, w, a]) => ({
    accountId,
    probability: null,
    clvDiscountRate: d,
    clvWacc: w,
    clvProbabilityAdjusted: a,
    clvSurvival: null,
    riskAdjustedRate: null,
    clvRiskAdjustedRate: null,
  }));
const percent = (r: number | null): number => Math.round((r ?? Number.NaN) * 1000) / 10;

describe("the paper's Tables 1 and 5", () => {
  const t = tabulatePortfolio(paperRows());

  it('reproduces every ratio column entry to the printed 0.1 %', () => {
    expect(t.rows.map((r) => percent(r.waccToDiscount))).toEqual(TABLE_1_COLUMN_3);
    expect(t.rows.map((r) => percent(r.adjustedToWacc))).toEqual(TABLE_5_COLUMN_4);
  });

  it('reproduces the totals: 15 531 070.76, 17 668 456.74 (printed .73), 7 352 411.35; 113.8 % and 41.6 %', () => {
    expect(t.totals.clvDiscountRate).toBeCloseTo(15_531_070.76, 2);
    expect(t.totals.clvWacc).toBeCloseTo(17_668_456.74, 2);
    expect(t.totals.clvProbabilityAdjusted).toBeCloseTo(7_352_411.35, 2);
    expect(percent(t.totals.waccToDiscount)).toBe(113.8);
    expect(percent(t.totals.adjustedToWacc)).toBe(41.6);
    // the text's difference of £2,137,385.97 is the sum of the rounded rows, one cent off
    expect(t.totals.clvWacc - t.totals.clvDiscountRate).toBeCloseTo(2_137_385.98, 2);
    expect(t.totals.clvSurvival).toBeNull();
  });

  it('flags C and J, the two accounts that went from positive to negative', () => {
    expect(t.turnsNegative).toEqual(['C', 'J']);
  });

  it('shows the text: H changes most (21 %), C and F least (6 %), I is almost 30 times F', () => {
    const changes = t.rows.map((r) => r.waccVsDiscountChange ?? 0);
    expect(t.rows[changes.indexOf(Math.max(...changes))]?.accountId).toBe('H');
    expect(Math.round(Math.max(...changes) * 100)).toBe(21);
    const ascending = [...t.rows].sort(
      (a, b) => (a.waccVsDiscountChange ?? 0) - (b.waccVsDiscountChange ?? 0),
    );
    expect(ascending.slice(0, 2).map((r) => r.accountId)).toEqual(['F', 'C']);
    expect(ascending[1]!.waccVsDiscountChange).toBeLessThan(0.07); // the text truncates 6.6 % to 6 %
    expect(4_634_637.18 / 157_123.98).toBeGreaterThan(29);
    expect(4_634_637.18 / 157_123.98).toBeLessThan(30);
  });

  it('gives no ratio against a base that is not positive', () => {
    const [row] = tabulatePortfolio([{ ...paperRows()[0]!, clvWacc: -5 }]).rows;
    expect(row?.adjustedToWacc).toBeNull();
    expect(row?.turnsNegative).toBe(false);
  });
});

const VALUES = {
  other_relationships: 1,
  business_lines: 4,
  relationship_years: 5,
  broker_relationship: 3,
  relationship_quality: 4,
  contacts_at_customer: 3,
  contacts_at_company: 4,
  knowledge_of_company: 4,
  knowledge_of_industry: 3,
};
const flat = (years: number, revenue: number, costs: number): ForecastYear[] =>
  Array.from({ length: years }, (_, i) => ({
    year: i + 1,
    revenue,
    costToServe: costs / 2,
    claimsCost: costs / 2,
  }));

describe('valuePortfolio', () => {
  it('computes each column with the finance functions and the risk-adjusted rate from the mean risk', () => {
    const accounts: AccountInput[] = [
      { accountId: 'X', values: VALUES, forecast: flat(4, 1000, 700) },
      {
        accountId: 'Y',
        values: { ...VALUES, business_lines: 10, other_relationships: 3 },
        forecast: flat(5, 500, 200),
      },
    ];
    const t = valuePortfolio(DEFAULT_SCORECARD, accounts, { discountRate: 0.12, wacc: 0.048 });
    const px = retentionProbability(DEFAULT_SCORECARD, VALUES).probability; // 6.8 / 9
    const py = px + (0.1 + 0.3) / 9;
    expect(px).toBeCloseTo(6.8 / 9, 12);
    const x = { accountId: 'X', years: accounts[0]!.forecast };
    const [rx, ry] = t.rows;
    expect(rx?.probability).toBeCloseTo(px, 12);
    expect(ry?.probability).toBeCloseTo(py, 12);
    expect(rx?.clvDiscountRate).toBeCloseTo(discountedClv(x, 0.12), 9);
    expect(rx?.clvWacc).toBeCloseTo(discountedClv(x, 0.048), 9);
    expect(rx?.clvProbabilityAdjusted).toBeCloseTo(probabilityAdjustedClv(x, px, 0.048), 9);
    expect(rx?.clvSurvival).toBeCloseTo(survivalClv(x, px, 0.048), 9);
    const meanRisk = (1 - px + 1 - py) / 2;
    expect(t.meanRisk).toBeCloseTo(meanRisk, 12);
    expect(rx?.riskAdjustedRate).toBeCloseTo((0.048 * (1 - px)) / meanRisk, 12);
    expect(rx?.clvRiskAdjustedRate).toBeCloseTo(discountedClv(x, rx!.riskAdjustedRate!), 9);
    expect(t.totals.clvSurvival).toBeCloseTo(rx!.clvSurvival! + ry!.clvSurvival!, 9);
  });

  it('names the account when a forecast year is missing', () => {
    const forecast = flat(4, 1000, 700).filter((y) => y.year !== 3);
    expect(() =>
      valuePortfolio(DEFAULT_SCORECARD, [{ accountId: 'Q', values: VALUES, forecast }], {
        discountRate: 0.12,
        wacc: 0.048,
      }),
    ).toThrow('account Q: forecast year 3 is missing');
  });
});

describe('properties the paper reports in aggregate', () => {
  const rng = createRandom(2007, 'portfolio');
  const step = 1.12 / 1.048;

  it('12 % → 4.8 % raises 4–6-year CLVs by single digits to about 20 %', () => {
    const changes: number[] = [];
    for (let i = 0; i < 2_000; i++) {
      const years = integer(rng, 4, 6);
      const trend = uniform(rng, -0.3, 0.1); // forecasts mostly fall off: managers see few years ahead
      const claims = uniform(rng, 0.3, 0.6);
      const claimsGrowth = uniform(rng, 0, 0.12); // claims follow revenue by years (the paper's footnote 4)
      const first = uniform(rng, 50_000, 2_000_000);
      const forecast = Array.from({ length: years }, (_, t) => ({
        year: t + 1,
        revenue: first * (1 + trend) ** t,
        costToServe: 0.2 * first * (1 + trend) ** t,
        claimsCost: (claims + claimsGrowth * t) * first * (1 + trend) ** t,
      }));
      const f = { accountId: String(i), years: forecast };
      const ratio = discountedClv(f, 0.048) / discountedClv(f, 0.12);
      if (forecast.every((y) => y.revenue >= y.costToServe + y.claimsCost)) {
        // non-negative cash flows: between the first-year-only and the last-year-only ratio
        expect(ratio).toBeGreaterThanOrEqual(step - 1e-12);
        expect(ratio).toBeLessThanOrEqual(step ** years + 1e-12);
      }
      // accounts whose value is not nearly cancelled out by late claims (a ratio near 0/0 says nothing)
      if (discountedClv(f, 0.12) > 0.3 * first) changes.push(ratio - 1);
    }
    // late negative years (claims) pull the change down to single digits, as for the paper's C and F
    changes.sort((a, b) => a - b);
    const quantile = (q: number): number => changes[Math.floor(q * (changes.length - 1))]!;
    expect(changes.length).toBeGreaterThan(1_000);
    expect(quantile(0.05)).toBeGreaterThan(0.03);
    expect(quantile(0.05)).toBeLessThan(0.1);
    expect(quantile(0.5)).toBeGreaterThan(0.1);
    expect(quantile(0.95)).toBeGreaterThan(0.17);
    expect(quantile(0.95)).toBeLessThan(0.25);
  });

  it('cuts thin-margin accounts hardest: prob-adjusted / WACC = 1 − (1 − p) / margin, negative when margin < 1 − p', () => {
    for (let i = 0; i < 2_000; i++) {
      const p = uniform(rng, 0.4, 0.9);
      const margin = uniform(rng, 0.02, 0.9);
      const revenue = uniform(rng, 10_000, 1_000_000);
      const forecast = flat(integer(rng, 4, 6), revenue, revenue * (1 - margin));
      const f = { accountId: String(i), years: forecast };
      const atWacc = discountedClv(f, 0.048);
      const adjusted = probabilityAdjustedClv(f, p, 0.048);
      expect(adjusted / atWacc).toBeCloseTo(1 - (1 - p) / margin, 9);
      expect(adjusted < 0).toBe(margin < 1 - p);
      const thinner = probabilityAdjustedClv(
        { ...f, years: flat(forecast.length, revenue, revenue * (1 - margin / 2)) },
        p,
        0.048,
      );
      expect(thinner / (atWacc / 2)).toBeLessThan(adjusted / atWacc);
    }
  });

  it('moves CLV far less by a risk-adjusted rate than by probability adjustment over short lifetimes', () => {
    const f = { accountId: 'R', years: flat(4, 1_000_000, 750_000) };
    const p = 0.68; // the paper's riskiest account; portfolio mean 0.75
    const rate = (0.048 * (1 - p)) / 0.25;
    const byRate = discountedClv(f, rate) / discountedClv(f, 0.048);
    const byProbability = probabilityAdjustedClv(f, p, 0.048) / discountedClv(f, 0.048);
    expect(byRate).toBeGreaterThan(0.95);
    expect(byProbability).toBeLessThan(0);
  });
});
