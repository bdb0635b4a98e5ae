/**
 * The customer port: everything the store holds about one customer, for the customer page (`cvm customer
 * ID`, `GET /api/customers/:id`): the customer's row, orders per month, their standing among the active
 * customers of each window (the rank that places them in a value tier), complaints, survey answers,
 * contracts and the key accounts linked to them, and a search of customer ids. A customer's rows are few;
 * only the standing reads every customer's window totals (one scan of the windows' transactions).
 */
import type { IsoDay, Window } from '../../core/dates';
import type { ValueMeasure } from '../../core/kpi/basis';

export interface CustomerRow {
  customerId: string;
  name: string | null;
  acquiredOn: IsoDay | null;
  region: string | null;
  channel: string | null;
}

/** Orders in one calendar month (`YYYY-MM`); returns count as orders with a negative amount. */
export interface CustomerMonth {
  month: string;
  orders: number;
  revenue: number;
  margin: number;
}

/**
 * The customer's standing in one window: `active` customers bought in it (an order with an amount ≥ 0 or
 * none); the customer's value, purchases, and how many active customers had a strictly higher value (their
 * competition rank is `above + 1`, as `rank()` ranks in the value reports).
 */
export interface CustomerStanding {
  active: number;
  purchases: number;
  value: number;
  above: number;
}

export interface CustomerComplaint {
  complaintId: string;
  /** `YYYY-MM-DD HH:MM:SS` as stored (UTC wall-clock) */
  openedAt: string;
  resolvedAt: string | null;
  category: string | null;
  outcome: string | null;
  satisfaction: number | null;
}

export interface CustomerSurvey {
  responseId: string;
  answeredOn: IsoDay;
  kind: string;
  score: number;
  comment: string | null;
}

export interface CustomerContract {
  contractId: string;
  startDate: IsoDay;
  endDate: IsoDay | null;
  productLine: string | null;
  annualFee: number | null;
}

/** A key account linked to the customer (`key_accounts.customer_id`). */
export interface CustomerKeyAccount {
  accountId: string;
  name: string;
  manager: string;
}

export interface CustomerData {
  /** false when no table mentions the customer (the key-account link does not count) */
  found: boolean;
  customer: CustomerRow | null;
  months: CustomerMonth[];
  /** one per window asked for, in that order */
  standing: CustomerStanding[];
  complaints: CustomerComplaint[];
  surveys: CustomerSurvey[];
  contracts: CustomerContract[];
  keyAccounts: CustomerKeyAccount[];
}

export interface CustomerPort {
  /** What the store holds about `customerId`, with the standing in each of `windows` by `measure`. */
  customer(customerId: string, windows: readonly Window[], measure: ValueMeasure): Promise<CustomerData>;
  /** Up to `limit` customer ids of the customers table starting with `prefix`, in id order. */
  search(prefix: string, limit: number): Promise<string[]>;
  /**
   * Erasure (`cvm delete --customer ID`): removes every row of `customerId` from the kinds that hold a
   * customer id and unlinks the key accounts linked to them (`key_accounts.customer_id` set to null; the
   * accounts and their assessments stay), in one transaction; with `dryRun` only counts them.
   */
  erase(customerId: string, dryRun: boolean): Promise<ErasedRows[]>;
}

/** The kinds erasure removes rows from (category spend is a column of the customers row). */
export const ERASED_KINDS = [
  'customers',
  'transactions',
  'contracts',
  'complaints',
  'surveys',
  'invoices',
  'actions',
] as const;
export type ErasedKind = (typeof ERASED_KINDS)[number];

/** Rows of one kind erasure removed (`deleted`), or key accounts it unlinked (`unlinked`). */
export interface ErasedRows {
  kind: ErasedKind | 'accounts';
  table: string;
  action: 'deleted' | 'unlinked';
  rows: number;
}
