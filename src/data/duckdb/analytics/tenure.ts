/**
 * Retention by tenure: customers active in the previous window, grouped by the date of their first purchase
 * ever (core `tenureBuckets`), and how many of them are active in the current window. One scan.
 */
import type { TenureCount } from '../../../core/kpi/tenure';
import type { TenureQuery } from '../../analytics/types';
import type { SqlParam as Param, SqlRunner as Db } from '../../sql/runner';
import { inWindowSql, int } from './sql';

/** Previous-window customers and retained customers per tenure group (missing groups had none). */
export async function queryTenureRetention(db: Db, query: TenureQuery): Promise<TenureCount[]> {
  const s = inWindowSql(1, query.current);
  const f = inWindowSql(3, query.previous);
  const params: Param[] = [...s.params, ...f.params];
  // Groups are consecutive and newest first: group k holds first purchases after its start.
  const whens = query.buckets.slice(0, -1).map((bucket, k) => {
    params.push(bucket.firstPurchase.startExclusive);
    return `WHEN first_purchase > CAST($${params.length} AS DATE) THEN ${int(k)}`;
  });
  params.push(
    query.current.endInclusive > query.previous.endInclusive
      ? query.current.endInclusive
      : query.previous.endInclusive,
  );
  return db.all<TenureCount & Record<string, unknown>>(
    `WITH c AS (
       SELECT customer_id,
         min(CASE WHEN coalesce(amount, 0) >= 0 THEN order_date END) AS first_purchase,
         max(CASE WHEN ${f.sql} AND coalesce(amount, 0) >= 0 THEN 1 ELSE 0 END) AS fa,
         max(CASE WHEN ${s.sql} AND coalesce(amount, 0) >= 0 THEN 1 ELSE 0 END) AS sa
       FROM transactions WHERE order_date <= CAST($${params.length} AS DATE)
       GROUP BY customer_id
     ), t AS (
       -- acquired_on (customers file) counts when the transaction log starts after the relationship did
       SELECT c.*, least(c.first_purchase, cu.acquired_on) AS first_ever
       FROM c LEFT JOIN customers cu ON cu.customer_id = c.customer_id
     )
     SELECT CASE ${whens.join(' ').replaceAll('first_purchase', 'first_ever')} ELSE ${int(query.buckets.length - 1)} END AS bucket,
       count(*) AS previous, sum(sa) AS retained
     FROM t WHERE fa = 1
     GROUP BY 1`,
    params,
  );
}
