/**
 * The summary port: the few raw counts behind the headline `cvm start` prints (its complaints and NPS
 * figures come from the service port), plus emptying the data tables before a demo replaces them.
 */
import type { Window } from '../core/dates';

/** Raw counts over one window (`startExclusive < day ≤ endInclusive`); shares are computed by the caller. */
export interface HeadlineCounts {
  /** rows in the customers table */
  customers: number;
  /** distinct customers with a purchase (amount >= 0) in the window */
  activeCustomers: number;
  /** net revenue (returns subtract) of the customers active in the window, in major currency units */
  revenue: number;
  /** purchases (amount >= 0) in the window */
  orders: number;
  keyAccounts: number;
}

export interface SummaryPort {
  headline(window: Window): Promise<HeadlineCounts>;
  /** deletes every row of every data table (not the import log) in one transaction */
  clearData(): Promise<void>;
}
