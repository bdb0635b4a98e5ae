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
         SELECT customer_id, sum(amount) AS revenue, count(*) FILTER (WHERE amount > 0) AS orders
         FROM transactions WHERE order_date > ?::DATE AND order_date <= ?::DATE
         GROUP BY customer_id
       )
       SELECT count(*) AS active, sum(revenue) AS revenue, sum(orders) AS orders FROM c WHERE orders > 0`,
      range,
    );
    // a complaint opened on the window's last day counts: timestamps run to the end of that day
    const complaints = await this.db.one<{ n: number; fast: number }>(
      `SELECT count(*) AS n,
              count(*) FILTER (WHERE resolved_at IS NOT NULL AND resolved_at - opened_at <= INTERVAL 24 HOUR) AS fast
       FROM complaints WHERE opened_at >= ?::DATE + 1 AND opened_at < ?::DATE + 1`,
      range,
    );
    const nps = await this.db.one<{ n: number; promoters: number; detractors: number }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE score >= 9) AS promoters,
              count(*) FILTER (WHERE score <= 6) AS detractors
       FROM survey_responses WHERE kind = 'nps' AND answered_on > ?::DATE AND answered_on <= ?::DATE`,
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
      complaints: complaints.n,
      resolvedWithin24h: complaints.fast,
      npsResponses: nps.n,
      promoters: nps.promoters,
      detractors: nps.detractors,
      keyAccounts: counts.accounts,
    };
  }

  async clearData(): Promise<void> {
    await this.db.transaction(async () => {
      for (const kind of KIND_NAMES) await this.db.run(`DELETE FROM ${TABLES[kind]}`);
    });
  }
}
