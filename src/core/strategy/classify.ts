/**
 * Per-customer classification as of a day: value tier, loyalty level, lifecycle phase and value × loyalty
 * segment, all from `CustomerStates` columns in one pass each (typed arrays; a million customers take a few
 * tens of milliseconds). A snapshot is taken at the as-of day (`current`) or at the previous window's end
 * (`previous`, what the F12 → S12 movement table starts from). The rules are documented in docs/metrics.md,
 * "Customer strategy".
 */
import { tierCutoffs, type Tier } from '../kpi/tiers';
import {
  INACTIVE,
  LOYALTY_LEVELS,
  PHASES,
  type LifecycleRules,
  type LoyaltyRules,
  type Phase,
  type SegmentRule,
} from './rules';
import type { CustomerStates } from './states';

/** How loyalty is measured: purchase behaviour, NPS answers where they exist, or a model's P(alive). */
export type LoyaltyBasis = 'behaviour' | 'nps' | 'palive';

/** Epoch days of the snapshot day and of the start (exclusive) of its current and previous windows. */
export interface SnapshotDays {
  day: number;
  currentStart: number;
  previousStart: number;
}

/** The columns a snapshot reads; `current` and `previous` snapshots read different ones. */
interface SnapshotColumns {
  last: Float64Array;
  days: Float64Array;
  purchasesNow: Float64Array;
  purchasesBefore: Float64Array;
  valueNow: Float64Array;
  valueBefore: Float64Array;
  npsDay: Float64Array;
  npsScore: Float64Array;
}

function columnsOf(states: CustomerStates, at: 'current' | 'previous'): SnapshotColumns {
  return at === 'current'
    ? {
        last: states.lastPurchase,
        days: states.purchaseCount,
        purchasesNow: states.purchasesCurrent,
        purchasesBefore: states.purchasesPrevious,
        valueNow: states.valueCurrent,
        valueBefore: states.valuePrevious,
        npsDay: states.npsDay,
        npsScore: states.npsScore,
      }
    : {
        last: states.lastPurchasePrevious,
        days: states.purchaseCountPrevious,
        purchasesNow: states.purchasesPrevious,
        purchasesBefore: states.purchasesEarlier,
        valueNow: states.valuePrevious,
        valueBefore: states.valueEarlier,
        npsDay: states.npsDayPrevious,
        npsScore: states.npsScorePrevious,
      };
}

/** Segment code of a customer without a purchase in the snapshot's current window, and of one not yet a customer. */
export const SEGMENT_INACTIVE = -1;
export const SEGMENT_ABSENT = -2;

export interface Snapshot {
  days: SnapshotDays;
  /** 1 when the customer had bought by the snapshot day */
  present: Uint8Array;
  /** value tier in the snapshot's current window; −1 not active there */
  tier: Int8Array;
  /** index in LOYALTY_LEVELS; −1 absent */
  loyalty: Int8Array;
  /** index in PHASES; −1 absent */
  phase: Int8Array;
  /** index in the segment rules; SEGMENT_INACTIVE, SEGMENT_ABSENT */
  segment: Int16Array;
  /** days since the last purchase, and the customer's own purchase interval in days (NaN when absent) */
  recency: Float64Array;
  interval: Float64Array;
  /** customers whose loyalty came from each basis (nps and palive fall back to behaviour) */
  loyaltyBasisCounts: Record<LoyaltyBasis, number>;
  /** active customers in the window and the tier cut-offs applied */
  active: number;
  cutoffs: number[];
}

/**
 * Value tier of each customer active in a window (purchases > 0), by the tier rule of `kpi/tiers.ts`
 * (competition ranks on value, cut-offs by share of customers); −1 for the others.
 */
export function tiersOfValues(
  values: Float64Array,
  purchases: Float64Array,
  tiers: readonly Tier[],
): { tier: Int8Array; active: number; cutoffs: number[] } {
  const n = values.length;
  let active = 0;
  for (let i = 0; i < n; i++) if ((purchases[i] ?? 0) > 0) active++;
  const held = new Float64Array(active);
  let k = 0;
  for (let i = 0; i < n; i++) if ((purchases[i] ?? 0) > 0) held[k++] = values[i] ?? 0;
  const cutoffs = tierCutoffs(active, tiers);
  // rank ≤ cutoff ⟺ fewer than `cutoff` values are greater ⟺ value ≥ the cutoff-th largest value, so each
  // tier has a value threshold and a customer's tier is the first whose threshold it reaches. The
  // cutoff-th largest values are selected, not sorted: cut-offs grow, so each selection runs on the part
  // left of the one before.
  const thresholds = new Float64Array(cutoffs.length);
  let below = active - 1;
  let selected = -1;
  cutoffs.forEach((c, t) => {
    if (c <= 0) {
      thresholds[t] = Infinity;
      return;
    }
    const position = active - c;
    if (position !== selected) {
      selectInPlace(held, position, 0, below);
      selected = position;
      below = position - 1;
    }
    thresholds[t] = held[position] ?? -Infinity;
  });
  const last = cutoffs.length - 1;
  const tier = new Int8Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if ((purchases[i] ?? 0) <= 0) continue;
    const v = values[i] ?? 0;
    let t = 0;
    while (t < last && v < (thresholds[t] ?? 0)) t++;
    tier[i] = t;
  }
  return { tier, active, cutoffs };
}

/**
 * Rearranges `a[lo..hi]` so that `a[k]` holds the value an ascending sort would put there, with values
 * ≤ it before and ≥ it after (Hoare's selection, median-of-three pivots): linear on average, where a sort
 * of the million values is n log n.
 */
export function selectInPlace(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const x = a[lo] ?? 0;
    const y = a[(lo + hi) >>> 1] ?? 0;
    const z = a[hi] ?? 0;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] ?? 0) < pivot) i++;
      while ((a[j] ?? 0) > pivot) j--;
      if (i <= j) {
        const swap = a[i] ?? 0;
        a[i++] = a[j] ?? 0;
        a[j--] = swap;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** A customer's own purchase interval in days: the mean gap between purchases, at least `minIntervalDays`. */
export function ownInterval(
  first: number,
  last: number,
  purchaseCount: number,
  rules: LifecycleRules,
): number {
  return purchaseCount >= 2
    ? Math.max(rules.minIntervalDays, (last - first) / (purchaseCount - 1))
    : rules.defaultIntervalDays;
}

/** The inputs of the phase rule for one customer. */
export interface PhaseFacts {
  /** days since the first purchase ever, and since the last purchase */
  tenure: number;
  recency: number;
  interval: number;
  purchasesNow: number;
  purchasesBefore: number;
  valueNow: number;
  valueBefore: number;
  /** the first purchase lies on or before the start of the previous window */
  boughtBeforePrevious: boolean;
  /** P(alive) from a fitted model, or NaN */
  pAlive: number;
}

/** The lifecycle phase as its index in PHASES: the first rule that holds, in the order of docs/metrics.md. */
export function phaseIndex(f: PhaseFacts, rules: LifecycleRules): number {
  if (f.tenure < rules.newDays) return 0; // new
  if (f.recency > rules.lapsedFactor * f.interval) return 5; // lapsed
  if (f.recency > rules.atRiskFactor * f.interval || f.pAlive < rules.atRiskPAlive) return 4; // atRisk
  if (f.purchasesNow > 0 && f.purchasesBefore === 0 && f.boughtBeforePrevious) return 6; // wonBack
  if (f.purchasesBefore > 0 && f.valueNow < rules.declineRatio * f.valueBefore) return 3; // declining
  if (
    (f.purchasesNow > 0 && f.purchasesBefore === 0) ||
    (f.purchasesBefore > 0 && f.valueNow > rules.growthRatio * f.valueBefore)
  )
    return 1; // growing
  return 2; // mature
}

/** The lifecycle phase: the first rule that holds, in the order of docs/metrics.md. */
export function phaseOf(f: PhaseFacts, rules: LifecycleRules): Phase {
  return PHASES[phaseIndex(f, rules)] ?? 'mature';
}

/** Behavioural loyalty: high when buying in both windows and within the own interval, low when past at-risk. */
export function behaviouralLoyalty(f: PhaseFacts, rules: LifecycleRules): number {
  if (f.recency > rules.atRiskFactor * f.interval) return 2;
  if (f.purchasesNow > 0 && f.purchasesBefore > 0 && f.recency <= f.interval) return 0;
  return 1;
}

/** Loyalty from an NPS score: promoters (9–10) high, passives (7–8) medium, detractors (0–6) low. */
export function npsLoyalty(score: number): number {
  return score >= 9 ? 0 : score >= 7 ? 1 : 2;
}

export interface SnapshotOptions {
  tiers: readonly Tier[];
  segments: readonly SegmentRule[];
  lifecycle: LifecycleRules;
  loyalty: LoyaltyRules;
  basis: LoyaltyBasis;
  /** P(alive) per customer (NaN where none) for the palive basis and the at-risk rule */
  pAlive?: Float64Array | undefined;
}

/** Classifies every customer as of the snapshot day. */
export function takeSnapshot(
  states: CustomerStates,
  at: 'current' | 'previous',
  days: SnapshotDays,
  options: SnapshotOptions,
): Snapshot {
  const c = columnsOf(states, at);
  const n = states.customerIds.length;
  const { tier, active, cutoffs } = tiersOfValues(c.valueNow, c.purchasesNow, options.tiers);
  const segmentOf = new Map<string, number>();
  options.segments.forEach((s, index) => {
    for (const t of s.tiers) for (const l of s.loyalty) segmentOf.set(`${t}\u0000${l}`, index);
  });
  const table = options.tiers.map((t) =>
    LOYALTY_LEVELS.map((l) => segmentOf.get(`${t.name}\u0000${l}`) ?? -3),
  );
  const present = new Uint8Array(n);
  const loyalty = new Int8Array(n).fill(-1);
  const phase = new Int8Array(n).fill(-1);
  const segment = new Int16Array(n).fill(SEGMENT_ABSENT);
  const recency = new Float64Array(n).fill(NaN);
  const interval = new Float64Array(n).fill(NaN);
  const counts: Record<LoyaltyBasis, number> = { behaviour: 0, nps: 0, palive: 0 };
  const pAlive = at === 'current' ? options.pAlive : undefined;
  // one facts object, refilled per customer: a million customers allocate nothing
  const f: PhaseFacts = {
    tenure: 0,
    recency: 0,
    interval: 0,
    purchasesNow: 0,
    purchasesBefore: 0,
    valueNow: 0,
    valueBefore: 0,
    boughtBeforePrevious: false,
    pAlive: NaN,
  };
  for (let i = 0; i < n; i++) {
    const first = states.firstPurchase[i] ?? NaN;
    const last = c.last[i] ?? NaN;
    if (!(first <= days.day) || Number.isNaN(last)) continue;
    present[i] = 1;
    f.tenure = days.day - first;
    f.recency = days.day - last;
    f.interval = ownInterval(first, last, c.days[i] ?? 0, options.lifecycle);
    f.purchasesNow = c.purchasesNow[i] ?? 0;
    f.purchasesBefore = c.purchasesBefore[i] ?? 0;
    f.valueNow = c.valueNow[i] ?? 0;
    f.valueBefore = c.valueBefore[i] ?? 0;
    f.boughtBeforePrevious = first <= days.previousStart;
    f.pAlive = pAlive?.[i] ?? NaN;
    recency[i] = f.recency;
    interval[i] = f.interval;
    phase[i] = phaseIndex(f, options.lifecycle);
    let level: number;
    const npsDay = c.npsDay[i] ?? NaN;
    if (options.basis === 'palive' && !Number.isNaN(f.pAlive)) {
      level = f.pAlive >= options.loyalty.highPAlive ? 0 : f.pAlive < options.loyalty.lowPAlive ? 2 : 1;
      counts.palive++;
    } else if (options.basis === 'nps' && days.day - npsDay <= options.loyalty.npsMaxAgeDays) {
      level = npsLoyalty(c.npsScore[i] ?? 0);
      counts.nps++;
    } else {
      level = behaviouralLoyalty(f, options.lifecycle);
      counts.behaviour++;
    }
    loyalty[i] = level;
    const t = tier[i] ?? -1;
    segment[i] = t < 0 ? SEGMENT_INACTIVE : (table[t]?.[level] ?? -3);
  }
  return {
    days,
    present,
    tier,
    loyalty,
    phase,
    segment,
    recency,
    interval,
    loyaltyBasisCounts: counts,
    active,
    cutoffs,
  };
}

/** The name of a segment code. */
export function segmentName(code: number, segments: readonly SegmentRule[]): string {
  if (code === SEGMENT_INACTIVE) return INACTIVE;
  if (code === SEGMENT_ABSENT) return 'new';
  return segments[code]?.name ?? '?';
}
