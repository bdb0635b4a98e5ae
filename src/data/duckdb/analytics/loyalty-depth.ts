/**
 * The depth of loyalty of one window: one scan stages, per customer with a purchase in the window, its
 * purchases, revenue, value, distinct product lines and first purchase ever (or `acquired_on`, if earlier)
 * and its `category_spend`; the count gives the tier cut-offs (core); one query ranks and sums per tier.
 * Portable SQL: the PostgreSQL store runs it as written.
 */
import { tierCutoffs } from '../../../core/kpi/tiers';
import type { LoyaltyDepthCustomerSums, LoyaltyDepthSums } from '../../../core/kpi/loyalty-depth';
import { NO_DEPTH } from '../../../core/kpi/loyalty-depth';
import type { LoyaltyDepthQuery, LoyaltyDepthResult } from '../../analytics/types';
import type { SqlRunner as Db } from '../../sql/runner';
import { inWindowSql, int, tierCaseSql, valueColumn, withStagedTable } from './sql';

interface TierRow extends Record<string, unknown> {
  tier: number;
  customers: number;
  purchases: number | null;
  revenue: number | null;
  lines: number | null;
  tenure: number | null;
  wn: number | null;
  wrev: number | null;
  wspend: number | null;
  wshare: number | null;
  wabove: number | null;
}

interface CustomerRow extends Record<string, unknown> {
  customer_id: string;
  rk: number;
  tier: number;
  v: number | null;
  purchases: number | null;
  revenue: number | null;
  lines: number | null;
  tenure: number | null;
  spend: number | null;
}

export async function queryLoyaltyDepth(db: Db, query: LoyaltyDepthQuery): Promise<LoyaltyDepthResult> {
  const w = inWindowSql(1, query.window);
  const yearly = `12.0 / ${int(query.windowMonths)}`;
  const stage = `
    WITH c AS (
      SELECT customer_id,
        sum(CASE WHEN ${w.sql} AND amount >= 0 THEN 1 ELSE 0 END) AS purchases,
        sum(CASE WHEN ${w.sql} THEN CAST(amount AS DOUBLE PRECISION) ELSE 0 END) AS revenue,
        sum(CASE WHEN ${w.sql} THEN CAST(${valueColumn(query.measure)} AS DOUBLE PRECISION) ELSE 0 END) AS v,
        count(DISTINCT CASE WHEN ${w.sql} AND amount >= 0 THEN product_line END) AS lines,
        min(CASE WHEN amount >= 0 THEN order_date END) AS first_purchase,
        sum(CASE WHEN ${w.sql} AND margin IS NULL THEN 1 ELSE 0 END) AS nomargin,
        sum(CASE WHEN ${w.sql} THEN 1 ELSE 0 END) AS ntx
      FROM transactions WHERE order_date <= CAST($2 AS DATE)
      GROUP BY customer_id
      HAVING sum(CASE WHEN ${w.sql} AND amount >= 0 THEN 1 ELSE 0 END) > 0
    )
    SELECT c.*, CAST(cu.category_spend AS DOUBLE PRECISION) AS spend,
      CAST($2 AS DATE) - least(c.first_purchase, coalesce(cu.acquired_on, c.first_purchase)) AS tenure
    FROM c LEFT JOIN customers cu ON cu.customer_id = c.customer_id`;
  return withStagedTable(db, stage, w.params, async (table) => {
    const head = await db.one<{ n: number; nomargin: number | null; ntx: number | null }>(
      `SELECT count(*) AS n, sum(nomargin) AS nomargin, sum(ntx) AS ntx FROM ${table}`,
    );
    const cutoffs = tierCutoffs(head.n, query.tiers);
    const rows = await db.all<TierRow>(`
      WITH ranked AS (SELECT *, rank() OVER (ORDER BY v DESC) AS rk FROM ${table})
      SELECT ${tierCaseSql('rk', cutoffs)} AS tier, count(*) AS customers, sum(purchases) AS purchases,
        sum(revenue) AS revenue, sum(lines) AS lines, sum(tenure) AS tenure,
        count(*) FILTER (WHERE spend > 0) AS wn,
        sum(CASE WHEN spend > 0 THEN revenue ELSE 0 END) AS wrev,
        sum(CASE WHEN spend > 0 THEN spend ELSE 0 END) AS wspend,
        sum(CASE WHEN spend > 0 THEN revenue * ${yearly} / spend ELSE 0 END) AS wshare,
        count(*) FILTER (WHERE spend > 0 AND revenue * ${yearly} > spend) AS wabove
      FROM ranked GROUP BY 1`);
    const tiers: LoyaltyDepthSums[] = query.tiers.map((_, i) => {
      const r = rows.find((x) => x.tier === i);
      return r
        ? {
            customers: r.customers,
            purchases: r.purchases ?? 0,
            revenue: r.revenue ?? 0,
            lines: r.lines ?? 0,
            tenureDays: r.tenure ?? 0,
            walletCustomers: r.wn ?? 0,
            walletRevenue: r.wrev ?? 0,
            walletSpend: r.wspend ?? 0,
            walletShareSum: r.wshare ?? 0,
            walletAbove: r.wabove ?? 0,
          }
        : NO_DEPTH;
    });
    const wanted = query.customers;
    const customers =
      wanted === 0 || wanted === undefined
        ? []
        : (
            await db.all<CustomerRow>(`
              WITH ranked AS (SELECT *, rank() OVER (ORDER BY v DESC) AS rk FROM ${table})
              SELECT customer_id, rk, ${tierCaseSql('rk', cutoffs)} AS tier, v, purchases, revenue, lines,
                tenure, spend
              FROM ranked ORDER BY rk, customer_id${wanted === null ? '' : ` LIMIT ${int(wanted)}`}`)
          ).map((r): LoyaltyDepthCustomerSums => ({
            customerId: r.customer_id,
            rank: r.rk,
            tier: r.tier,
            value: r.v ?? 0,
            purchases: r.purchases ?? 0,
            revenue: r.revenue ?? 0,
            lines: r.lines ?? 0,
            tenureDays: r.tenure ?? 0,
            categorySpend: r.spend,
          }));
    return { tiers, customers, missingMargin: head.nomargin ?? 0, transactions: head.ntx ?? 0 };
  });
}
