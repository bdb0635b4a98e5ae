/**
 * The customer-strategy port: the per-customer state that segments, lifecycle phases, triggers and the
 * next-best-action list are computed from (one pass over transactions, complaints, NPS answers and
 * invoices, returned as typed columns, never as a million row objects), and the log of exported actions
 * that suppression reads. The rules and all classification are core's (`core/strategy/`).
 */
import type { IsoDay } from '../../core/dates';
import type { CustomerStateQuery, CustomerStates } from '../../core/strategy/states';

/** One exported suggestion, remembered so that a later run does not suggest it again. */
export interface ActionLogRow {
  suggestionId: string;
  customerId: string;
  actionId: string;
  asOf: IsoDay;
  /** ISO timestamp in UTC */
  exportedAt: string;
}

export interface StrategyPort {
  /**
   * One entry per customer with a purchase (amount ≥ 0) on or before the as-of day; see `CustomerStates`
   * for each column. The customers are in customer id order (bytes, as DuckDB and PostgreSQL's "C"
   * collation compare them): the action list breaks ties of value at stake by it.
   */
  customerStates(query: CustomerStateQuery): Promise<CustomerStates>;
  /** Every logged export with an as-of day on or before `asOf`. */
  actionLog(asOf: IsoDay): Promise<ActionLogRow[]>;
  /** Logs exported suggestions; a suggestion id already logged for the same as-of day is not logged twice. */
  logActions(rows: readonly ActionLogRow[]): Promise<void>;
}
