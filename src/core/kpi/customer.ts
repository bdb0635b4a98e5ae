/**
 * One customer's path through the value tiers: in each window, their competition rank among the window's
 * active customers (1 + how many had a strictly higher value) placed by the tier cut-offs, exactly as the
 * portfolio and flows reports place every customer (`tierCutoffs`, `tierOfRank`). Not active in a window:
 * no tier (null). Pure: the store supplies the counts.
 */
import type { Window } from '../dates';
import { tierCutoffs, tierOfRank, type Tier } from './tiers';

/** What the store says about the customer in one window. */
export interface WindowStanding {
  /** active customers in the window */
  active: number;
  /** the customer's purchases in it (orders with an amount ≥ 0 or none); 0 = not active */
  purchases: number;
  /** the customer's value in it (revenue or margin, money) */
  value: number;
  /** active customers with a strictly higher value */
  above: number;
}

export interface TierStep {
  window: Window;
  /** the tier's name, or null when the customer was not active in the window */
  tier: string | null;
  /** competition rank among the active customers (1 = highest value), or null */
  rank: number | null;
  activeCustomers: number;
  purchases: number;
  value: number;
}

/** The tier of each window (`windows[k]` with `standing[k]`), oldest window first. */
export function tierPath(
  windows: readonly Window[],
  standing: readonly WindowStanding[],
  tiers: readonly Tier[],
): TierStep[] {
  const steps = windows.map((window, k): TierStep => {
    const s = standing[k] ?? { active: 0, purchases: 0, value: 0, above: 0 };
    if (s.purchases <= 0 || s.active <= 0)
      return {
        window,
        tier: null,
        rank: null,
        activeCustomers: s.active,
        purchases: s.purchases,
        value: s.value,
      };
    const rank = s.above + 1;
    const tier = tiers[tierOfRank(rank, tierCutoffs(s.active, tiers))]?.name ?? null;
    return { window, tier, rank, activeCustomers: s.active, purchases: s.purchases, value: s.value };
  });
  return steps.sort((a, b) => (a.window.endInclusive < b.window.endInclusive ? -1 : 1));
}
