/**
 * Contract (subscription) businesses: the subscription portfolio in seed 002's layout ("Customer Portfolio
 * value subscription based - including NPS/SKI"), products per customer and its movement between two
 * days (cross-sell, down-sell), and product-level churn split into customers who left the company and
 * customers who stayed with other products (docs/metrics.md, "Contracts"). Activity is contractual: a
 * customer is active on a day with a contract in force. Per current tier (ranked by current-window revenue):
 *
 *   revenue per customer = revenue / customers × 12 / w                   per year
 *   products per customer = product lines held on the as-of day / customers
 *   retention  = retained / customers of the same tier on the previous day   (per window, see retention.ts)
 *   duration   = 1 / (1 − retention) windows, in years
 *   CLV        = revenue per customer × duration;  CLV index = CLV / CLV of the lowest tier
 *   CLV total  = customers × CLV
 *   SKI        = mean of the tier's `ski` survey answers (0–100) when it has any, else
 *                100 × (mean CSAT − 1) / 4 (0–100); `skiSource` says which;  NPS with n and margin of error (nps.ts)
 *
 * The total row is customer-weighted: revenue and products per customer are total sums over all customers,
 * retention is all retained over all previous customers, and the CLV total is the sum of the tiers'.
 */
import { perYear, ratio, type WindowMonths } from './basis';
import { nps, type Nps } from './nps';
import { retentionFigures, retentionNote, type RetentionFigures } from './retention';
import { satisfactionIndex } from './satisfaction';
import { msg, type Message } from '../messages/catalogue';

/** Days in a mean year, for tenure in years. */
export const DAYS_PER_YEAR = 365.25;

/** Sums over the customers of one current-window tier (active on the as-of day). */
export interface ContractTierSums {
  customers: number;
  /** current-window revenue */
  revenue: number;
  /** product lines held on the as-of day, summed over the customers */
  products: number;
  /** customers holding 1, 2, 3 and 4 or more product lines on the as-of day */
  holdings: [number, number, number, number];
  /** days from each customer's first contract start to the as-of day, summed */
  tenureDays: number;
  /** NPS answers (kind nps) of the tier's customers in the current window */
  promoters: number;
  passives: number;
  detractors: number;
  /** CSAT answers (1–5) of the tier's customers in the current window: count and sum of scores */
  csatAnswers: number;
  csatSum: number;
  /** SKI answers (kind ski, 0–100) of the tier's customers in the current window: count and sum of scores */
  skiAnswers: number;
  skiSum: number;
}

/** Where a SKI figure comes from: the `ski` survey kind, CSAT answers rescaled, or none (null SKI). */
export type SkiSource = 'ski' | 'csat' | null;

/** Sums over the customers of one previous-window tier (active on the previous day). */
export interface ContractMovementSums {
  customers: number;
  /** still active on the as-of day */
  retained: number;
  /** product lines held on the previous day / on the as-of day, summed over the retained customers */
  productsBefore: number;
  productsAfter: number;
  /** retained customers who hold a line on the as-of day they did not hold on the previous day */
  crossSell: number;
  /** retained customers who no longer hold a line they held on the previous day */
  downSell: number;
}

/** One product line between the previous day and the as-of day. */
export interface ProductLineSums {
  /** "" for contracts without a product line */
  line: string;
  /** customers holding the line on the previous day */
  holdersBefore: number;
  /** customers holding the line on the as-of day */
  holdersAfter: number;
  /** holders on the previous day who do not hold it on the as-of day … */
  ended: number;
  /** … of whom active on the as-of day with other lines (churned on the product, retained as a customer) */
  stayed: number;
  /** customers holding the line on the as-of day who did not on the previous day */
  added: number;
}

/** One row of the subscription portfolio (a tier or the total). Money in major units, rates as fractions. */
export interface SubscriptionRow {
  tier: string;
  customers: number;
  revenue: number;
  /** per customer per year; null without customers */
  revenuePerCustomer: number | null;
  /** product lines per customer on the as-of day; null without customers */
  productsPerCustomer: number | null;
  /** mean years since the first contract; null without customers */
  tenureYears: number | null;
  /** retention from the same tier on the previous day (see the file header) */
  retention: RetentionFigures;
  /** 0–100 satisfaction index: the mean `ski` answer, else CSAT rescaled; null without either */
  ski: number | null;
  /** which answers the SKI of this row comes from */
  skiSource: SkiSource;
  /** the answers of that source (0 when null) */
  skiAnswers: number;
  nps: Nps;
  /** revenuePerCustomer × duration; null when either is null */
  clv: number | null;
  /** clv / clv of the lowest tier; null when either is undefined or the base is not positive */
  clvIndex: number | null;
  /** customers × clv (0 without customers) */
  clvTotal: number | null;
}

export interface SubscriptionPortfolio {
  tiers: SubscriptionRow[];
  total: SubscriptionRow;
  notes: Message[];
}

function row(
  tier: string,
  c: ContractTierSums,
  retention: RetentionFigures,
  windowMonths: WindowMonths,
): Omit<SubscriptionRow, 'clvIndex' | 'clvTotal'> {
  const perCustomer = ratio(c.revenue, c.customers);
  const revenuePerCustomer = perCustomer === null ? null : perCustomer * perYear(windowMonths);
  const csatMean = ratio(c.csatSum, c.csatAnswers);
  const skiMean = ratio(c.skiSum, c.skiAnswers);
  const skiSource: SkiSource = skiMean !== null ? 'ski' : csatMean !== null ? 'csat' : null;
  return {
    tier,
    customers: c.customers,
    revenue: c.revenue,
    revenuePerCustomer,
    productsPerCustomer: ratio(c.products, c.customers),
    tenureYears: c.customers === 0 ? null : c.tenureDays / c.customers / DAYS_PER_YEAR,
    retention,
    ski: skiMean ?? (csatMean === null ? null : satisfactionIndex(csatMean)),
    skiSource,
    skiAnswers: skiSource === 'ski' ? c.skiAnswers : skiSource === 'csat' ? c.csatAnswers : 0,
    nps: nps({ promoters: c.promoters, passives: c.passives, detractors: c.detractors }),
    clv:
      revenuePerCustomer === null || retention.duration === null
        ? null
        : revenuePerCustomer * retention.duration,
  };
}

/** Adds the sums of two tiers. */
export function addTierSums(a: ContractTierSums, b: ContractTierSums): ContractTierSums {
  return {
    customers: a.customers + b.customers,
    revenue: a.revenue + b.revenue,
    products: a.products + b.products,
    holdings: [
      a.holdings[0] + b.holdings[0],
      a.holdings[1] + b.holdings[1],
      a.holdings[2] + b.holdings[2],
      a.holdings[3] + b.holdings[3],
    ],
    tenureDays: a.tenureDays + b.tenureDays,
    promoters: a.promoters + b.promoters,
    passives: a.passives + b.passives,
    detractors: a.detractors + b.detractors,
    csatAnswers: a.csatAnswers + b.csatAnswers,
    csatSum: a.csatSum + b.csatSum,
    skiAnswers: a.skiAnswers + b.skiAnswers,
    skiSum: a.skiSum + b.skiSum,
  };
}

export const NO_TIER_SUMS: ContractTierSums = {
  customers: 0,
  revenue: 0,
  products: 0,
  holdings: [0, 0, 0, 0],
  tenureDays: 0,
  promoters: 0,
  passives: 0,
  detractors: 0,
  csatAnswers: 0,
  csatSum: 0,
  skiAnswers: 0,
  skiSum: 0,
};

/** The subscription portfolio: one row per tier and the customer-weighted total (see the file header). */
export function subscriptionPortfolio(
  names: readonly string[],
  current: readonly ContractTierSums[],
  previous: readonly ContractMovementSums[],
  windowMonths: WindowMonths,
): SubscriptionPortfolio {
  const notes: Message[] = [];
  const rows = names.map((name, i) => {
    const p = previous[i] ?? { customers: 0, retained: 0 };
    const retention = retentionFigures(p.customers, p.customers - p.retained, windowMonths);
    const note = retentionNote(name, retention);
    if (note) notes.push(note);
    return row(name, current[i] ?? NO_TIER_SUMS, retention, windowMonths);
  });
  const base = rows.at(-1)?.clv ?? null;
  if (base === null || base <= 0)
    notes.push(
      msg('portfolio.clv-index-undefined', { lowest: base === null ? 'undefined' : 'not positive' }),
    );
  const index = (clv: number | null): number | null =>
    clv === null || base === null || base <= 0 ? null : clv / base;
  const tiers = rows.map((r) => ({
    ...r,
    clvIndex: index(r.clv),
    clvTotal: r.customers === 0 ? 0 : r.clv === null ? null : r.customers * r.clv,
  }));
  const all = current.reduce(addTierSums, NO_TIER_SUMS);
  const previousAll = previous.reduce((s, p) => s + p.customers, 0);
  const retainedAll = previous.reduce((s, p) => s + p.retained, 0);
  const totalRetention = retentionFigures(previousAll, previousAll - retainedAll, windowMonths);
  const sources = new Set(tiers.map((t) => t.skiSource).filter((x) => x !== null));
  if (sources.size > 1) notes.push(msg('contracts.ski-mixed'));
  const undefinedTotal = tiers.some((t) => t.clvTotal === null);
  if (undefinedTotal) notes.push(msg('contracts.clv-total-undefined'));
  const clvTotal = undefinedTotal ? null : tiers.reduce((s, t) => s + (t.clvTotal ?? 0), 0);
  const clv = clvTotal === null || all.customers === 0 ? null : clvTotal / all.customers;
  const total = {
    ...row('total', all, totalRetention, windowMonths),
    clv,
    clvIndex: index(clv),
    clvTotal,
  };
  return { tiers, total, notes };
}

/** Products per customer of one tier on the as-of day, and movement of its previous-day customers. */
export interface ProductsRow {
  tier: string;
  /** customers active on the as-of day in this (current) tier */
  customers: number;
  productsPerCustomer: number | null;
  /** shares of the tier's customers holding 1, 2, 3 and 4 or more lines; null without customers */
  holdingShares: [number, number, number, number] | null;
  holdings: [number, number, number, number];
  /** customers of this tier on the previous day, and of those still active */
  previousCustomers: number;
  retained: number;
  /** lines per retained customer before and after; null without retained customers */
  productsBefore: number | null;
  productsAfter: number | null;
  /** retained customers who added / dropped a line, and their shares of the retained */
  crossSell: number;
  downSell: number;
  crossSellRate: number | null;
  downSellRate: number | null;
}

export interface ProductsTable {
  tiers: ProductsRow[];
  total: ProductsRow;
}

function productsRow(tier: string, c: ContractTierSums, m: ContractMovementSums): ProductsRow {
  return {
    tier,
    customers: c.customers,
    productsPerCustomer: ratio(c.products, c.customers),
    holdingShares:
      c.customers === 0
        ? null
        : [
            c.holdings[0] / c.customers,
            c.holdings[1] / c.customers,
            c.holdings[2] / c.customers,
            c.holdings[3] / c.customers,
          ],
    holdings: c.holdings,
    previousCustomers: m.customers,
    retained: m.retained,
    productsBefore: ratio(m.productsBefore, m.retained),
    productsAfter: ratio(m.productsAfter, m.retained),
    crossSell: m.crossSell,
    downSell: m.downSell,
    crossSellRate: ratio(m.crossSell, m.retained),
    downSellRate: ratio(m.downSell, m.retained),
  };
}

const NO_MOVEMENT: ContractMovementSums = {
  customers: 0,
  retained: 0,
  productsBefore: 0,
  productsAfter: 0,
  crossSell: 0,
  downSell: 0,
};

/**
 * Products per customer per tier (holdings on the as-of day, current tiers) beside the movement of each
 * previous-day tier's retained customers (cross-sell: added a line; down-sell: dropped one; a customer
 * who switched lines counts in both).
 */
export function productsTable(
  names: readonly string[],
  current: readonly ContractTierSums[],
  previous: readonly ContractMovementSums[],
): ProductsTable {
  const tiers = names.map((name, i) =>
    productsRow(name, current[i] ?? NO_TIER_SUMS, previous[i] ?? NO_MOVEMENT),
  );
  const m = previous.reduce(
    (s, p) => ({
      customers: s.customers + p.customers,
      retained: s.retained + p.retained,
      productsBefore: s.productsBefore + p.productsBefore,
      productsAfter: s.productsAfter + p.productsAfter,
      crossSell: s.crossSell + p.crossSell,
      downSell: s.downSell + p.downSell,
    }),
    NO_MOVEMENT,
  );
  return { tiers, total: productsRow('total', current.reduce(addTierSums, NO_TIER_SUMS), m) };
}

/** Product-level churn of one product line. */
export interface ProductChurnRow extends ProductLineSums {
  /** ended / holdersBefore; null without holders */
  churn: number | null;
  /** ended − stayed: holders who left the company */
  left: number;
  /** left / holdersBefore and stayed / holdersBefore; null without holders */
  leftRate: number | null;
  stayedRate: number | null;
  /** stayed / ended: the share of the line's churners retained as customers; null when none ended */
  retainedAsCustomer: number | null;
}

/** Product-level churn per line (churned on the product vs left the company). */
export function productChurn(lines: readonly ProductLineSums[]): ProductChurnRow[] {
  return lines.map((l) => ({
    ...l,
    churn: ratio(l.ended, l.holdersBefore),
    left: l.ended - l.stayed,
    leftRate: ratio(l.ended - l.stayed, l.holdersBefore),
    stayedRate: ratio(l.stayed, l.holdersBefore),
    retainedAsCustomer: ratio(l.stayed, l.ended),
  }));
}
