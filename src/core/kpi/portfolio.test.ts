import { describe, expect, it } from 'vitest';
import { computePortfolio, portfolioInputFromFlows, type PortfolioInput } from './portfolio';
import type { FlowCell } from './flows';
import { renderMessages } from '../messages/catalogue';

const NAMES = ['Super 5%', 'Top 15%', 'Middle 50%', 'Bottom 30%'];

// Seed 002, "Customer portfolio value and CLV": S12 activity per tier, F12 size and lost customers per tier.
const SEED: PortfolioInput = {
  windowMonths: 12,
  measure: 'revenue',
  tierNames: NAMES,
  current: [
    { customers: 5_091, purchases: 38_626, revenue: 61_738_655, margin: 0 },
    { customers: 15_272, purchases: 68_832, revenue: 84_147_530, margin: 0 },
    { customers: 50_906, purchases: 120_577, revenue: 99_718_421, margin: 0 },
    { customers: 30_542, purchases: 40_075, revenue: 12_090_788, margin: 0 },
  ],
  previous: [
    { customers: 4_720, lost: 539 },
    { customers: 14_158, lost: 2_725 },
    { customers: 47_194, lost: 16_706 },
    { customers: 28_315, lost: 13_600 },
  ],
};

describe('portfolio value', () => {
  it('reproduces the seed portfolio table', () => {
    const p = computePortfolio(SEED);
    const pick = (key: 'retention' | 'duration' | 'clv' | 'clvIndex' | 'value'): (number | null)[] =>
      p.tiers.map((t) => t[key]);
    // To the seed's precision, 0.1 percentage point. Top is 80.75 %: the issue lists it as 80.7, the seed as 81 %.
    const seedRetention = [0.886, 0.807, 0.646, 0.52];
    pick('retention').forEach((r, i) => expect(Math.abs(r! - seedRetention[i]!)).toBeLessThanOrEqual(0.001));
    expect(pick('retention').map((r) => Math.round(r! * 100))).toEqual([89, 81, 65, 52]);
    expect(pick('duration').map((d) => Math.round(d! * 100) / 100)).toEqual([8.76, 5.2, 2.82, 2.08]);
    expect(pick('clv').map((c) => Math.round(c!))).toEqual([106_196, 28_627, 5_534, 824]);
    expect(pick('clvIndex').map((i) => Math.round(i! * 10) / 10)).toEqual([128.8, 34.7, 6.7, 1.0]);
    expect(pick('value').map((v) => Math.round(v!))).toEqual([
      540_642_767, 437_196_598, 281_701_853, 25_172_843,
    ]);
    // Tier value is unrounded members × CLV: Super = 61 738 655 × 4 720 / 539.
    expect(p.tiers[0]!.value).toBeCloseTo((61_738_655 * 4_720) / 539, 4);
    expect(p.tiers.map((t) => Math.round(t.purchasesPerCustomer! * 100) / 100)).toEqual([
      7.59, 4.51, 2.37, 1.31,
    ]);
    expect(p.tiers.map((t) => Math.round(t.revenuePerPurchase! * 100) / 100)).toEqual([
      1_598.37, 1_222.51, 827.01, 301.7,
    ]);
    expect(p.tiers.map((t) => Math.round(t.revenuePerCustomer!))).toEqual([12_127, 5_510, 1_959, 396]);

    expect(p.total.customers).toBe(101_811);
    expect(p.total.purchases).toBe(268_110);
    expect(p.total.revenue).toBe(257_695_394);
    expect(Math.round(p.total.retention! * 100)).toBe(64);
    expect(p.total.retention).toBeCloseTo(1 - 33_570 / 94_387, 12);
    expect(Math.round(p.total.duration! * 100) / 100).toBe(2.81);
    expect(Math.round(p.total.clv!)).toBe(7_117);
    expect(Math.round(p.total.purchasesPerCustomer! * 100) / 100).toBe(2.63);
    expect(Math.round(p.total.revenuePerPurchase! * 100) / 100).toBe(961.16);
    expect(Math.round(p.total.revenuePerCustomer!)).toBe(2_531);
    expect(Math.round(p.total.value!)).toBe(1_284_714_061);
    expect(renderMessages(p.notes, 'en')).toEqual([]);
  });

  it('keeps per-year figures per year for shorter windows; retention stays per window', () => {
    // One tier, a 3-month window: 10 customers spent 1 000 in the quarter; 20 were active the quarter
    // before and 4 of them were lost. Retention 0.8 per quarter → 1 / 0.2 = 5 quarters = 1.25 years;
    // CLV = 4 000 per year × 1.25 years = 1 000 per quarter × 5 quarters = 5 000.
    const p = computePortfolio({
      windowMonths: 3,
      measure: 'revenue',
      tierNames: ['All'],
      current: [{ customers: 10, purchases: 12, revenue: 1_000, margin: 0 }],
      previous: [{ customers: 20, lost: 4 }],
    });
    const t = p.tiers[0]!;
    expect(t.revenuePerCustomer).toBe(400);
    expect(t.purchasesPerCustomer).toBe(1.2);
    expect(t.retention).toBe(0.8);
    expect(t.duration).toBeCloseTo(1.25, 12);
    expect(t.clv).toBeCloseTo(500, 9);
    expect(t.clvIndex).toBe(1);
  });

  it('uses margin for CLV when the measure is margin, revenue figures stay revenue', () => {
    const p = computePortfolio({
      windowMonths: 12,
      measure: 'margin',
      tierNames: ['All'],
      current: [{ customers: 4, purchases: 8, revenue: 1_000, margin: 300 }],
      previous: [{ customers: 10, lost: 5 }],
    });
    expect(p.tiers[0]).toMatchObject({
      revenuePerCustomer: 250,
      valuePerCustomer: 75,
      duration: 2,
      clv: 150,
    });
    expect(p.tiers[0]!.value).toBe(600);
  });

  it('returns null with notes for zero churn, a tier without previous members and an empty tier', () => {
    const p = computePortfolio({
      windowMonths: 12,
      measure: 'revenue',
      tierNames: ['A', 'B', 'C'],
      current: [
        { customers: 2, purchases: 2, revenue: 200, margin: 0 },
        { customers: 3, purchases: 3, revenue: 90, margin: 0 },
        { customers: 0, purchases: 0, revenue: 0, margin: 0 },
      ],
      previous: [
        { customers: 2, lost: 0 },
        { customers: 0, lost: 0 },
        { customers: 4, lost: 2 },
      ],
    });
    expect(p.tiers.map((t) => [t.retention, t.duration, t.clv, t.clvIndex, t.value])).toEqual([
      [1, null, null, null, null],
      [null, null, null, null, null],
      [0.5, 2, null, null, 0],
    ]);
    expect(p.total.retention).toBe(4 / 6);
    expect(p.total.duration).toBeCloseTo(3, 12);
    expect(p.total.clv).toBeCloseTo((290 / 5) * 3, 9);
    expect(p.total.value).toBeNull();
    expect(renderMessages(p.notes, 'en')).toEqual([
      'A: duration undefined: no customer was lost (zero churn), so the lifetime is unbounded',
      'B: retention and duration undefined: no customers in the previous window',
      'C: no members in the current window; tier value 0',
      "CLV index undefined: the lowest tier's CLV is undefined",
      'portfolio value undefined: a tier value is undefined',
    ]);
    expect(JSON.stringify(p)).not.toMatch(/NaN|Infinity/);
  });

  it('derives its input from flow cells', () => {
    const cells: FlowCell[] = [
      { from: 0, to: 0, customers: 1, purchases: 3, revenue: 300, margin: 30 },
      { from: 1, to: 0, customers: 1, purchases: 2, revenue: 250, margin: 25 },
      { from: 'new', to: 1, customers: 2, purchases: 2, revenue: 40, margin: 4 },
      { from: 'wonBack', to: 1, customers: 1, purchases: 1, revenue: 10, margin: 1 },
      { from: 0, to: 'lost', customers: 1, purchases: 5, revenue: 900, margin: 90 },
      { from: 1, to: 1, customers: 2, purchases: 2, revenue: 30, margin: 3 },
      { from: 1, to: 'lost', customers: 3, purchases: 3, revenue: 60, margin: 6 },
    ];
    const input = portfolioInputFromFlows(cells, {
      windowMonths: 12,
      measure: 'revenue',
      tierNames: ['A', 'B'],
    });
    expect(input.current).toEqual([
      { customers: 2, purchases: 5, revenue: 550, margin: 55 },
      { customers: 5, purchases: 5, revenue: 80, margin: 8 },
    ]);
    expect(input.previous).toEqual([
      { customers: 2, lost: 1 },
      { customers: 6, lost: 3 },
    ]);
  });
});

describe('portfolio value on the clv basis', () => {
  it('takes the members’ predicted CLVs: mean as CLV, sum as value, observed retention kept', () => {
    // Top: 2 members now with predicted CLVs summing to 900 (one stayed from Top, one new); Rest: 3 with 300.
    // Top had 2 members before, 1 lost; Rest had 4, 2 lost (horizon CLVs, not yearly: no × 12 / w, no × duration)
    const cells: FlowCell[] = [
      { from: 0, to: 0, customers: 1, purchases: 3, revenue: 500, margin: 0, valueSum: 600 },
      { from: 'new', to: 0, customers: 1, purchases: 1, revenue: 100, margin: 0, valueSum: 300 },
      { from: 1, to: 1, customers: 2, purchases: 2, revenue: 80, margin: 0, valueSum: 200 },
      { from: 'wonBack', to: 1, customers: 1, purchases: 1, revenue: 20, margin: 0, valueSum: 100 },
      { from: 0, to: 'lost', customers: 1, purchases: 2, revenue: 70, margin: 0, valueSum: 50 },
      { from: 1, to: 'lost', customers: 2, purchases: 2, revenue: 30, margin: 0, valueSum: 10 },
    ];
    const p = computePortfolio(
      portfolioInputFromFlows(cells, { windowMonths: 6, measure: 'clv', tierNames: ['Top', 'Rest'] }),
    );
    expect(p.tiers.map((t) => [t.customers, t.clv, t.value, t.clvIndex])).toEqual([
      [2, 450, 900, 4.5],
      [3, 100, 300, 1],
    ]);
    // retention stays observed: Top 1 − 1/2, Rest 1 − 2/4; revenue per customer per year × 12 / 6
    expect(p.tiers.map((t) => [t.retention, t.revenuePerCustomer])).toEqual([
      [0.5, 600],
      [0.5, (100 / 3) * 2],
    ]);
    expect([p.total.customers, p.total.clv, p.total.value]).toEqual([5, 240, 1200]);
  });
});
