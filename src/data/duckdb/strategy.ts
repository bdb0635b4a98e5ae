/**
 * DuckDB implementation of the customer-strategy port. One statement aggregates, per customer, the
 * transactions up to the as-of day (first and last purchase, purchase counts, purchases, value and revenue per
 * window), the complaints, the latest NPS answers and the invoices, and is read column by column into typed
 * arrays. The SQL is portable (FILTER, row_number, EXTRACT(EPOCH …), date − date); days are epoch days.
 */
import type { IsoDay } from '../../core/dates';
import type { CustomerStateQuery, CustomerStates } from '../../core/strategy/states';
import type { ActionLogRow, StrategyPort } from '../strategy/types';
import type { Db } from './connection';
import { valueColumn } from './analytics/sql';

const NAN = "CAST('NaN' AS DOUBLE)";
/** An epoch day as DOUBLE, NaN for NULL (so every numeric column reads straight from DuckDB's memory). */
const day = (expr: string): string => `coalesce(CAST(${expr} - DATE '1970-01-01' AS DOUBLE), ${NAN})`;

/** Parameters: $1 as-of day, $2 previous window end, $3 previous start, $4 earlier start, $5 target hours. */
export function statesSql(measure: CustomerStateQuery['measure']): string {
  const v = valueColumn(measure);
  const d = (n: number): string => `CAST($${n} AS DATE)`;
  const cur = `order_date > ${d(2)}`;
  const prev = `order_date > ${d(3)} AND order_date <= ${d(2)}`;
  const earl = `order_date > ${d(4)} AND order_date <= ${d(3)}`;
  const end = `CAST(${d(1)} + 1 AS TIMESTAMP)`;
  const late = `$5 * 3600`;
  return `
  WITH t AS (
    SELECT customer_id,
      min(order_date) FILTER (WHERE amount >= 0) AS first_day,
      max(order_date) FILTER (WHERE amount >= 0) AS last_day,
      max(order_date) FILTER (WHERE amount >= 0 AND order_date <= ${d(2)}) AS last_prev,
      count(*) FILTER (WHERE amount >= 0) AS n_all,
      count(*) FILTER (WHERE amount >= 0 AND order_date <= ${d(2)}) AS n_prev,
      count(*) FILTER (WHERE amount >= 0 AND ${cur}) AS p_cur,
      count(*) FILTER (WHERE amount >= 0 AND ${prev}) AS p_prev,
      count(*) FILTER (WHERE amount >= 0 AND ${earl}) AS p_earl,
      sum(${v}) FILTER (WHERE ${cur}) AS v_cur,
      sum(${v}) FILTER (WHERE ${prev}) AS v_prev,
      sum(${v}) FILTER (WHERE ${earl}) AS v_earl,
      sum(amount) FILTER (WHERE ${cur}) AS r_cur,
      sum(amount) FILTER (WHERE ${prev}) AS r_prev
    FROM transactions
    WHERE order_date <= ${d(1)}
    GROUP BY customer_id
    HAVING count(*) FILTER (WHERE amount >= 0) > 0
  ), c AS (
    SELECT customer_id,
      count(*) FILTER (WHERE CAST(opened_at AS DATE) > ${d(2)}) AS c_cur,
      count(*) FILTER (WHERE CAST(opened_at AS DATE) > ${d(3)} AND CAST(opened_at AS DATE) <= ${d(2)}) AS c_prev,
      max(CAST(opened_at AS DATE)) AS last_opened,
      min(CAST(opened_at AS DATE)) FILTER (WHERE resolved_at IS NULL OR resolved_at >= ${end}) AS open_since,
      min(CAST(opened_at AS DATE)) FILTER (WHERE (resolved_at IS NULL OR resolved_at >= ${end})
        AND EXTRACT(EPOCH FROM ${end}) - EXTRACT(EPOCH FROM opened_at) > ${late}) AS overdue_since,
      max(CAST(resolved_at AS DATE)) FILTER (WHERE resolved_at < ${end}
        AND EXTRACT(EPOCH FROM resolved_at) - EXTRACT(EPOCH FROM opened_at) > ${late}) AS late_resolved
    FROM complaints
    WHERE opened_at < ${end}
    GROUP BY customer_id
  ), na AS (
    SELECT customer_id, answered_on, score,
      row_number() OVER (PARTITION BY customer_id ORDER BY answered_on DESC, response_id DESC) AS k
    FROM survey_responses WHERE kind = 'nps' AND answered_on <= ${d(1)}
  ), np AS (
    SELECT customer_id, answered_on, score,
      row_number() OVER (PARTITION BY customer_id ORDER BY answered_on DESC, response_id DESC) AS k
    FROM survey_responses WHERE kind = 'nps' AND answered_on <= ${d(2)}
  ), i AS (
    SELECT customer_id, min(issued_on) AS first_invoice,
      min(due_on) FILTER (WHERE due_on <= ${d(1)} AND (paid_on IS NULL OR paid_on > ${d(1)})) AS unpaid_due,
      sum(amount) FILTER (WHERE due_on <= ${d(1)} AND (paid_on IS NULL OR paid_on > ${d(1)})) AS unpaid_amount
    FROM invoices WHERE issued_on <= ${d(1)}
    GROUP BY customer_id
  ), a AS (
    SELECT customer_id, min(acquired_on) AS acquired_on FROM customers
    WHERE acquired_on <= ${d(1)} GROUP BY customer_id
  )
  SELECT t.customer_id,
    ${day('CASE WHEN a.acquired_on < t.first_day THEN a.acquired_on ELSE t.first_day END')} AS first_day,
    ${day('t.last_day')} AS last_day, ${day('t.last_prev')} AS last_prev,
    CAST(t.n_all AS DOUBLE) AS n_all, CAST(t.n_prev AS DOUBLE) AS n_prev,
    CAST(t.p_cur AS DOUBLE) AS p_cur, CAST(t.p_prev AS DOUBLE) AS p_prev, CAST(t.p_earl AS DOUBLE) AS p_earl,
    CAST(coalesce(t.v_cur, 0) AS DOUBLE) AS v_cur, CAST(coalesce(t.v_prev, 0) AS DOUBLE) AS v_prev,
    CAST(coalesce(t.v_earl, 0) AS DOUBLE) AS v_earl,
    CAST(coalesce(t.r_cur, 0) AS DOUBLE) AS r_cur, CAST(coalesce(t.r_prev, 0) AS DOUBLE) AS r_prev,
    CAST(coalesce(c.c_cur, 0) AS DOUBLE) AS c_cur, CAST(coalesce(c.c_prev, 0) AS DOUBLE) AS c_prev,
    ${day('c.last_opened')} AS last_opened, ${day('c.open_since')} AS open_since,
    ${day('c.overdue_since')} AS overdue_since, ${day('c.late_resolved')} AS late_resolved,
    ${day('na.answered_on')} AS nps_day, coalesce(CAST(na.score AS DOUBLE), ${NAN}) AS nps_score,
    ${day('np.answered_on')} AS nps_day_prev, coalesce(CAST(np.score AS DOUBLE), ${NAN}) AS nps_score_prev,
    ${day('i.first_invoice')} AS first_invoice, ${day('i.unpaid_due')} AS unpaid_due,
    CAST(coalesce(i.unpaid_amount, 0) AS DOUBLE) AS unpaid_amount
  FROM t
  LEFT JOIN a ON a.customer_id = t.customer_id
  LEFT JOIN c ON c.customer_id = t.customer_id
  LEFT JOIN na ON na.customer_id = t.customer_id AND na.k = 1
  LEFT JOIN np ON np.customer_id = t.customer_id AND np.k = 1
  LEFT JOIN i ON i.customer_id = t.customer_id
  ORDER BY t.customer_id`;
}

/** The port's answer from the customer ids and `statesSql`'s numeric columns, in its order after the id. */
export function customerStatesOf(customerIds: string[], column: (k: number) => Float64Array): CustomerStates {
  return {
    customerIds,
    firstPurchase: column(0),
    lastPurchase: column(1),
    lastPurchasePrevious: column(2),
    purchaseCount: column(3),
    purchaseCountPrevious: column(4),
    purchasesCurrent: column(5),
    purchasesPrevious: column(6),
    purchasesEarlier: column(7),
    valueCurrent: column(8),
    valuePrevious: column(9),
    valueEarlier: column(10),
    revenueCurrent: column(11),
    revenuePrevious: column(12),
    complaintsCurrent: column(13),
    complaintsPrevious: column(14),
    lastComplaintOpened: column(15),
    openComplaintSince: column(16),
    overdueComplaintSince: column(17),
    lateResolvedDay: column(18),
    npsDay: column(19),
    npsScore: column(20),
    npsDayPrevious: column(21),
    npsScorePrevious: column(22),
    firstInvoice: column(23),
    unpaidDue: column(24),
    unpaidAmount: column(25),
  };
}

/** The customer-strategy port on the embedded DuckDB database. */
export class DuckDbStrategy implements StrategyPort {
  constructor(private readonly db: Db) {}

  async customerStates(query: CustomerStateQuery): Promise<CustomerStates> {
    const { labels: ids, columns: c } = await this.db.labelledColumns(statesSql(query.measure), [
      query.asOf,
      query.current.startExclusive,
      query.previous.startExclusive,
      query.earlier.startExclusive,
      query.complaintTargetHours,
    ]);
    return customerStatesOf(ids, (k) => c[k] ?? new Float64Array(ids.length));
  }

  async actionLog(asOf: IsoDay): Promise<ActionLogRow[]> {
    const rows = await this.db.all<{
      suggestion_id: string;
      customer_id: string;
      action_id: string;
      as_of: string;
      exported_at: string;
    }>(
      `SELECT suggestion_id, customer_id, action_id, CAST(as_of AS VARCHAR) AS as_of,
         strftime(exported_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS exported_at
       FROM action_log WHERE as_of <= CAST(? AS DATE) ORDER BY as_of, suggestion_id`,
      [asOf],
    );
    return rows.map((r) => ({
      suggestionId: r.suggestion_id,
      customerId: r.customer_id,
      actionId: r.action_id,
      asOf: r.as_of,
      exportedAt: r.exported_at,
    }));
  }

  async logActions(rows: readonly ActionLogRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.transaction(async () => {
      await this.db.run(
        'CREATE TEMP TABLE IF NOT EXISTS cvm_action_batch (suggestion_id VARCHAR, customer_id VARCHAR, action_id VARCHAR, as_of VARCHAR, exported_at VARCHAR)',
      );
      await this.db.run('DELETE FROM cvm_action_batch');
      const appender = await this.db.connection.createAppender('cvm_action_batch', 'main', 'temp');
      for (const r of rows) {
        appender.appendVarchar(r.suggestionId);
        appender.appendVarchar(r.customerId);
        appender.appendVarchar(r.actionId);
        appender.appendVarchar(r.asOf);
        appender.appendVarchar(r.exportedAt.replace('T', ' ').replace('Z', ''));
        appender.endRow();
      }
      appender.closeSync();
      await this.db.run(
        `INSERT INTO action_log SELECT b.suggestion_id, b.customer_id, b.action_id, CAST(b.as_of AS DATE),
           CAST(b.exported_at AS TIMESTAMP)
         FROM cvm_action_batch b
         WHERE NOT EXISTS (SELECT 1 FROM action_log l WHERE l.suggestion_id = b.suggestion_id AND l.as_of = CAST(b.as_of AS DATE))`,
      );
      await this.db.run('DROP TABLE cvm_action_batch');
    });
  }
}
