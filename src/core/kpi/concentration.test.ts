import { describe, expect, it } from 'vitest';
import {
  buildConcentration,
  curvePositions,
  gini,
  giniFromSums,
  lorenzPositions,
  tierShares,
  topCount,
  type ValueCurve,
} from './concentration';

/** What the store would return for these values (clipped at 0, ascending). */
function curveOf(values: readonly number[], positions: readonly number[]): ValueCurve {
  const x = values.map((v) => Math.max(0, v)).sort((a, b) => a - b);
  const cumulative = new Map<number, number>();
  for (const p of positions)
    cumulative.set(
      p,
      x.slice(0, p).reduce((s, v) => s + v, 0),
    );
  return {
    n: x.length,
    total: x.reduce((s, v) => s + v, 0),
    rankWeightedTotal: x.reduce((s, v, i) => s + (i + 1) * v, 0),
    clipped: values.filter((v) => v < 0).length,
    cumulative,
  };
}

describe('concentration', () => {
  it('computes Gini by the discrete formula', () => {
    // Ascending 0, 10, 30, 60: 2 × (20 + 90 + 240) / (4 × 100) − 5/4 = 0.5 (mean absolute difference 200·2 / 800).
    expect(gini([10, 0, 30, 60])).toBeCloseTo(0.5, 12);
    expect(gini([7, 7, 7])).toBeCloseTo(0, 12);
    expect(gini([0, 0, 0, 10])).toBeCloseTo(0.75, 12);
    // A net negative customer counts as 0: 0, 5, 10 → 2 × 40 / 45 − 4/3.
    expect(gini([-5, 5, 10])).toBeCloseTo(80 / 45 - 4 / 3, 12);
    expect(gini([])).toBeNull();
    expect(giniFromSums(3, 0, 0)).toBeNull();
  });

  it('samples the Lorenz curve at exact customer counts and sizes the top x %', () => {
    expect(lorenzPositions(4, 4)).toEqual([0, 1, 2, 3, 4]);
    expect(lorenzPositions(3, 4)).toEqual([0, 1, 2, 3]);
    expect(topCount(4, 25)).toBe(1);
    expect(topCount(4, 1)).toBe(1);
    expect(topCount(1_000, 1)).toBe(10);
    expect(topCount(1_001, 1)).toBe(11);
    expect(topCount(0, 20)).toBe(0);
    expect(curvePositions(4, 4, [1, 50])).toEqual([0, 1, 2, 3, 4]);
  });

  it('builds Lorenz points, top shares and Gini from the store curve', () => {
    const values = [10, 0, 30, 60];
    const positions = curvePositions(values.length, 4, [1, 25, 50]);
    const c = buildConcentration(curveOf(values, positions), 4, [1, 25, 50]);
    expect(c.lorenz).toEqual([
      { customerShare: 0, valueShare: 0 },
      { customerShare: 0.25, valueShare: 0 },
      { customerShare: 0.5, valueShare: 0.1 },
      { customerShare: 0.75, valueShare: 0.4 },
      { customerShare: 1, valueShare: 1 },
    ]);
    expect(c.top).toEqual([
      { percent: 1, customers: 1, value: 60, share: 0.6 },
      { percent: 25, customers: 1, value: 60, share: 0.6 },
      { percent: 50, customers: 2, value: 90, share: 0.9 },
    ]);
    expect(c.gini).toBeCloseTo(0.5, 12);
  });

  it('has no curve and no Gini without positive value', () => {
    const c = buildConcentration(curveOf([-3, 0], curvePositions(2, 10, [20])), 10, [20]);
    expect(c.lorenz).toEqual([]);
    expect(c.top).toEqual([{ percent: 20, customers: 1, value: 0, share: null }]);
    expect(c.gini).toBeNull();
    expect(buildConcentration(curveOf([], [0]), 10, [20]).top[0]!.customers).toBe(0);
  });

  it('tabulates tier shares from the top', () => {
    const rows = tierShares(
      ['D1', 'D2', 'D3'],
      [
        { customers: 1, revenue: 60, value: 60, min: 60, max: 60 },
        { customers: 1, revenue: 30, value: 30, min: 30, max: 30 },
        { customers: 0, revenue: 0, value: 0, min: null, max: null },
      ],
    );
    expect(rows.map((r) => [r.tier, r.share, r.cumulativeShare])).toEqual([
      ['D1', 60 / 90, 60 / 90],
      ['D2', 30 / 90, 1],
      ['D3', 0, 1],
    ]);
  });
});
