/** PostgreSQL implementation of the summary port (the same SQL as the DuckDB store's). */
import type { Window } from '../../core/dates';
import { KIND_NAMES } from '../../core/kinds';
import { TABLES } from '../sql/tables';
import type { HeadlineCounts, SummaryPort } from '../summary';
import type { PgDb } from './connection';

export class PgSummary implements SummaryPort {
  constructor(private readonly db: PgDb) {}

  async headline(window: Window): Promise<HeadlineCounts> {
    const orders = await this.db.one<{ active: number; revenue: number | null; orders: number | null }>(
      `WITH c AS (
         SELECT customer_id, sum(amount) AS revenue, count(*) FILTER (WHERE amount >= 0) AS orders
         FROM transactions WHERE order_date > $1::DATE AND order_date <= $2::DATE
         GROUP BY customer_id
       )
       SELECT count(*) AS active, sum(revenue) AS revenue, sum(orders) AS orders FROM c WHERE orders > 0`,
      [window.startExclusive, window.endInclusive],
    );
    const counts = await this.db.one<{ customers: number; accounts: number }>(
      `SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM key_accounts) AS accounts`,
    );
    return {
      customers: counts.customers,
      activeCustomers: orders.active,
      revenue: orders.revenue ?? 0,
      orders: orders.orders ?? 0,
      keyAccounts: counts.accounts,
    };
  }

  async clearData(): Promise<void> {
    await this.db.transaction(async () => {
      for (const kind of KIND_NAMES) await this.db.run(`DELETE FROM ${TABLES[kind]}`);
    });
  }
}
