/**
 * The depth of loyalty: the behavioural dimensions of seed 002 ("duration, frequency, volume, depth and
 * share of wallet") per value tier of the current window (docs/metrics.md, "Depth of loyalty"):
 *
 *   duration (tenure)  = mean years from the first purchase (or `acquired_on`, if earlier) to the as-of day
 *   frequency          = purchases per customer per year
 *   volume             = revenue per customer per year
 *   depth              = distinct product lines bought in the window, per customer
 *   share of wallet    = revenue per year / the customer's estimated yearly category spend (`category_spend`),
 *                        over the customers that carry an estimate: Σ revenue per year / Σ category spend,
 *                        and the mean of the customers' own shares
 */
import { perYear, ratio, type WindowMonths } from './basis';
import { msg, type Message } from '../messages/catalogue';

/** Sums over the customers of one tier (active in the current window). */
export interface LoyaltyDepthSums {
  customers: number;
  purchases: number;
  revenue: number;
  /** distinct product lines bought in the window, summed over the customers (no product line = none) */
  lines: number;
  /** days from the first purchase to the as-of day, summed */
  tenureDays: number;
  /** customers with a category_spend estimate, their window revenue, their estimates, their own shares summed */
  walletCustomers: number;
  walletRevenue: number;
  walletSpend: number;
  walletShareSum: number;
  /** of those, customers whose revenue per year exceeds their estimate (share above 1) */
  walletAbove: number;
}

export interface LoyaltyDepthRow {
  tier: string;
  customers: number;
  tenureYears: number | null;
  /** purchases per customer per year */
  frequency: number | null;
  /** revenue per customer per year */
  volume: number | null;
  /** product lines per customer */
  depth: number | null;
  walletCustomers: number;
  /** Σ revenue per year / Σ category spend of the customers with an estimate; null without any */
  shareOfWallet: number | null;
  /** mean of the customers' own shares; null without any */
  meanShareOfWallet: number | null;
  walletAbove: number;
}

export const NO_DEPTH: LoyaltyDepthSums = {
  customers: 0,
  purchases: 0,
  revenue: 0,
  lines: 0,
  tenureDays: 0,
  walletCustomers: 0,
  walletRevenue: 0,
  walletSpend: 0,
  walletShareSum: 0,
  walletAbove: 0,
};

function add(a: LoyaltyDepthSums, b: LoyaltyDepthSums): LoyaltyDepthSums {
  return {
    customers: a.customers + b.customers,
    purchases: a.purchases + b.purchases,
    revenue: a.revenue + b.revenue,
    lines: a.lines + b.lines,
    tenureDays: a.tenureDays + b.tenureDays,
    walletCustomers: a.walletCustomers + b.walletCustomers,
    walletRevenue: a.walletRevenue + b.walletRevenue,
    walletSpend: a.walletSpend + b.walletSpend,
    walletShareSum: a.walletShareSum + b.walletShareSum,
    walletAbove: a.walletAbove + b.walletAbove,
  };
}

function row(tier: string, s: LoyaltyDepthSums, windowMonths: WindowMonths): LoyaltyDepthRow {
  const yearly = perYear(windowMonths);
  const perCustomer = (x: number): number | null => {
    const r = ratio(x, s.customers);
    return r === null ? null : r * yearly;
  };
  const share = ratio(s.walletRevenue * yearly, s.walletSpend);
  return {
    tier,
    customers: s.customers,
    tenureYears: s.customers === 0 ? null : s.tenureDays / s.customers / 365.25,
    frequency: perCustomer(s.purchases),
    volume: perCustomer(s.revenue),
    depth: ratio(s.lines, s.customers),
    walletCustomers: s.walletCustomers,
    shareOfWallet: s.walletSpend > 0 ? share : null,
    meanShareOfWallet: ratio(s.walletShareSum, s.walletCustomers),
    walletAbove: s.walletAbove,
  };
}

/** The depth-of-loyalty rows per tier and the total over all tiers. */
export function loyaltyDepth(
  names: readonly string[],
  sums: readonly LoyaltyDepthSums[],
  windowMonths: WindowMonths,
): { tiers: LoyaltyDepthRow[]; total: LoyaltyDepthRow; notes: Message[] } {
  const tiers = names.map((name, i) => row(name, sums[i] ?? NO_DEPTH, windowMonths));
  const all = sums.reduce(add, NO_DEPTH);
  const notes: Message[] = [];
  if (all.walletCustomers === 0) notes.push(msg('loyalty-depth.no-wallet'));
  else if (all.walletCustomers < all.customers)
    notes.push(
      msg('loyalty-depth.partial-wallet', { withEstimate: all.walletCustomers, customers: all.customers }),
    );
  if (all.walletAbove > 0) notes.push(msg('loyalty-depth.above-estimate', { customers: all.walletAbove }));
  return { tiers, total: row('total', all, windowMonths), notes };
}

/** One customer of the window, as the store hands it: its rank, tier and the raw sums of its dimensions. */
export interface LoyaltyDepthCustomerSums {
  customerId: string;
  /** 1 = the most valuable (ties share a rank) */
  rank: number;
  /** index into the tiers, 0 = highest */
  tier: number;
  /** the value that ranks (revenue or margin) in the window */
  value: number;
  purchases: number;
  revenue: number;
  lines: number;
  tenureDays: number;
  /** the customer's `category_spend` estimate; null without one */
  categorySpend: number | null;
}

/** One customer's depth of loyalty: the tier table's dimensions for that customer alone. */
export interface LoyaltyDepthCustomer {
  customerId: string;
  rank: number;
  tier: string;
  value: number;
  tenureYears: number;
  frequency: number;
  volume: number;
  depth: number;
  categorySpend: number | null;
  /** revenue per year / category spend; null without a positive estimate */
  shareOfWallet: number | null;
}

/** A customer's dimensions: purchases and revenue per year, product lines, tenure, share of wallet. */
export function loyaltyDepthCustomer(
  names: readonly string[],
  c: LoyaltyDepthCustomerSums,
  windowMonths: WindowMonths,
): LoyaltyDepthCustomer {
  const yearly = perYear(windowMonths);
  return {
    customerId: c.customerId,
    rank: c.rank,
    tier: names[c.tier] ?? '',
    value: c.value,
    tenureYears: c.tenureDays / 365.25,
    frequency: c.purchases * yearly,
    volume: c.revenue * yearly,
    depth: c.lines,
    categorySpend: c.categorySpend,
    shareOfWallet:
      c.categorySpend !== null && c.categorySpend > 0 ? (c.revenue * yearly) / c.categorySpend : null,
  };
}
