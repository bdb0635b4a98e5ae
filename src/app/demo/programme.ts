/**
 * The demo's loyalty programme (seed 002: "Does membership in a loyalty program affect customer
 * behavior?"). Customers join at the till: at each purchase inside the log a customer not yet a member
 * joins with probability JOIN_PER_PURCHASE, so frequent buyers join more often — the self-selection the
 * programme report warns about. After joining, light buyers (fewer than LIGHT_BUYER purchases a year) buy
 * twice as often (seed 002: "+100 % frequency for light buyers"): an extra stream of purchases at their own
 * rate, from the day they join until they drop out (their last purchase) or the log ends. Heavier buyers
 * are unchanged. A random stream of its own keeps the rest of the demo as it was drawn.
 */
import { createRandom, exponential } from '../../core/random';
import type { CustomerLife, LogWindow } from './lives';

/** probability that a purchase is the one at which a customer joins */
export const JOIN_PER_PURCHASE = 0.06;
/** purchases a year below which a member is a light buyer and doubles its frequency after joining */
export const LIGHT_BUYER = 1;

const DAYS_PER_YEAR = 365.25;

/** The lives with the members' extra purchases, and each customer's day of joining (epoch day, or null). */
export function joinProgramme(
  lives: readonly CustomerLife[],
  seed: number,
  window: LogWindow,
): { lives: CustomerLife[]; joinDays: (number | null)[] } {
  const rng = createRandom(seed, 'programme');
  const joinDays: (number | null)[] = [];
  const out = lives.map((life) => {
    let joinDay: number | null = null;
    for (const day of life.purchases)
      if (rng.next() < JOIN_PER_PURCHASE) {
        joinDay = day;
        break;
      }
    joinDays.push(joinDay);
    if (joinDay === null || life.lambda >= LIGHT_BUYER) return life;
    // dropped out: extra purchases only before the last one, which stays the last; else up to the log's end
    const last = life.purchases[life.purchases.length - 1] ?? window.end;
    const end = life.droppedOut ? last - 1 : window.end;
    const extra: number[] = [];
    let t = joinDay + exponential(rng, life.lambda / DAYS_PER_YEAR);
    while (Math.floor(t) <= end) {
      extra.push(Math.floor(t));
      t += exponential(rng, life.lambda / DAYS_PER_YEAR);
    }
    if (extra.length === 0) return life;
    // merge, keeping the original purchases' complaint marks (an extra purchase never leads to a complaint)
    const complaints = new Set(life.complaints);
    const merged = [
      ...life.purchases.map((day, k) => ({ day, complaint: complaints.has(k), order: 0 })),
      ...extra.map((day) => ({ day, complaint: false, order: 1 })),
    ].sort((x, y) => x.day - y.day || x.order - y.order);
    return {
      ...life,
      purchases: merged.map((p) => p.day),
      complaints: merged.flatMap((p, k) => (p.complaint ? [k] : [])),
    };
  });
  return { lives: out, joinDays };
}
