/**
 * Tier flows between two windows (the flows and portfolio reports). One scan stages, per customer active
 * in either window, its purchases, revenue and margin in each window and whether it bought before the
 * previous window; the active counts give the cut-offs (core); one query ranks both windows, applies the
 * cut-offs and groups the customers into flow cells.
 */
import { tierCutoffs } from '../../../core/kpi/tiers';
import {
  addActivity,
  NO_ACTIVITY,
  type Activity,
  type FlowCell,
  type FlowSource,
} from '../../../core/kpi/flows';
import type { TierFlowQuery, TierFlowResult } from '../../analytics/types';
import type { SqlRunner as Db } from '../../sql/runner';
import { inWindowSql, tierCaseSql, withStagedTable } from './sql';
import { exactValue, valuesTable } from './values';

// Flow sources and targets as integers in SQL: tiers are 0…k−1.
const NEW = -1;
const WON_BACK = -2;
const LOST = -1;

interface CellRow {
  [key: string]: unknown;
  src: number;
  dst: number;
  customers: number;
  purchases: number;
  revenue: number;
  margin: number;
  prev_purchases: number;
  prev_revenue: number;
  prev_margin: number;
  /** only with staged values */
  value?: number | null;
  prev_value?: number | null;
}

/** Flow cells between the tiers of two windows; see `TierFlowQuery` for `distinguishWonBack`. */
export async function queryTierFlows(db: Db, query: TierFlowQuery): Promise<TierFlowResult> {
  const wonBack = query.distinguishWonBack ?? true;
  const s = inWindowSql(1, query.current);
  const f = inWindowSql(3, query.previous);
  const last = query.current.endInclusive > query.previous.endInclusive ? query.current : query.previous;
  const earliest =
    query.previous.startExclusive < query.current.startExclusive ? query.previous : query.current;
  // Per-customer money fits DECIMAL(18,2) (8 bytes); the default sum type, DECIMAL(38,2), makes the
  // ranking sorts a third slower.
  const stage = `
    SELECT customer_id,
      sum(CASE WHEN ${s.sql} AND coalesce(amount, 0) >= 0 THEN 1 ELSE 0 END) AS sp,
      CAST(sum(CASE WHEN ${s.sql} THEN amount ELSE 0 END) AS DECIMAL(18,2)) AS srev,
      CAST(sum(CASE WHEN ${s.sql} THEN coalesce(margin, 0) ELSE 0 END) AS DECIMAL(18,2)) AS smar,
      sum(CASE WHEN ${f.sql} AND coalesce(amount, 0) >= 0 THEN 1 ELSE 0 END) AS fp,
      CAST(sum(CASE WHEN ${f.sql} THEN amount ELSE 0 END) AS DECIMAL(18,2)) AS frev,
      CAST(sum(CASE WHEN ${f.sql} THEN coalesce(margin, 0) ELSE 0 END) AS DECIMAL(18,2)) AS fmar,
      ${wonBack ? 'max(CASE WHEN order_date <= CAST($5 AS DATE) AND coalesce(amount, 0) >= 0 THEN 1 ELSE 0 END)' : '0'} AS before,
      sum(CASE WHEN (${s.sql} OR ${f.sql}) AND margin IS NULL THEN 1 ELSE 0 END) AS nomargin,
      max(CASE WHEN ${s.sql} THEN 1 ELSE 0 END) AS sany,
      max(CASE WHEN ${f.sql} THEN 1 ELSE 0 END) AS fany,
      sum(CASE WHEN ${s.sql} OR ${f.sql} THEN 1 ELSE 0 END) AS ntx
    FROM transactions
    WHERE order_date <= CAST($6 AS DATE) ${wonBack ? '' : 'AND order_date > CAST($5 AS DATE)'}
    GROUP BY customer_id
    HAVING max(CASE WHEN ${s.sql} OR ${f.sql} THEN 1 ELSE 0 END) > 0`;
  const params = [...s.params, ...f.params, earliest.startExclusive, last.endInclusive];
  return withStagedTable(db, stage, params, async (table) => {
    if (wonBack) {
      // The transaction log may start later than the customer relationship: a customer whose
      // customers.acquired_on lies before the previous window bought before it, so it is won back, not new.
      await db.run(
        `UPDATE ${table} SET before = 1 WHERE before = 0 AND customer_id IN
           (SELECT customer_id FROM customers WHERE acquired_on <= CAST($1 AS DATE))`,
        [earliest.startExclusive],
      );
    }
    const counts = await db.one<{
      nf: number | null;
      ns: number | null;
      nomargin: number | null;
      ntx: number | null;
      sret: number | null;
      fret: number | null;
    }>(
      `SELECT sum(CASE WHEN fp > 0 THEN 1 ELSE 0 END) AS nf, sum(CASE WHEN sp > 0 THEN 1 ELSE 0 END) AS ns,
         sum(nomargin) FILTER (WHERE sp > 0 OR fp > 0) AS nomargin, sum(ntx) FILTER (WHERE sp > 0 OR fp > 0) AS ntx,
         count(*) FILTER (WHERE sany = 1 AND sp = 0) AS sret, count(*) FILTER (WHERE fany = 1 AND fp = 0) AS fret
       FROM ${table}`,
    );
    const activePrevious = counts.nf ?? 0;
    const activeCurrent = counts.ns ?? 0;
    const cutoffsPrevious = tierCutoffs(activePrevious, query.tiers);
    const cutoffsCurrent = tierCutoffs(activeCurrent, query.tiers);
    const staged = query.values;
    // With staged values (predicted CLV) each window ranks on its own table's value, 0 when a customer
    // has none; without, on the window's sum of the measure.
    const fValue = staged ? 'fval' : query.measure === 'margin' ? 'fmar' : 'frev';
    const sValue = staged ? 'sval' : query.measure === 'margin' ? 'smar' : 'srev';
    const source = staged
      ? `(SELECT t.*, coalesce(${exactValue('fv.value')}, 0) AS fval, coalesce(${exactValue('sv.value')}, 0) AS sval
          FROM ${table} t
          LEFT JOIN ${valuesTable(staged.previous)} fv ON fv.customer_id = t.customer_id
          LEFT JOIN ${valuesTable(staged.current)} sv ON sv.customer_id = t.customer_id) j`
      : table;
    const valueSums = staged
      ? `, sum(CASE WHEN st IS NULL THEN fval ELSE sval END) AS value, sum(CASE WHEN fp > 0 THEN fval ELSE 0 END) AS prev_value`
      : '';
    // PARTITION BY the activity flag ranks the active customers of each window among themselves.
    const rows = await db.all<CellRow>(`
      WITH ranked AS (
        SELECT *,
          CASE WHEN fp > 0 THEN rank() OVER (PARTITION BY fp > 0 ORDER BY ${fValue} DESC) END AS frank,
          CASE WHEN sp > 0 THEN rank() OVER (PARTITION BY sp > 0 ORDER BY ${sValue} DESC) END AS srank
        FROM ${source} WHERE sp > 0 OR fp > 0
      ), tiered AS (
        SELECT *, ${tierCaseSql('frank', cutoffsPrevious)} AS ft, ${tierCaseSql('srank', cutoffsCurrent)} AS st
        FROM ranked
      )
      SELECT
        CASE WHEN ft IS NOT NULL THEN ft WHEN before = 1 THEN ${WON_BACK} ELSE ${NEW} END AS src,
        coalesce(st, ${LOST}) AS dst,
        count(*) AS customers,
        sum(CASE WHEN st IS NULL THEN fp ELSE sp END) AS purchases,
        sum(CASE WHEN st IS NULL THEN frev ELSE srev END) AS revenue,
        sum(CASE WHEN st IS NULL THEN fmar ELSE smar END) AS margin,
        sum(fp) AS prev_purchases, sum(frev) AS prev_revenue, sum(fmar) AS prev_margin${valueSums}
      FROM tiered
      GROUP BY 1, 2
      ORDER BY 1, 2`); // cells in a fixed order: the app adds their sums up, and doubles add up by order
    return {
      activePrevious,
      activeCurrent,
      cutoffsPrevious,
      cutoffsCurrent,
      cells: rows.map(toCell),
      previousTiers: previousTierActivity(rows, query.tiers.length),
      missingMargin: counts.nomargin ?? 0,
      transactions: counts.ntx ?? 0,
      returnsOnly: { previous: counts.fret ?? 0, current: counts.sret ?? 0 },
    };
  });
}

function toCell(row: CellRow): FlowCell {
  const from: FlowSource = row.src === NEW ? 'new' : row.src === WON_BACK ? 'wonBack' : row.src;
  return {
    from,
    to: row.dst === LOST ? 'lost' : row.dst,
    customers: row.customers,
    purchases: row.purchases,
    revenue: row.revenue,
    margin: row.margin,
    ...(row.value === undefined ? {} : { valueSum: row.value ?? 0 }),
  };
}

/** Previous-window activity per previous tier: the previous-window sums of every cell leaving that tier. */
function previousTierActivity(rows: readonly CellRow[], tierCount: number): Activity[] {
  const out: Activity[] = Array.from({ length: tierCount }, () => NO_ACTIVITY);
  for (const row of rows) {
    if (row.src < 0) continue;
    out[row.src] = addActivity(out[row.src] ?? NO_ACTIVITY, {
      customers: row.customers,
      purchases: row.prev_purchases,
      revenue: row.prev_revenue,
      margin: row.prev_margin,
      ...(row.prev_value === undefined ? {} : { valueSum: row.prev_value ?? 0 }),
    });
  }
  return out;
}
