import { describe, expect, it } from 'vitest';
import {
  auc,
  aucFromCounts,
  kpiQuality,
  laggedCorrelation,
  monthlyKpiSeries,
  minimumDetectableChange,
  pearson,
  proportionStandardError,
  type MonthCounts,
} from './kpi-quality';

describe('predictability', () => {
  it('computes a rank-based AUC with ties counted one half', () => {
    // active next window: scores 3, 2, 2; not active: 2, 1.
    // Pairs (active, not): (3,2) 1, (3,1) 1, (2,2) ½, (2,1) 1, (2,2) ½, (2,1) 1 → 5 / 6.
    // Ranks: 1 → 1; the three 2s share (2 + 3 + 4) / 3 = 3; 3 → 5. R₊ = 3 + 3 + 5 = 11,
    // U = 11 − 3 × 4 / 2 = 5, AUC = 5 / (3 × 2) = 5 / 6.
    expect(auc([3, 2, 2, 2, 1], [true, true, true, false, false])).toBeCloseTo(5 / 6, 12);
    expect(auc([1, 2, 3, 4], [false, false, true, true])).toBe(1);
    expect(auc([1, 2, 3, 4], [true, true, false, false])).toBe(0);
    expect(auc([5, 5, 5, 5], [true, false, true, false])).toBe(0.5);
    expect(auc([1, 2], [true, true])).toBeNull();
  });

  it('gives the same AUC from customers counted per score, in any order', () => {
    // the 5 / 6 case above as counts: score 3: 1 active; 2: 2 active, 1 not; 1: 1 not
    expect(
      aucFromCounts([
        { score: 2, active: 2, inactive: 1 },
        { score: 1, active: 0, inactive: 1 },
        { score: 3, active: 1, inactive: 0 },
      ]),
    ).toBeCloseTo(5 / 6, 12);
    // a score listed twice is merged: 2 active / 1 not at score 2 plus 1 not at score 2 → 2 × 2 ties = ½ each
    expect(
      aucFromCounts([
        { score: 2, active: 2, inactive: 1 },
        { score: 2, active: 0, inactive: 1 },
      ]),
    ).toBe(0.5);
    expect(aucFromCounts([{ score: 1, active: 3, inactive: 0 }])).toBeNull();
    // oriented by direction in a quality row: complaints (lower is better), 0 complaints: 8 active, 2 not;
    // 1 complaint: 1 active, 3 not. Negated, the 0s rank above: U = 8 × (3 + 2 / 2) + 1 × (0 + 3 / 2) = 33.5,
    // AUC = 33.5 / (9 × 5) = 0.744444
    const [row] = kpiQuality([
      {
        id: 'complaints',
        direction: 'lower',
        value: 4,
        n: 14,
        standardError: 2,
        customerCounts: [
          { score: 0, active: 8, inactive: 2 },
          { score: 1, active: 1, inactive: 3 },
        ],
      },
    ]);
    expect(row!.auc).toBeCloseTo(33.5 / 45, 12);
  });

  it('computes the monthly KPI values from the months’ counts', () => {
    const month = (over: Partial<MonthCounts>): MonthCounts => ({
      month: 0,
      revenue: 0,
      active: 0,
      repeat: 0,
      fresh: 0,
      retained: 0,
      complaints: 0,
      withinTarget: 0,
      satisfactionN: 0,
      satisfactionSum: 0,
      npsN: 0,
      promoters: 0,
      detractors: 0,
      csatN: 0,
      csatSatisfied: 0,
      cesN: 0,
      cesSum: 0,
      ...over,
    });
    const s = monthlyKpiSeries([
      month({
        active: 10,
        repeat: 2,
        fresh: 5,
        complaints: 4,
        withinTarget: 3,
        npsN: 10,
        promoters: 5,
        detractors: 3,
      }),
      month({
        month: 1,
        active: 8,
        retained: 6,
        satisfactionN: 2,
        satisfactionSum: 7,
        csatN: 4,
        csatSatisfied: 3,
      }),
      month({ month: 2, cesN: 3, cesSum: 9 }),
    ]);
    expect(s['retention']).toEqual([null, 0.6, 0]);
    expect(s['churn']).toEqual([null, 0.4, 1]);
    expect(s['repeat-order-share']).toEqual([0.2, 0, null]);
    expect(s['new-customer-share']).toEqual([0.5, 0, null]);
    expect(s['complaints-per-1000-customers']).toEqual([400, 0, null]);
    expect(s['resolved-within-target']).toEqual([0.75, null, null]);
    expect(s['satisfaction-after-complaint']).toEqual([null, 3.5, null]);
    expect(s['nps']).toEqual([20, null, null]);
    expect(s['csat']).toEqual([null, 0.75, null]);
    expect(s['ces']).toEqual([null, null, 3]);
  });

  it('correlates a KPI series with the outcome some periods later', () => {
    // x = 1, 2, 3, 4; y = 2, 4, 5, 4: Σdxdy = 3.5, Σdx² = 5, Σdy² = 4.75, r = 3.5 / √23.75 = 0.718185
    expect(pearson([1, 2, 3, 4], [2, 4, 5, 4])).toBeCloseTo(0.718185, 6);
    // lag 1: kpi[t] against outcome[t + 1] gives the same four pairs
    expect(laggedCorrelation([1, 2, 3, 4, null], [null, 2, 4, 5, 4], 1)).toBeCloseTo(0.718185, 6);
    expect(laggedCorrelation([1, 2, 3, 4], [2, 4, 5, 4], 0)).toBeCloseTo(0.718185, 6);
    expect(pearson([1, 2], [3, 4])).toBeNull();
    expect(pearson([1, 1, 1], [3, 4, 5])).toBeNull();
  });
});

describe('KPI quality rows', () => {
  it('gives n, the 95 % interval, the detectable change and the validity gap', () => {
    // CSAT 0.8 from 400 answers: SE = √(0.8 × 0.2 / 400) = 0.02; interval 0.8 ± 1.96 × 0.02 = [0.7608, 0.8392];
    // MDC = (1.959964 + 0.841621) × √2 × 0.02 = 2.801585 × 1.414214 × 0.02 = 0.079241; target 0.85 → gap −0.05.
    const se = proportionStandardError(0.8, 400)!;
    expect(se).toBeCloseTo(0.02, 12);
    const [csat, ces, share] = kpiQuality([
      {
        id: 'csat',
        direction: 'higher',
        value: 0.8,
        n: 400,
        standardError: se,
        target: { kind: 'value', value: 0.85 },
      },
      {
        id: 'ces',
        direction: 'lower',
        value: 3.2,
        n: 5,
        standardError: null,
        target: { kind: 'value', value: 3.5 },
        // lower effort, more often active: efforts 1, 2 active; 4, 6, 2 not. Of the 2 × 3 pairs the active
        // one has less effort in 5 and ties (2 vs 2) in 1 → AUC (5 + 0.5) / 6 = 0.916667
        customers: { scores: [1, 2, 4, 6, 2], activeNext: [true, true, false, false, false] },
      },
      {
        id: 'new-customer-share',
        direction: 'higher',
        value: 0.2,
        n: 0,
        standardError: null,
        target: { kind: 'range', low: 0.3, high: 0.7 },
      },
    ]);
    expect(csat!.interval!.low).toBeCloseTo(0.7608, 12);
    expect(csat!.interval!.high).toBeCloseTo(0.8392, 12);
    expect(csat!.minimumDetectableChange).toBeCloseTo(0.079241, 5);
    expect(csat!.validityGap).toBeCloseTo(-0.05, 12);
    expect([csat!.auc, csat!.laggedCorrelation]).toEqual([null, null]);
    // CES 3.2 against a 3.5 ceiling, lower is better: 0.3 better than expected
    expect(ces!.validityGap).toBeCloseTo(0.3, 12);
    expect(ces!.auc).toBeCloseTo(5.5 / 6, 12);
    expect([ces!.interval, ces!.minimumDetectableChange]).toEqual([null, null]);
    expect(share!.validityGap).toBeCloseTo(-0.1, 12);
  });

  it('scales the detectable change with the standard error and the chosen power', () => {
    expect(minimumDetectableChange(1)).toBeCloseTo(3.962, 3);
    // 90 % power: (1.959964 + 1.281552) × √2 = 4.584
    expect(minimumDetectableChange(1, 0.05, 0.9)).toBeCloseTo(4.584, 3);
    expect(proportionStandardError(0.5, 0)).toBeNull();
  });
});
