/**
 * Retention by tenure (docs/domain.md, "Activity, retention, churn, duration": customers defect two to
 * three times as often in their first two years; seed 002, "Why Loyal Customers are more profitable").
 * Customers active in the previous window are grouped by their tenure at the start of the current window,
 * in whole years since their first purchase ever, and each group's retention to the current window is
 * measured.
 *
 * Tenure year k holds first purchases in (start − (k+1) years, start − k years]; the last group is open
 * ended. The early-churn ratio compares the pooled churn of tenure 0–2 years with that of 2 years and more.
 */
import { stepMonths, windowBack, type IsoDay, type Window } from '../dates';
import { assert } from '../errors';
import type { WindowMonths } from './basis';
import { retentionFigures, type RetentionFigures } from './retention';

/** A tenure group: first purchases in `firstPurchase` (open-ended groups have no lower bound). */
export interface TenureBucket {
  fromYears: number;
  /** null for the last, open-ended group */
  toYears: number | null;
  firstPurchase: { startExclusive: IsoDay | null; endInclusive: IsoDay };
}

/** `count` tenure groups of one year at the start `start` of the current window, the last open-ended. */
export function tenureBuckets(start: IsoDay, count: number): TenureBucket[] {
  assert(Number.isInteger(count) && count >= 2, `tenure group count ${count}`);
  return Array.from({ length: count }, (_, k): TenureBucket => {
    if (k === count - 1)
      return {
        fromYears: k,
        toYears: null,
        firstPurchase: { startExclusive: null, endInclusive: stepMonths(start, -12 * k) },
      };
    const w: Window = windowBack(start, 12, k);
    return { fromYears: k, toYears: k + 1, firstPurchase: w };
  });
}

/** Store counts per tenure group: previous-window customers and those active again. */
export interface TenureCount {
  bucket: number;
  previous: number;
  retained: number;
}

/** Retention figures of one tenure group; `toYears` null for the open-ended last group. */
export interface TenureRow extends RetentionFigures {
  fromYears: number;
  toYears: number | null;
}

/** Retention per tenure group and the early-churn ratio. */
export interface TenureTable {
  rows: TenureRow[];
  /** churn of tenure < 2 years / churn of tenure ≥ 2 years; null when either is undefined or the latter is 0 */
  earlyChurnRatio: number | null;
}

/** Retention per tenure group and the early-churn ratio. */
export function buildTenureTable(
  buckets: readonly TenureBucket[],
  counts: readonly TenureCount[],
  windowMonths: WindowMonths,
): TenureTable {
  const rows = buckets.map((bucket, i): TenureRow => {
    const c = counts.find((x) => x.bucket === i);
    const previous = c?.previous ?? 0;
    return {
      fromYears: bucket.fromYears,
      toYears: bucket.toYears,
      ...retentionFigures(previous, previous - (c?.retained ?? 0), windowMonths),
    };
  });
  const pooled = (subset: readonly TenureRow[]): RetentionFigures =>
    retentionFigures(
      subset.reduce((s, r) => s + r.previous, 0),
      subset.reduce((s, r) => s + r.lost, 0),
      windowMonths,
    );
  const early = pooled(rows.filter((r) => r.fromYears < 2)).churn;
  const late = pooled(rows.filter((r) => r.fromYears >= 2)).churn;
  return { rows, earlyChurnRatio: early === null || late === null || late === 0 ? null : early / late };
}
