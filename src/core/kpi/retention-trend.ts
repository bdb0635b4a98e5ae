/**
 * Retention as a trend over rolling windows: a point every `stepMonths` months back from the as-of day, each
 * the retention from the window before the point to the window ending on it, overall and per tier of the
 * window before.
 *
 * The decision a reader needs: every point's windows are measured from the report's as-of day
 * (point j ends on asOf − j × step months, and its windows are whole multiples of months back from asOf),
 * so all windows are unions of the same calendar blocks of gcd(step, window) months. The database then
 * aggregates each customer once per block instead of once per point.
 */
import { stepMonths as stepBack, windowBack, type IsoDay, type Window } from '../dates';
import { assert } from '../errors';
import type { WindowMonths } from './basis';
import { retentionFigures, type RetentionFigures } from './retention';

/** One trend point: its day, its two windows, and the block ranges (inclusive) they consist of. */
export interface TrendPoint {
  asOf: IsoDay;
  current: Window;
  previous: Window;
  currentBlocks: readonly [number, number];
  previousBlocks: readonly [number, number];
}

/** The blocks (block 0 ends on the as-of day, block b lies b blocks back) and the points over them. */
export interface TrendGrid {
  blockMonths: number;
  blocks: Window[];
  points: TrendPoint[];
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * The grid of `count` points `stepMonths` apart, newest first, for windows of `windowMonths` months.
 * Default use: 12 quarterly points (three years) of 12-month windows, 19 blocks of 3 months.
 */
export function trendGrid(
  asOf: IsoDay,
  windowMonths: WindowMonths,
  stepMonths: number,
  count: number,
): TrendGrid {
  assert(
    Number.isInteger(stepMonths) && stepMonths > 0 && Number.isInteger(count) && count > 0,
    'trend grid',
  );
  const blockMonths = gcd(stepMonths, windowMonths);
  const perWindow = windowMonths / blockMonths;
  const perStep = stepMonths / blockMonths;
  const blockCount = (count - 1) * perStep + 2 * perWindow;
  const blocks = Array.from({ length: blockCount }, (_, b) => windowBack(asOf, blockMonths, b));
  const points = Array.from({ length: count }, (_, j): TrendPoint => {
    const first = j * perStep;
    const offset = j * stepMonths;
    return {
      asOf: stepBack(asOf, -offset),
      current: {
        startExclusive: stepBack(asOf, -offset - windowMonths),
        endInclusive: stepBack(asOf, -offset),
      },
      previous: {
        startExclusive: stepBack(asOf, -offset - 2 * windowMonths),
        endInclusive: stepBack(asOf, -offset - windowMonths),
      },
      currentBlocks: [first, first + perWindow - 1],
      previousBlocks: [first + perWindow, first + 2 * perWindow - 1],
    };
  });
  return { blockMonths, blocks, points };
}

/** What the store returns per point and previous-window tier: customers then, and how many are active now. */
export interface TrendCount {
  point: number;
  tier: number;
  previous: number;
  retained: number;
}

/** Retention at one trend point, overall and per tier of the point's previous window. */
export interface RetentionTrendPoint {
  asOf: IsoDay;
  overall: RetentionFigures;
  /** per tier of the previous window */
  tiers: RetentionFigures[];
}

/** Retention figures per point, overall and per previous-window tier; missing counts are zero. */
export function buildRetentionTrend(
  grid: TrendGrid,
  counts: readonly TrendCount[],
  tierCount: number,
  windowMonths: WindowMonths,
): RetentionTrendPoint[] {
  return grid.points.map((point, j) => {
    const tiers = Array.from({ length: tierCount }, (_, t) => {
      const c = counts.find((x) => x.point === j && x.tier === t);
      return retentionFigures(c?.previous ?? 0, (c?.previous ?? 0) - (c?.retained ?? 0), windowMonths);
    });
    const previous = tiers.reduce((s, t) => s + t.previous, 0);
    const lost = tiers.reduce((s, t) => s + t.lost, 0);
    return { asOf: point.asOf, overall: retentionFigures(previous, lost, windowMonths), tiers };
  });
}
