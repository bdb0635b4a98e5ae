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
  LOYALTY_LEVELS,
  PHASES,
  TRIGGERS,
  type ActionRule,
  type StrategyRules,
  type TriggerName,
} from './rules';
import { segmentName, type Snapshot } from './classify';
import type { CustomerStates } from './states';
import { triggersOf, type FiredTrigger } from './triggers';

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

/** FNV-1a 64-bit hash of a string's UTF-16 code units, as 16 hex digits. */
export function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * prime) & mask;
  }
  return hash.toString(16).padStart(16, '0');
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

/** The ranked action list. */
export function actionList(input: ActionListInput): ActionList {
  const { states, current, previous, rules, tiers } = input;
  const asOf = current.days.day;
  const segments = rules.segments;
  const durations = tierDurations(previous, states, tiers.length, input.windowMonths);
  const perYear = 12 / input.windowMonths;
  // action rule per trigger × segment name; rule order is the priority within one customer
  const ruleFor = new Map<string, { rule: ActionRule; order: number }>();
  const allSegments = [...segments.map((s) => s.name), 'inactive'];
  rules.actions.forEach((rule, order) => {
    for (const s of rule.segments ?? allSegments) ruleFor.set(`${rule.trigger}\u0000${s}`, { rule, order });
  });
  const fired = {} as Record<TriggerName, number>;
  const withoutAction = {} as Record<TriggerName, number>;
  for (const t of TRIGGERS) {
    fired[t] = 0;
    withoutAction[t] = 0;
  }
  const loggedIds = new Set<string>();
  const lastLogged = new Map<string, number>();
  for (const entry of input.log) {
    if (entry.asOf < asOf) loggedIds.add(entry.suggestionId);
    if (entry.asOf < asOf && entry.asOf > asOf - rules.suppression.cooldownDays)
      lastLogged.set(entry.customerId, Math.max(lastLogged.get(entry.customerId) ?? -Infinity, entry.asOf));
  }
  const suggestions: Suggestion[] = [];
  const suppressed: Suggestion[] = [];
  const n = states.customerIds.length;
  for (let i = 0; i < n; i++) {
    if (current.present[i] !== 1) continue;
    const triggers = triggersOf(i, states, current, previous, rules.triggers, asOf);
    if (triggers.length === 0) continue;
    const segment = segmentName(current.segment[i] ?? -2, segments);
    const candidates: { fired: FiredTrigger; rule: ActionRule; order: number }[] = [];
    for (const t of triggers) {
      fired[t.trigger] = (fired[t.trigger] ?? 0) + 1;
      const match = ruleFor.get(`${t.trigger}\u0000${segment}`);
      if (match) candidates.push({ fired: t, ...match });
      else withoutAction[t.trigger] = (withoutAction[t.trigger] ?? 0) + 1;
    }
    if (candidates.length === 0) continue;
    candidates.sort((a, b) => a.order - b.order);
    const customerId = states.customerIds[i] ?? '';
    const tierNow = current.tier[i] ?? -1;
    const tierThen = previous.tier[i] ?? -1;
    const tier = tierNow >= 0 ? tierNow : tierThen;
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
    const cooling = lastLogged.has(customerId);
    let chosen = false;
    for (const c of candidates) {
      const eventDay = fromEpochDay(c.fired.eventDay);
      const id = suggestionId(customerId, c.fired.trigger, eventDay);
      let reason: SuppressionReason | null = null;
      if (loggedIds.has(id)) reason = 'already-exported';
      else if (cooling) reason = 'cooldown';
      else if (c.rule.marketing && openComplaint && rules.suppression.noMarketingWithOpenComplaint)
        reason = 'open-complaint';
      else if (chosen) reason = 'one-per-customer';
      const s: Suggestion = {
        id,
        customerId,
        trigger: c.fired.trigger,
        eventDay,
        actionId: c.rule.id,
        action: c.rule.action,
        channel: c.rule.channel,
        marketing: c.rule.marketing,
        segment,
        tier: tierNow >= 0 ? (tiers[tierNow]?.name ?? null) : null,
        loyalty: LOYALTY_LEVELS[current.loyalty[i] ?? 1] ?? 'medium',
        phase: PHASES[current.phase[i] ?? 2] ?? 'mature',
        clv: round2(clv),
        risk: Math.round(risk * 10_000) / 10_000,
        valueAtStake: round2(clv * risk),
        figures: c.fired.figures,
        rank: 0,
        suppressed: reason,
      };
      if (reason === null) {
        chosen = true;
        suggestions.push(s);
      } else suppressed.push(s);
    }
  }
  const order = (a: Suggestion, b: Suggestion): number =>
    b.valueAtStake - a.valueAtStake ||
    (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  suggestions.sort(order);
  suggestions.forEach((s, k) => (s.rank = k + 1));
  suppressed.sort(order);
  return { suggestions, suppressed, fired, withoutAction, tierDurations: durations };
}
