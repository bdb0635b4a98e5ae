/**
 * Demo orders: one row per simulated purchase plus the returns. Spend is Gamma-Gamma: the amount of one
 * purchase is Gamma(p, ν) with the customer's own ν, scaled by its needs group's basket factor and never
 * below a 19 kr floor. Margin is the product line's rate ± a few points, kept within 25–45 %.
 *
 * Order ids O0000001… follow the date, so they read like a till's sequence. A return is a negative row
 * whose id is the purchase's id with "-R" appended: that is how it references the purchase it undoes.
 */
import { fromEpochDay } from '../../core/dates';
import {
  bernoulli,
  categorical,
  createRandom,
  exponential,
  gamma,
  normal,
  type Random,
} from '../../core/random';
import type { CustomerTraits } from './customers';
import type { CustomerLife } from './lives';
import type { DemoModel } from './params';
import { makeId, roundMoney, type Row } from './rows';
import { CUSTOMER_CHANNELS, NEEDS_GROUPS, PRODUCT_LINES } from './vocabulary';

const MIN_AMOUNT = 19;
/** share of a customer's orders placed in its own acquisition channel */
const HOME_CHANNEL_SHARE = 0.7;

/** A purchase as later generators (complaints, surveys) need it. */
export interface Purchase {
  /** index of the customer in the lives / traits arrays */
  customer: number;
  day: number;
  orderId: string;
  /** the customer's last purchase, after which it dropped out: the moment churn happens */
  beforeDropout: boolean;
  /** the purchase led to a complaint */
  complaint: boolean;
}

function orderChannel(rng: Random, home: number): string {
  if (rng.next() < HOME_CHANNEL_SHARE) return CUSTOMER_CHANNELS[home]?.[0] ?? 'web';
  const others = CUSTOMER_CHANNELS.filter((_, i) => i !== home);
  return others[Math.floor(rng.next() * others.length)]?.[0] ?? 'web';
}

/** Every purchase of every life, ordered by day and then by customer. */
function purchasesByDay(lives: readonly CustomerLife[]): Omit<Purchase, 'orderId'>[] {
  const all: Omit<Purchase, 'orderId'>[] = [];
  lives.forEach((life, customer) => {
    const complaints = new Set(life.complaints);
    life.purchases.forEach((day, k) => {
      const last = k === life.purchases.length - 1;
      all.push({ customer, day, beforeDropout: last && life.droppedOut, complaint: complaints.has(k) });
    });
  });
  return all.sort((x, y) => x.day - y.day || x.customer - y.customer);
}

/**
 * Transaction rows (canonical column order, sorted by date) and the purchases they contain.
 * @param endDay last epoch day of the log: returns that would fall after it are not made
 */
export function makeOrders(
  lives: readonly CustomerLife[],
  traits: readonly CustomerTraits[],
  model: DemoModel,
  seed: number,
  endDay: number,
): { rows: Row[]; purchases: Purchase[] } {
  const rng = createRandom(seed, 'orders');
  const lineOf = NEEDS_GROUPS.map((_, g) => categorical(PRODUCT_LINES.map(([, , w]) => w[g] ?? 0)));
  const sorted = purchasesByDay(lives);
  const width = Math.max(7, String(sorted.length).length);
  const rows: Row[] = [];
  const returns: Row[] = [];
  const purchases: Purchase[] = [];
  sorted.forEach((p, i) => {
    const life = lives[p.customer] as CustomerLife;
    const trait = traits[p.customer] as CustomerTraits;
    const orderId = makeId('O', i + 1, width);
    const basket = NEEDS_GROUPS[trait.needsGroup]?.[2] ?? 1;
    const amount = roundMoney(Math.max(MIN_AMOUNT, basket * gamma(rng, model.spendP, 1 / life.nu)));
    const [line, rate] = PRODUCT_LINES[(lineOf[trait.needsGroup] as (r: Random) => number)(rng)] ?? [
      'other',
      0.35,
    ];
    const marginRate = Math.min(0.45, Math.max(0.25, rate + normal(rng, 0, 0.03)));
    const margin = roundMoney(amount * marginRate);
    const channel = orderChannel(rng, trait.channel);
    const date = fromEpochDay(p.day);
    rows.push([orderId, trait.id, date, amount, margin, line, channel]);
    purchases.push({ ...p, orderId });
    if (bernoulli(rng, model.returnShare)) {
      const returnDay = p.day + 2 + Math.min(28, Math.floor(exponential(rng, 1 / 7)));
      const share = bernoulli(rng, 0.6) ? 1 : 0.2 + 0.6 * rng.next();
      if (returnDay <= endDay) {
        const back = roundMoney(amount * share);
        const backMargin = share === 1 ? margin : roundMoney(margin * share);
        returns.push([`${orderId}-R`, trait.id, fromEpochDay(returnDay), -back, -backMargin, line, channel]);
      }
    }
  });
  const all = rows.concat(returns);
  // stable: on one day, purchases keep their id order and come before the day's returns
  all.sort((x, y) =>
    (x[2] as string) < (y[2] as string) ? -1 : (x[2] as string) > (y[2] as string) ? 1 : 0,
  );
  return { rows: all, purchases };
}
