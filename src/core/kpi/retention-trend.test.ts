import { describe, expect, it } from 'vitest';
import { buildRetentionTrend, trendGrid } from './retention-trend';

describe('retention trend grid', () => {
  it('lays quarterly points of 12-month windows over 3-month blocks', () => {
    const grid = trendGrid('2025-12-31', 12, 3, 12);
    expect(grid.blockMonths).toBe(3);
    expect(grid.blocks).toHaveLength(19);
    expect(grid.blocks[0]).toEqual({ startExclusive: '2025-09-30', endInclusive: '2025-12-31' });
    expect(grid.blocks[18]).toEqual({ startExclusive: '2021-03-31', endInclusive: '2021-06-30' });
    expect(grid.points[0]).toEqual({
      asOf: '2025-12-31',
      current: { startExclusive: '2024-12-31', endInclusive: '2025-12-31' },
      previous: { startExclusive: '2023-12-31', endInclusive: '2024-12-31' },
      currentBlocks: [0, 3],
      previousBlocks: [4, 7],
    });
    expect(grid.points[11]).toMatchObject({
      asOf: '2023-03-31',
      previous: { startExclusive: '2021-03-31', endInclusive: '2022-03-31' },
      currentBlocks: [11, 14],
      previousBlocks: [15, 18],
    });
  });

  it('keeps every window a union of blocks when month ends clamp', () => {
    const grid = trendGrid('2025-05-31', 12, 3, 4);
    for (const p of grid.points) {
      expect(grid.blocks[p.currentBlocks[0]]!.endInclusive).toBe(p.current.endInclusive);
      expect(grid.blocks[p.currentBlocks[1]]!.startExclusive).toBe(p.current.startExclusive);
      expect(grid.blocks[p.previousBlocks[0]]!.endInclusive).toBe(p.previous.endInclusive);
      expect(grid.blocks[p.previousBlocks[1]]!.startExclusive).toBe(p.previous.startExclusive);
    }
    // Point 1 ends on 2025-02-28; its current window starts on 2024-02-29 (31 May − 15 months, clamped).
    expect(grid.points[1]!.current).toEqual({ startExclusive: '2024-02-29', endInclusive: '2025-02-28' });
  });

  it('uses monthly blocks for a monthly step over quarterly windows', () => {
    const grid = trendGrid('2025-12-31', 3, 1, 2);
    expect(grid.blockMonths).toBe(1);
    expect(grid.blocks).toHaveLength(7);
    expect(grid.points[1]!.currentBlocks).toEqual([1, 3]);
    expect(grid.points[1]!.previousBlocks).toEqual([4, 6]);
  });

  it('turns counts into retention per point, overall and per tier', () => {
    const grid = trendGrid('2025-12-31', 12, 12, 2);
    const trend = buildRetentionTrend(
      grid,
      [
        { point: 0, tier: 0, previous: 10, retained: 9 },
        { point: 0, tier: 1, previous: 30, retained: 15 },
        { point: 1, tier: 1, previous: 4, retained: 4 },
      ],
      2,
      12,
    );
    expect(trend.map((p) => p.asOf)).toEqual(['2025-12-31', '2024-12-31']);
    expect(trend[0]!.tiers.map((t) => t.retention)).toEqual([0.9, 0.5]);
    expect(trend[0]!.overall.retention).toBe(0.6);
    expect(trend[0]!.overall.duration).toBeCloseTo(2.5, 12);
    expect(trend[1]!.tiers[0]!.retention).toBeNull();
    expect(trend[1]!.overall).toMatchObject({ retention: 1, duration: null });
  });
});
