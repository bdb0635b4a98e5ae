/**
 * The headline `cvm start` prints under the info tables: a handful of figures over the last 12 months as
 * of the latest order date (the default as-of day, ARCHITECTURE.md). The dashboard will replace it.
 */
import { windowBack, type IsoDay, type Window } from '../core/dates';
import type { TableInfo } from '../data/info';
import type { StoreUnit } from '../data/store';

export interface Headline {
  asOf: IsoDay;
  /** the last 12 months: asOf − 12 months < day ≤ asOf */
  window: Window;
  customers: number;
  activeCustomers: number;
  /** net revenue of the customers active in the window, major currency units */
  revenue: number;
  orders: number;
  complaints: number;
  /** share of the window's complaints resolved within 24 h of opening; null without complaints */
  resolvedWithin24hShare: number | null;
  /** % promoters − % detractors (−100…100); null without answers */
  nps: number | null;
  npsResponses: number;
  keyAccounts: number;
}

/**
 * The headline, or null when no transactions are loaded (there is no as-of day to compute it on). `tables`
 * is what `store.meta.tables()` returned, when the caller has it already.
 */
export async function getHeadline(store: StoreUnit, tables?: readonly TableInfo[]): Promise<Headline | null> {
  const transactions = (tables ?? (await store.meta.tables())).find((t) => t.kind === 'transactions');
  const asOf = transactions?.to ?? null;
  if (asOf === null) return null;
  const window = windowBack(asOf, 12, 0);
  const c = await store.summary.headline(window);
  return {
    asOf,
    window,
    customers: c.customers,
    activeCustomers: c.activeCustomers,
    revenue: c.revenue,
    orders: c.orders,
    complaints: c.complaints,
    resolvedWithin24hShare: c.complaints > 0 ? c.resolvedWithin24h / c.complaints : null,
    // docs/domain.md: NPS = % promoters (9–10) − % detractors (0–6)
    nps: c.npsResponses > 0 ? (100 * (c.promoters - c.detractors)) / c.npsResponses : null,
    npsResponses: c.npsResponses,
    keyAccounts: c.keyAccounts,
  };
}
