/**
 * Value tiers (docs/domain.md, "Value tiers"): customers active in a window are ranked by value and cut
 * into tiers by share of customers. The one decision a reader needs is the tie and rounding rule:
 *
 * - rank by value descending with competition ranking (SQL `RANK()`): tied values share the smallest rank;
 * - tier k's cumulative cut-off is ⌈N × (share₁ + … + shareₖ)⌉, computed in exact integer arithmetic on
 *   shares held as integer parts per million, so no floating-point ceiling error can move a customer;
 * - a customer belongs to the first tier whose cut-off is ≥ its rank.
 *
 * Tied customers therefore always land in the same tier, the higher one, and the result does not depend on
 * the order rows arrive in. The database applies the same rule with `RANK()` and the cut-offs computed here.
 */
import { assert } from '../errors';

/** One million: shares are integer parts per million (5 % = 50 000 ppm). */
export const PPM = 1_000_000;

/** A value tier: a display name and its share of active customers in parts per million. */
export interface Tier {
  name: string;
  sharePpm: number;
}

/** The default cut (seed 002): Super 5 %, Top 15 %, Middle 50 %, Bottom 30 % of active customers. */
export const DEFAULT_TIERS: readonly Tier[] = [
  { name: 'Super 5%', sharePpm: 50_000 },
  { name: 'Top 15%', sharePpm: 150_000 },
  { name: 'Middle 50%', sharePpm: 500_000 },
  { name: 'Bottom 30%', sharePpm: 300_000 },
];

/** Ten tiers of 10 % each, "Decile 1" holding the most valuable tenth. */
export const DECILE_TIERS: readonly Tier[] = Array.from({ length: 10 }, (_, i) => ({
  name: `Decile ${i + 1}`,
  sharePpm: 100_000,
}));

/** A share in ppm as a percent text without trailing zeros: 50 000 → "5", 125 000 → "12.5". */
export function percentText(sharePpm: number): string {
  const whole = Math.floor(sharePpm / 10_000);
  const fraction = String(sharePpm % 10_000)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** Asserts that tiers are a valid cut: at least one tier, positive integer shares summing to 100 %. */
export function assertTiers(tiers: readonly Tier[]): void {
  assert(tiers.length > 0, 'no tiers');
  let total = 0;
  for (const tier of tiers) {
    assert(Number.isInteger(tier.sharePpm) && tier.sharePpm > 0, `tier ${tier.name}: share ${tier.sharePpm}`);
    total += tier.sharePpm;
  }
  assert(total === PPM, `tier shares sum to ${total} ppm, not ${PPM}`);
}

/**
 * Cumulative rank cut-offs of the tiers for `n` active customers: cut-off k = ⌈n × Σᵢ≤ₖ shareᵢ / 10⁶⌉.
 * The last cut-off is always `n`. Exact for n up to 9 × 10⁹ (n × 10⁶ stays below 2⁵³).
 */
export function tierCutoffs(n: number, tiers: readonly Tier[]): number[] {
  assert(Number.isInteger(n) && n >= 0 && n <= 9e9, `customer count ${n}`);
  assertTiers(tiers);
  let cumulative = 0;
  return tiers.map((tier) => {
    cumulative += tier.sharePpm;
    const scaled = n * cumulative; // an exact integer below 2^53
    const remainder = scaled % PPM;
    return (scaled - remainder) / PPM + (remainder > 0 ? 1 : 0);
  });
}

/** Index of the tier (0 = highest) of a customer with competition rank `rank` (1-based). */
export function tierOfRank(rank: number, cutoffs: readonly number[]): number {
  const index = cutoffs.findIndex((cutoff) => rank <= cutoff);
  assert(index >= 0, `rank ${rank} beyond the last cut-off ${cutoffs.at(-1)}`);
  return index;
}

/**
 * Competition ranks of `values` sorted descending (1 = highest; equal values share the smallest rank,
 * like SQL `RANK() OVER (ORDER BY value DESC)`), returned in input order.
 */
export function competitionRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0));
  const ranks = new Array<number>(values.length);
  order.forEach((index, position) => {
    const previous = position > 0 ? order[position - 1] : undefined;
    ranks[index] =
      previous !== undefined && values[previous] === values[index] ? (ranks[previous] ?? 0) : position + 1;
  });
  return ranks;
}

/**
 * Tier index (0 = highest) of each value, by the rule in this file's header. This is the reference
 * implementation; reports apply the same rule in SQL over all customers.
 */
export function assignTiers(values: readonly number[], tiers: readonly Tier[]): number[] {
  const cutoffs = tierCutoffs(values.length, tiers);
  return competitionRanks(values).map((rank) => tierOfRank(rank, cutoffs));
}

/** Number of customers in each tier when there are no ties: the differences of the cut-offs. */
export function tierSizes(n: number, tiers: readonly Tier[]): number[] {
  const cutoffs = tierCutoffs(n, tiers);
  return cutoffs.map((cutoff, i) => cutoff - (i > 0 ? (cutoffs[i - 1] ?? 0) : 0));
}
