/**
 * Next best actions (docs/metrics.md, "Next best actions"): each fired trigger × the customer's segment maps
 * to an action rule; the suggestions are ranked by value at stake = CLV × risk, with the reason in words;
 * suppression keeps one action per customer, no marketing while a complaint is open, and nothing within the
 * cool-down after an earlier export. Every suggestion has a stable id: the same customer, trigger and event
 * give the same id on every run, so a marketing tool never sends twice.
 */
import { fromEpochDay } from '../dates';
import type { Tier } from '../kpi/tiers';
import {
  INACTIVE,
  LOYALTY_LEVELS,
  PHASES,
  TRIGGERS,
  type ActionRule,
  type StrategyRules,
  type TriggerName,
} from './rules';
import { SEGMENT_INACTIVE, segmentName, type Snapshot } from './classify';
import type { CustomerStates, KeyAccountSignals } from './states';
import { triggerDay, triggerFigures, type TriggerContext } from './triggers';

export type SuppressionReason = 'one-per-customer' | 'open-complaint' | 'cooldown' | 'already-exported';

export interface Suggestion {
  /** stable id: `nba-` + 16 hex digits of FNV-1a 64 of customer, trigger and event day */
  id: string;
  customerId: string;
  trigger: TriggerName;
  /** the day of the event that fired the trigger */
  eventDay: string;
  actionId: string;
  action: string;
  channel: string;
  marketing: boolean;
  segment: string;
  tier: string | null;
  loyalty: string;
  phase: string;
  /** money: value per year × the tier's expected duration, or the model's CLV */
  clv: number;
  /** 0–1: 1 − P(alive), or days since the last purchase / (lapsed factor × own interval), at most 1 */
  risk: number;
  valueAtStake: number;
  figures: Record<string, number>;
  /** 1 = first to act on; 0 for suppressed suggestions */
  rank: number;
  suppressed: SuppressionReason | null;
}

/** An earlier export remembered in the action log. */
export interface LoggedAction {
  suggestionId: string;
  customerId: string;
  /** epoch day of the export's as-of day */
  asOf: number;
}

export interface ActionListInput {
  states: CustomerStates;
  current: Snapshot;
  previous: Snapshot;
  rules: StrategyRules;
  tiers: readonly Tier[];
  windowMonths: number;
  /** P(alive) and CLV per customer from a fitted model (NaN where none); absent: behavioural */
  pAlive?: Float64Array | undefined;
  modelClv?: Float64Array | undefined;
  /** key accounts' retention probabilities per customer (the retention-fell trigger) */
  accounts?: KeyAccountSignals | undefined;
  log: readonly LoggedAction[];
}

export interface ActionList {
  suggestions: Suggestion[];
  suppressed: Suggestion[];
  /** fired triggers per trigger, and how many had no action rule for the customer's segment */
  fired: Record<TriggerName, number>;
  withoutAction: Record<TriggerName, number>;
  /** expected duration in years per current tier, used for CLV (null: no customer lost, capped) */
  tierDurations: (number | null)[];
}

/** Duration is capped here when a tier lost nobody (an unbounded lifetime would rank by value alone). */
export const MAX_DURATION_YEARS = 10;

/**
 * FNV-1a 64-bit hash of a string's UTF-16 code units, as 16 hex digits. The 64-bit product is computed on
 * four 16-bit limbs (the prime is 2^40 + 0x1b3), which is many times faster than BigInt.
 */
export function fnv1a64(text: string): string {
  // offset basis 0xcbf29ce484222325, limbs from the lowest
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < text.length; i++) {
    h0 ^= text.charCodeAt(i) & 0xffff;
    // × 0x1b3 on every limb, plus h << 40 (h0 into limb 2 shifted by 8, h1 into limb 3 shifted by 8)
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + (t1 >>> 16) + (h0 << 8);
    const t3 = h3 * 0x1b3 + (t2 >>> 16) + (h1 << 8);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  const hex = (x: number): string => x.toString(16).padStart(4, '0');
  return hex(h3) + hex(h2) + hex(h1) + hex(h0);
}

/** The stable id of a suggestion. */
export function suggestionId(customerId: string, trigger: TriggerName, eventDay: string): string {
  return `nba-${fnv1a64(`${customerId}|${trigger}|${eventDay}`)}`;
}

/** Retention of each previous-window tier into the current window, as expected duration in years. */
export function tierDurations(
  previous: Snapshot,
  states: CustomerStates,
  tierCount: number,
  windowMonths: number,
): (number | null)[] {
  const members = new Array<number>(tierCount).fill(0);
  const retained = new Array<number>(tierCount).fill(0);
  for (let i = 0; i < previous.tier.length; i++) {
    const t = previous.tier[i] ?? -1;
    if (t < 0) continue;
    members[t]!++;
    if ((states.purchasesCurrent[i] ?? 0) > 0) retained[t]!++;
  }
  return members.map((m, t) => {
    if (m === 0) return null;
    const churn = 1 - (retained[t] ?? 0) / m;
    return churn > 0 ? windowMonths / 12 / churn : null;
  });
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** ISO days of epoch days, cached: the events of a million customers fall on a few thousand days. */
function dayNames(): (day: number) => string {
  const names = new Map<number, string>();
  return (day) => {
    let name = names.get(day);
    if (name === undefined) {
      name = fromEpochDay(day);
      names.set(day, name);
    }
    return name;
  };
}

const SUPPRESSION_REASONS: readonly SuppressionReason[] = [
  'already-exported',
  'cooldown',
  'open-complaint',
  'one-per-customer',
];

/**
 * The ranked list as columns: entry k is one suggestion (customer index, trigger index into TRIGGERS,
 * action rule index, event day, CLV, risk, value at stake), kept in rank order; the suppressed ones in
 * columns of their own, with the reason's index into the suppression reasons. `suggestionAt` turns one
 * entry into a `Suggestion` object, so that only the rows shown or exported are ever built.
 */
export interface RankedActions {
  count: number;
  customer: Int32Array;
  trigger: Int8Array;
  rule: Int16Array;
  eventDay: Float64Array;
  clv: Float64Array;
  risk: Float64Array;
  valueAtStake: Float64Array;
  suppressedCount: number;
  suppressed: {
    customer: Int32Array;
    trigger: Int8Array;
    rule: Int16Array;
    eventDay: Float64Array;
    clv: Float64Array;
    risk: Float64Array;
    valueAtStake: Float64Array;
    reason: Int8Array;
  };
  /** suppressed suggestions per reason */
  suppressedBy: Record<SuppressionReason, number>;
  fired: Record<TriggerName, number>;
  withoutAction: Record<TriggerName, number>;
  tierDurations: (number | null)[];
  /** what `suggestionAt` reads */
  context: TriggerContext & { input: ActionListInput };
}

/** Growable columns of suggestions. */
class Columns {
  n = 0;
  customer = new Int32Array(1024);
  trigger = new Int8Array(1024);
  rule = new Int16Array(1024);
  eventDay = new Float64Array(1024);
  clv = new Float64Array(1024);
  risk = new Float64Array(1024);
  valueAtStake = new Float64Array(1024);
  reason = new Int8Array(1024);

  push(i: number, k: number, rule: number, day: number, clv: number, risk: number, reason: number): void {
    if (this.n === this.customer.length) this.grow();
    const n = this.n++;
    this.customer[n] = i;
    this.trigger[n] = k;
    this.rule[n] = rule;
    this.eventDay[n] = day;
    this.clv[n] = round2(clv);
    this.risk[n] = Math.round(risk * 10_000) / 10_000;
    this.valueAtStake[n] = round2(clv * risk);
    this.reason[n] = reason;
  }

  private grow(): void {
    const size = this.customer.length * 2;
    const grown = <T extends Int32Array | Int8Array | Int16Array | Float64Array>(
      a: T,
      make: new (n: number) => T,
    ): T => {
      const b = new make(size);
      b.set(a);
      return b;
    };
    this.customer = grown(this.customer, Int32Array);
    this.trigger = grown(this.trigger, Int8Array);
    this.rule = grown(this.rule, Int16Array);
    this.eventDay = grown(this.eventDay, Float64Array);
    this.clv = grown(this.clv, Float64Array);
    this.risk = grown(this.risk, Float64Array);
    this.valueAtStake = grown(this.valueAtStake, Float64Array);
    this.reason = grown(this.reason, Int8Array);
  }
}

/**
 * Positions 0 … n − 1 ordered by `key` descending, ties in position order (stable). The keys are sorted
 * natively as a Float64Array and each position placed after the equal keys placed before it, so a million
 * suggestions never meet a comparator function.
 */
export function orderByDescending(key: Float64Array, n: number): Int32Array {
  const sorted = new Float64Array(n);
  for (let j = 0; j < n; j++) sorted[j] = -(key[j] ?? 0);
  sorted.sort();
  const taken = new Int32Array(n);
  const order = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const x = -(key[j] ?? 0);
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    order[lo + taken[lo]!++] = j;
  }
  return order;
}

/**
 * The ranked action list as columns (see `RankedActions`). One pass over the customers, with no object per
 * customer: triggers are tested one number at a time, a customer's candidates (at most one per trigger)
 * are ordered by rule order in a small scratch array, and the kept suggestions are ranked by value at
 * stake, ties by the store's order of the customers (customer id), each customer having at most one.
 */
export function rankActions(input: ActionListInput): RankedActions {
  const { states, current, previous, rules, tiers } = input;
  const asOf = current.days.day;
  const segments = rules.segments;
  const durations = tierDurations(previous, states, tiers.length, input.windowMonths);
  const perYear = 12 / input.windowMonths;
  // action rule index per trigger × segment code (segments, then inactive); −1 none
  const segmentCodes = segments.length + 1;
  const ruleOf = new Int16Array(TRIGGERS.length * segmentCodes).fill(-1);
  const allSegments = [...segments.map((s) => s.name), INACTIVE];
  rules.actions.forEach((rule, order) => {
    const k = TRIGGERS.indexOf(rule.trigger);
    for (const name of rule.segments ?? allSegments) {
      const code = allSegments.indexOf(name);
      if (k >= 0 && code >= 0 && ruleOf[k * segmentCodes + code] === -1)
        ruleOf[k * segmentCodes + code] = order;
    }
  });
  const fired = new Int32Array(TRIGGERS.length);
  const withoutAction = new Int32Array(TRIGGERS.length);
  const loggedIds = new Set<string>();
  const lastLogged = new Map<string, number>();
  for (const entry of input.log) {
    if (entry.asOf < asOf) loggedIds.add(entry.suggestionId);
    if (entry.asOf < asOf && entry.asOf > asOf - rules.suppression.cooldownDays)
      lastLogged.set(entry.customerId, Math.max(lastLogged.get(entry.customerId) ?? -Infinity, entry.asOf));
  }
  const context: TriggerContext = {
    states,
    current,
    previous,
    rules: rules.triggers,
    asOf,
    accounts: input.accounts,
  };
  const kept = new Columns();
  const dropped = new Columns();
  const candidateRule = new Int16Array(TRIGGERS.length);
  const candidateTrigger = new Int8Array(TRIGGERS.length);
  const candidateDay = new Float64Array(TRIGGERS.length);
  const dayName = dayNames();
  const noMarketing = rules.suppression.noMarketingWithOpenComplaint;
  const n = states.customerIds.length;
  for (let i = 0; i < n; i++) {
    if (current.present[i] !== 1) continue;
    const seg = current.segment[i] ?? SEGMENT_INACTIVE;
    const code = seg === SEGMENT_INACTIVE || seg < 0 ? segments.length : seg;
    let m = 0;
    for (let k = 0; k < TRIGGERS.length; k++) {
      const day = triggerDay(k, i, context);
      if (Number.isNaN(day)) continue;
      fired[k]!++;
      const rule = ruleOf[k * segmentCodes + code] ?? -1;
      if (rule < 0) {
        withoutAction[k]!++;
        continue;
      }
      // insertion by rule order (file order is the priority within one customer)
      let at = m++;
      while (at > 0 && (candidateRule[at - 1] ?? 0) > rule) {
        candidateRule[at] = candidateRule[at - 1]!;
        candidateTrigger[at] = candidateTrigger[at - 1]!;
        candidateDay[at] = candidateDay[at - 1]!;
        at--;
      }
      candidateRule[at] = rule;
      candidateTrigger[at] = k;
      candidateDay[at] = day;
    }
    if (m === 0) continue;
    const tierNow = current.tier[i] ?? -1;
    const tier = tierNow >= 0 ? tierNow : (previous.tier[i] ?? -1);
    const yearly =
      tierNow >= 0 ? (states.valueCurrent[i] ?? 0) * perYear : (states.valuePrevious[i] ?? 0) * perYear;
    const duration = tier >= 0 ? (durations[tier] ?? MAX_DURATION_YEARS) : 0;
    const model = input.modelClv?.[i] ?? NaN;
    const clv = Math.max(0, Number.isNaN(model) ? yearly * duration : model);
    const p = input.pAlive?.[i] ?? NaN;
    const risk = Number.isNaN(p)
      ? Math.min(1, (current.recency[i] ?? 0) / (rules.lifecycle.lapsedFactor * (current.interval[i] ?? 1)))
      : 1 - p;
    const openComplaint = !Number.isNaN(states.openComplaintSince[i] ?? NaN);
    const cooling = lastLogged.size > 0 && lastLogged.has(states.customerIds[i] ?? '');
    let chosen = false;
    for (let j = 0; j < m; j++) {
      const k = candidateTrigger[j] ?? 0;
      const rule = candidateRule[j] ?? 0;
      const day = candidateDay[j] ?? NaN;
      let reason = -1;
      if (
        loggedIds.size > 0 &&
        loggedIds.has(suggestionId(states.customerIds[i] ?? '', TRIGGERS[k] ?? 'lapsing', dayName(day)))
      )
        reason = 0;
      else if (cooling) reason = 1;
      else if (noMarketing && openComplaint && rules.actions[rule]?.marketing === true) reason = 2;
      else if (chosen) reason = 3;
      if (reason < 0) {
        chosen = true;
        kept.push(i, k, rule, day, clv, risk, -1);
      } else dropped.push(i, k, rule, day, clv, risk, reason);
    }
  }
  // rank: value at stake descending, ties by customer (one kept suggestion per customer)
  const order = orderByDescending(kept.valueAtStake, kept.n);
  const pick = <T extends Int32Array | Int8Array | Int16Array | Float64Array>(
    a: T,
    make: new (n: number) => T,
  ): T => {
    const out = new make(kept.n);
    for (let r = 0; r < kept.n; r++) out[r] = a[order[r] ?? 0] ?? 0;
    return out;
  };
  const byName = <T>(counts: Int32Array): Record<TriggerName, T> =>
    Object.fromEntries(TRIGGERS.map((t, k) => [t, counts[k] ?? 0])) as Record<TriggerName, T>;
  const suppressedBy: Record<SuppressionReason, number> = {
    'one-per-customer': 0,
    'open-complaint': 0,
    cooldown: 0,
    'already-exported': 0,
  };
  for (let j = 0; j < dropped.n; j++)
    suppressedBy[SUPPRESSION_REASONS[dropped.reason[j] ?? 0] ?? 'cooldown']++;
  const cut = <T extends Int32Array | Int8Array | Int16Array | Float64Array>(a: T): T =>
    a.slice(0, dropped.n) as T;
  return {
    count: kept.n,
    customer: pick(kept.customer, Int32Array),
    trigger: pick(kept.trigger, Int8Array),
    rule: pick(kept.rule, Int16Array),
    eventDay: pick(kept.eventDay, Float64Array),
    clv: pick(kept.clv, Float64Array),
    risk: pick(kept.risk, Float64Array),
    valueAtStake: pick(kept.valueAtStake, Float64Array),
    suppressedCount: dropped.n,
    suppressed: {
      customer: cut(dropped.customer),
      trigger: cut(dropped.trigger),
      rule: cut(dropped.rule),
      eventDay: cut(dropped.eventDay),
      clv: cut(dropped.clv),
      risk: cut(dropped.risk),
      valueAtStake: cut(dropped.valueAtStake),
      reason: cut(dropped.reason),
    },
    suppressedBy,
    fired: byName(fired),
    withoutAction: byName(withoutAction),
    tierDurations: durations,
    context: { ...context, input },
  };
}

/** Suggestion `k` of the ranked list (rank k + 1), or of its suppressed entries with `suppressed`. */
export function suggestionAt(list: RankedActions, k: number, suppressed = false): Suggestion {
  const c = suppressed ? list.suppressed : list;
  const { input } = list.context;
  const { states, current, rules, tiers } = input;
  const i = c.customer[k] ?? 0;
  const t = c.trigger[k] ?? 0;
  const trigger = TRIGGERS[t] ?? 'lapsing';
  const rule = rules.actions[c.rule[k] ?? 0] as ActionRule;
  const day = c.eventDay[k] ?? NaN;
  const eventDay = fromEpochDay(day);
  const customerId = states.customerIds[i] ?? '';
  const tierNow = current.tier[i] ?? -1;
  return {
    id: suggestionId(customerId, trigger, eventDay),
    customerId,
    trigger,
    eventDay,
    actionId: rule.id,
    action: rule.action,
    channel: rule.channel,
    marketing: rule.marketing,
    segment: segmentName(current.segment[i] ?? -2, rules.segments),
    tier: tierNow >= 0 ? (tiers[tierNow]?.name ?? null) : null,
    loyalty: LOYALTY_LEVELS[current.loyalty[i] ?? 1] ?? 'medium',
    phase: PHASES[current.phase[i] ?? 2] ?? 'mature',
    clv: c.clv[k] ?? 0,
    risk: c.risk[k] ?? 0,
    valueAtStake: c.valueAtStake[k] ?? 0,
    figures: triggerFigures(t, i, day, list.context),
    rank: suppressed ? 0 : k + 1,
    suppressed: suppressed ? (SUPPRESSION_REASONS[list.suppressed.reason[k] ?? 0] ?? 'cooldown') : null,
  };
}

/** The ranked action list with every suggestion as an object (small lists, tests). */
export function actionList(input: ActionListInput): ActionList {
  const list = rankActions(input);
  const suggestions = Array.from({ length: list.count }, (_, k) => suggestionAt(list, k));
  const suppressed = Array.from({ length: list.suppressedCount }, (_, k) => suggestionAt(list, k, true));
  suppressed.sort(
    (a, b) =>
      b.valueAtStake - a.valueAtStake ||
      (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return {
    suggestions,
    suppressed,
    fired: list.fired,
    withoutAction: list.withoutAction,
    tierDurations: list.tierDurations,
  };
}
