/** DuckDB implementation of the summary port. */
import type { Window } from '../../core/dates';
import { KIND_NAMES } from '../../core/kinds';
import { TABLES } from '../sql/tables';
import type { HeadlineCounts, SummaryPort } from '../summary';
import type { Db } from './connection';

/** The headline counts and the data reset, as SQL over the DuckDB tables. */
export class DuckDbSummary implements SummaryPort {
  constructor(private readonly db: Db) {}

  async headline(window: Window): Promise<HeadlineCounts> {
    const range = [window.startExclusive, window.endInclusive];
    const orders = await this.db.one<{ active: number; revenue: number | null; orders: number }>(
      // Revenue is that of the active customers, as in the portfolio report: a return by a customer with
      // no purchase in the window does not count.
      `WITH c AS (
         SELECT customer_id, sum(amount) AS revenue, count(*) FILTER (WHERE coalesce(amount, 0) >= 0) AS orders
         FROM transactions WHERE order_date > ?::DATE AND order_date <= ?::DATE
         GROUP BY customer_id
       )
       SELECT count(*) AS active, sum(revenue) AS revenue, sum(orders) AS orders FROM c WHERE orders > 0`,
      range,
    );
    const counts = await this.db.one<{ customers: number; accounts: number }>(
      `SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM key_accounts) AS accounts`,
    );
    return {
      customers: counts.customers,
      activeCustomers: orders.active,
      revenue: orders.revenue ?? 0,
      orders: orders.orders,
      keyAccounts: counts.accounts,
    };
  }

  async clearData(): Promise<void> {
    await this.db.transaction(async () => {
      for (const kind of KIND_NAMES) await this.db.run(`DELETE FROM ${TABLES[kind]}`);
    });
  }
}
