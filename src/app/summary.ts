/**
 * The headline `cvm start` prints under the info tables: a handful of figures over the last 12 months as
 * of the latest order date (the default as-of day, ARCHITECTURE.md). The dashboard will replace it.
 */
import { addDays, windowBack, type IsoDay, type Window } from '../core/dates';
import { countNpsHistogram, nps } from '../core/kpi/nps';
import { withinTargetShare } from '../core/service/resolution-target';
import { zonedInstant } from '../core/service/time-zone';
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
  /** complaints opened in the window resolved within 24 h by the end of the as-of day; null without complaints */
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
  // Complaints opened in the window's days (UTC), judged at the end of the as-of day, as `report service`.
  const fromMs = zonedInstant(addDays(window.startExclusive, 1), 0, 'UTC');
  const complaints = await store.service.complaints({
    fromMs,
    asOfMs: zonedInstant(addDays(asOf, 1), 0, 'UTC'),
    bucketStartsMs: [fromMs],
  });
  const score = nps(countNpsHistogram((await store.service.surveyScores(window)).nps));
  return {
    asOf,
    window,
    customers: c.customers,
    activeCustomers: c.activeCustomers,
    revenue: c.revenue,
    orders: c.orders,
    complaints: complaints.complaints,
    resolvedWithin24hShare: withinTargetShare(complaints.resolutionHours, complaints.complaints, 24),
    nps: score.score,
    npsResponses: score.n,
    keyAccounts: c.keyAccounts,
  };
}
