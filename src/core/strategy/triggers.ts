/**
 * Situation triggers as of a day (docs/metrics.md, "Situation triggers"): rules over the customer's
 * events, each with its settings from the rules file. A trigger that fires carries the day of the event
 * that fired it, which (with the customer and the trigger) makes the suggestion's stable id.
 *
 * "In the last N days" always means the days d with asOf − N < d ≤ asOf: an event exactly N days before
 * the as-of day is out.
 *
 * `triggerDay` answers whether one trigger fires for one customer with a number only (the event day, NaN
 * when it does not fire), so that the action list can test a million customers without allocating;
 * `triggerFigures` gives the figures of the reason for the few suggestions that are shown or exported.
 */
import type { Snapshot } from './classify';
import { TRIGGERS, type TriggerName, type TriggerRules } from './rules';
import type { CustomerStates, KeyAccountSignals } from './states';

export interface FiredTrigger {
  /** index of the customer in the states */
  customer: number;
  trigger: TriggerName;
  /** epoch day of the event that fired it */
  eventDay: number;
  /** trigger-specific figures for the reason: NPS score, amount due, days overdue, tiers moved … */
  figures: Record<string, number>;
}

/** What the triggers read: the states, both snapshots, the rules, the as-of epoch day, key-account signals. */
export interface TriggerContext {
  states: CustomerStates;
  /** the snapshots at the as-of day and at the previous window's end (tier-downgrade, lapsing) */
  current: Snapshot;
  previous: Snapshot;
  rules: TriggerRules;
  asOf: number;
  /** the key accounts' retention probabilities (retention-fell); absent: the trigger never fires */
  accounts?: KeyAccountSignals | undefined;
}

const within = (asOf: number, day: number, days: number): boolean => day <= asOf && asOf - day < days;

/** The event day (epoch day) of trigger `TRIGGERS[k]` for customer `i`, or NaN when it does not fire. */
export function triggerDay(k: number, i: number, c: TriggerContext): number {
  const { states, rules, asOf } = c;
  switch (TRIGGERS[k]) {
    case 'new-customer': {
      const first = states.firstPurchase[i] ?? NaN;
      return within(asOf, first, rules['new-customer'].days) ? first : NaN;
    }
    case 'first-invoice': {
      const day = states.firstInvoice[i] ?? NaN;
      return within(asOf, day, rules['first-invoice'].days) ? day : NaN;
    }
    case 'unpaid-invoice': {
      const due = states.unpaidDue[i] ?? NaN;
      return asOf - due > rules['unpaid-invoice'].graceDays ? due : NaN;
    }
    case 'complaint': {
      const day = states.lastComplaintOpened[i] ?? NaN;
      return within(asOf, day, rules.complaint.days) ? day : NaN;
    }
    case 'complaint-late': {
      const overdue = states.overdueComplaintSince[i] ?? NaN;
      if (!Number.isNaN(overdue)) return overdue;
      const resolved = states.lateResolvedDay[i] ?? NaN;
      return within(asOf, resolved, rules['complaint-late'].days) ? resolved : NaN;
    }
    case 'detractor': {
      const day = states.npsDay[i] ?? NaN;
      return within(asOf, day, rules.detractor.days) &&
        (states.npsScore[i] ?? NaN) <= rules.detractor.maxScore
        ? day
        : NaN;
    }
    case 'tier-downgrade': {
      const now = c.current.tier[i] ?? -1;
      const before = c.previous.tier[i] ?? -1;
      return now >= 0 && before >= 0 && now > before ? c.current.days.currentStart : NaN;
    }
    case 'lapsing': {
      const recency = c.current.recency[i] ?? NaN;
      return recency > rules.lapsing.factor * (c.current.interval[i] ?? NaN) ? asOf - recency : NaN;
    }
    case 'retention-fell': {
      const a = c.accounts;
      if (a === undefined) return NaN;
      const day = a.day[i] ?? NaN;
      const drop = (a.before[i] ?? NaN) - (a.latest[i] ?? NaN);
      // compared in whole basis points, so that 0.75 − 0.70 counts as the 0.05 it is meant to be
      return within(asOf, day, rules['retention-fell'].days) &&
        Math.round(drop * 10_000) >= Math.round(rules['retention-fell'].minDrop * 10_000)
        ? day
        : NaN;
    }
    default:
      return NaN;
  }
}

/** The figures of the reason of trigger `TRIGGERS[k]` fired for customer `i` on `eventDay`. */
export function triggerFigures(
  k: number,
  i: number,
  eventDay: number,
  c: TriggerContext,
): Record<string, number> {
  const { states, asOf } = c;
  switch (TRIGGERS[k]) {
    case 'unpaid-invoice':
      return { daysOverdue: asOf - eventDay, amount: states.unpaidAmount[i] ?? 0 };
    case 'complaint-late':
      return Number.isNaN(states.overdueComplaintSince[i] ?? NaN)
        ? { open: 0, days: asOf - eventDay }
        : { open: 1, days: asOf - eventDay };
    case 'detractor':
      return { score: states.npsScore[i] ?? NaN };
    case 'tier-downgrade':
      return { from: c.previous.tier[i] ?? -1, to: c.current.tier[i] ?? -1 };
    case 'lapsing': {
      const days = c.current.recency[i] ?? NaN;
      const interval = c.current.interval[i] ?? NaN;
      return { days, interval, ratio: days / interval };
    }
    case 'retention-fell': {
      const before = c.accounts?.before[i] ?? NaN;
      const after = c.accounts?.latest[i] ?? NaN;
      return { before, after, drop: before - after };
    }
    default:
      return { days: asOf - eventDay };
  }
}

/**
 * Every trigger that fires for customer `i`, in the order of TRIGGERS. `current` and `previous` are the
 * snapshots at the as-of day and at the previous window's end (for tier-downgrade and lapsing).
 */
export function triggersOf(
  i: number,
  states: CustomerStates,
  current: Snapshot,
  previous: Snapshot,
  rules: TriggerRules,
  asOf: number,
  accounts?: KeyAccountSignals,
): FiredTrigger[] {
  const c: TriggerContext = { states, current, previous, rules, asOf, accounts };
  const out: FiredTrigger[] = [];
  TRIGGERS.forEach((trigger, k) => {
    const eventDay = triggerDay(k, i, c);
    if (!Number.isNaN(eventDay))
      out.push({ customer: i, trigger, eventDay, figures: triggerFigures(k, i, eventDay, c) });
  });
  return out;
}
