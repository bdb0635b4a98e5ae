/**
 * Concentration of value among the customers active in a window (docs/domain.md, "Value tiers": the share
 * of value held by the top x % of customers, drawn as a Lorenz curve): Lorenz points, top-x % shares and the
 * Gini coefficient.
 *
 * Decisions a reader needs:
 * - Customers are sorted by value ascending for the Lorenz curve; the curve is sampled at the customer
 *   counts kᵢ = ⌊i × n / points⌋ (i = 0 … points), so both ends (0, 0) and (1, 1) are exact.
 * - The top x % are the ⌈n × x / 100⌉ most valuable customers (at least one when n > 0).
 * - A net value below zero (returns exceeding purchases) is counted as 0 for the curve, the shares and
 *   Gini, which keeps the curve monotone and Gini within [0, 1]; the report says how many were clipped.
 * - Gini = 2 Σᵢ i·x₍ᵢ₎ / (n Σ x) − (n + 1) / n with x ascending and i = 1 … n (the exact discrete form:
 *   0 when all are equal, (n − 1) / n when one customer holds everything).
 */
import { assert } from '../errors';
import { addMoney } from './basis';
import { PPM } from './tiers';

/** Customer counts at which the Lorenz curve is sampled: ⌊i × n / points⌋, deduplicated, ascending. */
export function lorenzPositions(n: number, points: number): number[] {
  assert(Number.isInteger(points) && points > 0, `Lorenz points ${points}`);
  const out = new Set<number>();
  for (let i = 0; i <= points; i++) out.add(Math.floor((i * n) / points));
  return [...out];
}

/** The number of customers in the top `percent` % of `n`: ⌈n × percent / 100⌉, at least 1 when n > 0. */
export function topCount(n: number, percent: number): number {
  const ppm = Math.round(percent * 10_000);
  const scaled = n * ppm;
  const remainder = scaled % PPM;
  const k = (scaled - remainder) / PPM + (remainder > 0 ? 1 : 0);
  return n > 0 ? Math.max(1, Math.min(n, k)) : 0;
}

/** Gini from n, the sum of the (clipped, ascending) values and Σ i·x₍ᵢ₎; null when n = 0 or the sum is 0. */
export function giniFromSums(n: number, total: number, rankWeightedTotal: number): number | null {
  if (n === 0 || total <= 0) return null;
  return (2 * rankWeightedTotal) / (n * total) - (n + 1) / n;
}

/** Reference Gini of a list of values (negatives clipped to 0), for tests and small inputs. */
export function gini(values: readonly number[]): number | null {
  const x = values.map((v) => Math.max(0, v)).sort((a, b) => a - b);
  const total = x.reduce((s, v) => s + v, 0);
  return giniFromSums(
    x.length,
    total,
    x.reduce((s, v, i) => s + (i + 1) * v, 0),
  );
}

/** What the store returns for a window: counts, sums and the ascending cumulative value at positions. */
export interface ValueCurve {
  /** active customers */
  n: number;
  /** sum of clipped values */
  total: number;
  /** Σ i·x₍ᵢ₎ of clipped values sorted ascending */
  rankWeightedTotal: number;
  /** customers whose value was below 0 and counted as 0 */
  clipped: number;
  /** cumulative clipped value of the `position` least valuable customers */
  cumulative: ReadonlyMap<number, number>;
}

/** A point of the Lorenz curve; both shares are fractions. */
export interface LorenzPoint {
  /** share of customers, least valuable first */
  customerShare: number;
  /** their share of value */
  valueShare: number;
}

/** The value held by the most valuable `percent` % of customers. */
export interface TopShare {
  /** x in "top x %" */
  percent: number;
  customers: number;
  value: number;
  /** value / total; null when the total is not positive */
  share: number | null;
}

/** Lorenz points, top shares and Gini of one window; Gini null without positive value. */
export interface Concentration {
  lorenz: LorenzPoint[];
  top: TopShare[];
  gini: number | null;
}

/** Positions the store must return for `points` Lorenz points and the given top shares. */
export function curvePositions(n: number, points: number, topPercents: readonly number[]): number[] {
  const set = new Set(lorenzPositions(n, points));
  for (const p of topPercents) set.add(n - topCount(n, p));
  return [...set].sort((a, b) => a - b);
}

/** Lorenz points, top shares and Gini from the store's value curve. */
export function buildConcentration(
  curve: ValueCurve,
  points: number,
  topPercents: readonly number[],
): Concentration {
  const at = (position: number): number => {
    const value = curve.cumulative.get(position);
    assert(value !== undefined || position === 0, `no cumulative value at position ${position}`);
    return value ?? 0;
  };
  const share = (value: number): number | null => (curve.total > 0 ? value / curve.total : null);
  // Without positive value there is no curve to draw (every share would be 0 / 0).
  const lorenz =
    curve.total > 0
      ? lorenzPositions(curve.n, points).map((k) => ({
          customerShare: k / curve.n,
          valueShare: at(k) / curve.total,
        }))
      : [];
  const top = topPercents.map((percent) => {
    const customers = topCount(curve.n, percent);
    const value = addMoney(curve.total, -at(curve.n - customers));
    return { percent, customers, value, share: share(value) };
  });
  return { lorenz, top, gini: giniFromSums(curve.n, curve.total, curve.rankWeightedTotal) };
}

/** Sums of one tier (decile) of a window, as the store returns them. */
export interface TierValueSums {
  customers: number;
  revenue: number;
  /** sum of the ranking value (revenue or margin) */
  value: number;
  /** lowest and highest customer value in the tier; null for an empty tier */
  min: number | null;
  max: number | null;
}

/** A tier (decile) row with its share of the window's net value. */
export interface TierShareRow extends TierValueSums {
  tier: string;
  /** value / total value of the window; null when the total is not positive */
  share: number | null;
  /** share of this and all higher tiers */
  cumulativeShare: number | null;
}

/** The deciles (or any tier) table: each tier's value share and the cumulative share from the top. */
export function tierShares(names: readonly string[], sums: readonly TierValueSums[]): TierShareRow[] {
  const total = sums.reduce((s, t) => s + t.value, 0);
  let cumulative = 0;
  return names.map((tier, i) => {
    const t = sums[i] ?? { customers: 0, revenue: 0, value: 0, min: null, max: null };
    cumulative += t.value;
    return {
      tier,
      ...t,
      share: total > 0 ? t.value / total : null,
      cumulativeShare: total > 0 ? cumulative / total : null,
    };
  });
}
