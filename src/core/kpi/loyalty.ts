/**
 * Loyalty what-if (docs/domain.md, "Loyalty effect and what-if"; seed 002, "Retention rate vs Churn
 * rate", Reichheld's "5 % more retention, 25–95 % more profit"): raise each tier's annual retention by Δ
 * percentage points and see what happens to duration, CLV, tier value and the portfolio value, all else
 * equal (same members, same value per customer per year).
 *
 * Retention is capped at 100 %; at 100 % the duration is unbounded and the figures are null with a note.
 */
import type { Portfolio } from './portfolio';
import { durationYears } from './retention';
import { msg, type Message } from '../messages/catalogue';

/** A tier's figures before and after the change. Rates are fractions, money in major units. */
/** The whole portfolio before and after the change; values null when a tier's is undefined. */
export interface RetentionScenarioTier {
  tier: string;
  customers: number;
  retention: number | null;
  newRetention: number | null;
  duration: number | null;
  newDuration: number | null;
  clv: number | null;
  newClv: number | null;
  value: number | null;
  newValue: number | null;
  /** newValue / value − 1; null when either is undefined or value is 0 */
  change: number | null;
}

/** The whole portfolio before and after the change; values null when a tier's is undefined. */
export interface RetentionScenario {
  deltaPoints: number;
  tiers: RetentionScenarioTier[];
  value: number | null;
  newValue: number | null;
  change: number | null;
  notes: Message[];
}

function relativeChange(before: number | null, after: number | null): number | null {
  return before === null || after === null || before === 0 ? null : after / before - 1;
}

/**
 * Raises every tier's retention by `deltaPoints` percentage points (negative lowers it), floored at
 * 0 and capped at 100 %, and recomputes duration = 1 / (1 − r) windows (in years), CLV = value per customer per year × duration
 * and value = members × CLV. The portfolio value is the sum of the new tier values.
 */
export function simulateRetention(portfolio: Portfolio, deltaPoints: number): RetentionScenario {
  const notes: Message[] = [];
  const tiers = portfolio.tiers.map((t): RetentionScenarioTier => {
    const raw = t.retention === null ? null : t.retention + deltaPoints / 100;
    const newRetention = raw === null ? null : Math.min(1, Math.max(0, raw));
    const newDuration = durationYears(newRetention, portfolio.windowMonths);
    if (raw !== null && raw < 0)
      notes.push(
        msg('simulate.clamped-low', { tier: t.tier, retention: t.retention ?? 0, delta: deltaPoints }),
      );
    else if (raw !== null && raw > 1)
      notes.push(
        msg('simulate.clamped-high', { tier: t.tier, retention: t.retention ?? 0, delta: deltaPoints }),
      );
    if (t.retention === null) notes.push(msg('simulate.no-base-retention', { tier: t.tier }));
    else if (newDuration === null) notes.push(msg('simulate.unbounded', { tier: t.tier }));
    const newClv =
      newDuration === null || t.valuePerCustomer === null ? null : t.valuePerCustomer * newDuration;
    const newValue = t.customers === 0 ? 0 : newClv === null ? null : t.customers * newClv;
    return {
      tier: t.tier,
      customers: t.customers,
      retention: t.retention,
      newRetention,
      duration: t.duration,
      newDuration,
      clv: t.clv,
      newClv,
      value: t.value,
      newValue,
      change: relativeChange(t.value, newValue),
    };
  });
  const sum = (key: 'value' | 'newValue'): number | null =>
    tiers.some((t) => t[key] === null) ? null : tiers.reduce((s, t) => s + (t[key] ?? 0), 0);
  const value = sum('value');
  const newValue = sum('newValue');
  return { deltaPoints, tiers, value, newValue, change: relativeChange(value, newValue), notes };
}
