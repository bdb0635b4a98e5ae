/**
 * The little arithmetic the dashboard does itself so that a form or a matrix answers while the user types;
 * each mirrors a documented formula of docs/metrics.md, and test/web/math.test.ts checks it against the
 * figures the CLI computes.
 */
import type { AccountRow, Scorecard } from './types';

/**
 * The scorecard's retention probability (docs/metrics.md, key accounts): each factor's value, floored,
 * is read in its step table; the probability is the weighted mean, clamped to the scorecard's bounds.
 * Null when a value is outside its factor's domain.
 */
export function scorecardProbability(card: Scorecard, values: Record<string, number>): number | null {
  let sum = 0;
  let weights = 0;
  for (const f of card.factors) {
    const v = values[f.id];
    if (v === undefined || !Number.isFinite(v) || v < f.min || (f.kind === 'scale1to5' && v > 5)) return null;
    const whole = Math.floor(v);
    const step = f.steps.find((s) => s.to === null || whole <= s.to);
    if (!step) return null;
    sum += f.weight * step.probability;
    weights += f.weight;
  }
  if (weights === 0) return null;
  return Math.min(card.bounds.max, Math.max(card.bounds.min, sum / weights));
}

/**
 * The probability-adjusted CLV at another retention probability. It is linear in p (Σ (p·revenueₜ − costsₜ)
 * discounted at WACC), and the CLV at WACC is the same sum with p = 1, so the present value of revenue is
 * (clvWacc − clvProbabilityAdjusted) / (1 − p) and CLV(p′) = clvProbabilityAdjusted + (p′ − p) · that.
 */
export function clvAt(a: AccountRow, p: number): number | null {
  const p0 = a.retentionProbability;
  if (p0 >= 1) return null;
  const pvRevenue = (a.clvWacc - a.clvProbabilityAdjusted) / (1 - p0);
  return a.clvProbabilityAdjusted + (p - p0) * pvRevenue;
}

/**
 * BG/NBD probability that a customer with x repeat purchases, the last at t_x, observed for T, is alive
 * (Fader, Hardie & Lee 2005, eq. 13): 1 / (1 + [x > 0] · a/(b + x − 1) · ((α + T)/(α + t_x))^(r + x)).
 */
export function bgnbdPAlive(p: Record<string, number>, x: number, tx: number, T: number): number | null {
  const { r, alpha, a, b } = p;
  if (r === undefined || alpha === undefined || a === undefined || b === undefined) return null;
  if (x === 0) return 1;
  return 1 / (1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x));
}

/**
 * The ISO day n months before `day`, as reporting windows step (core's `stepMonths`): the day of month is
 * clamped to the target month, and a month's last day stays its last day (2025-06-30 − 3 = 2025-03-31).
 */
export function monthsBefore(day: string, n: number): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const total = y * 12 + (m - 1) - n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const endOfMonth = d === new Date(Date.UTC(y, m, 0)).getUTCDate();
  const dd = endOfMonth ? last : Math.min(d, last);
  return `${year}-${String(month).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}
