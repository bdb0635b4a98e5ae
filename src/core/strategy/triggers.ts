/**
 * Situation triggers as of a day (docs/metrics.md, "Situation triggers"): rules over the customer's
 * events, each with its settings from the rules file. A trigger that fires carries the day of the event
 * that fired it, which (with the customer and the trigger) makes the suggestion's stable id.
 *
 * "In the last N days" always means the days d with asOf − N < d ≤ asOf: an event exactly N days before
 * the as-of day is out.
 */
import type { Snapshot } from './classify';
import { TRIGGERS, type TriggerName, type TriggerRules } from './rules';
import type { CustomerStates } from './states';

export interface FiredTrigger {
  /** index of the customer in the states */
  customer: number;
  trigger: TriggerName;
  /** epoch day of the event that fired it */
  eventDay: number;
  /** trigger-specific figures for the reason: NPS score, amount due, days overdue, tiers moved … */
  figures: Record<string, number>;
}

const within = (asOf: number, day: number, days: number): boolean => day <= asOf && asOf - day < days;

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
): FiredTrigger[] {
  const out: FiredTrigger[] = [];
  const fire = (trigger: TriggerName, eventDay: number, figures: Record<string, number> = {}): void => {
    out.push({ customer: i, trigger, eventDay, figures });
  };
  for (const trigger of TRIGGERS) {
    switch (trigger) {
      case 'new-customer': {
        const first = states.firstPurchase[i] ?? NaN;
        if (within(asOf, first, rules[trigger].days)) fire(trigger, first, { days: asOf - first });
        break;
      }
      case 'first-invoice': {
        const day = states.firstInvoice[i] ?? NaN;
        if (within(asOf, day, rules[trigger].days)) fire(trigger, day, { days: asOf - day });
        break;
      }
      case 'unpaid-invoice': {
        const due = states.unpaidDue[i] ?? NaN;
        if (asOf - due > rules[trigger].graceDays)
          fire(trigger, due, { daysOverdue: asOf - due, amount: states.unpaidAmount[i] ?? 0 });
        break;
      }
      case 'complaint': {
        const day = states.lastComplaintOpened[i] ?? NaN;
        if (within(asOf, day, rules[trigger].days)) fire(trigger, day, { days: asOf - day });
        break;
      }
      case 'complaint-late': {
        const overdue = states.overdueComplaintSince[i] ?? NaN;
        const resolved = states.lateResolvedDay[i] ?? NaN;
        if (!Number.isNaN(overdue)) fire(trigger, overdue, { open: 1, days: asOf - overdue });
        else if (within(asOf, resolved, rules[trigger].days))
          fire(trigger, resolved, { open: 0, days: asOf - resolved });
        break;
      }
      case 'detractor': {
        const day = states.npsDay[i] ?? NaN;
        const score = states.npsScore[i] ?? NaN;
        if (within(asOf, day, rules[trigger].days) && score <= rules[trigger].maxScore)
          fire(trigger, day, { score });
        break;
      }
      case 'tier-downgrade': {
        const now = current.tier[i] ?? -1;
        const before = previous.tier[i] ?? -1;
        if (now >= 0 && before >= 0 && now > before)
          fire(trigger, current.days.currentStart, { from: before, to: now });
        break;
      }
      case 'lapsing': {
        const recency = current.recency[i] ?? NaN;
        const interval = current.interval[i] ?? NaN;
        if (recency > rules[trigger].factor * interval)
          fire(trigger, asOf - recency, { days: recency, interval, ratio: recency / interval });
        break;
      }
    }
  }
  return out;
}
