/**
 * Acquisition cohorts: each customer's first purchase ever fixes its cohort (by month index, see core
 * `cohorts.ts`), and every later transaction its period since acquisition, in whole periods of calendar
 * months counted from the customer's first-purchase month. One scan plus a join to the first purchases.
 */
import { COHORT_UNIT_MONTHS, type CohortCount } from '../../../core/kpi/cohorts';
import type { CohortQuery } from '../../analytics/types';
import type { SqlRunner as Db } from '../../sql/runner';
import { int } from './sql';

const MONTH = (d: string): string => `(EXTRACT(YEAR FROM ${d}) * 12 + EXTRACT(MONTH FROM ${d}) - 1)`;

/** Active customers and net revenue per cohort (start month index) and period since acquisition. */
export async function queryCohortActivity(db: Db, query: CohortQuery): Promise<CohortCount[]> {
  const unit = int(COHORT_UNIT_MONTHS[query.unit]);
  const period = int(query.periodMonths);
  return db.all<CohortCount & Record<string, unknown>>(
    `WITH first_tx AS (
       SELECT customer_id, min(order_date) AS first_day
       FROM transactions WHERE coalesce(amount, 0) >= 0 AND order_date <= CAST($1 AS DATE)
       GROUP BY customer_id
     ), firsts AS (
       -- acquired_on (customers file) counts when the transaction log starts after the relationship did
       SELECT f.customer_id, ${MONTH('least(f.first_day, cu.acquired_on)')} AS first_month
       FROM first_tx f LEFT JOIN customers cu ON cu.customer_id = f.customer_id
     )
     SELECT f.first_month - (f.first_month % ${unit}) AS cohort,
       CAST(floor((${MONTH('t.order_date')} - f.first_month) / ${period}) AS INTEGER) AS period,
       count(DISTINCT CASE WHEN coalesce(t.amount, 0) >= 0 THEN t.customer_id END) AS customers,
       sum(t.amount) AS revenue
     FROM transactions t JOIN firsts f ON f.customer_id = t.customer_id
     WHERE t.order_date <= CAST($1 AS DATE) AND f.first_month >= ${int(query.firstCohort)}
     GROUP BY 1, 2`,
    [query.asOf],
  );
}
