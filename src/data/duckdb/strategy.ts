/**
 * The customer-strategy port on DuckDB, and the per-customer statement both stores run. One aggregation
 * pass over the transactions up to the as-of day (one hash group per customer: first and last purchase,
 * purchase counts, purchases and value per window), one over the complaints, one scan of the NPS answers
 * (the latest on or before each snapshot day, by two row numbers over one read), one over the invoices,
 * joined per customer and read column by column into typed arrays. The SQL is portable (FILTER,
 * row_number, date − date as whole day numbers); instants and the double type are spelled per engine by
 * `sql/dialect.ts`, so each engine gets one query text, and the action log is read by one query as well.
 */
import { addDays, toEpochDay, type IsoDay } from '../../core/dates';
import type { CustomerStateQuery, CustomerStates } from '../../core/strategy/states';
import { DUCKDB_DIALECT, type SqlDialect } from '../sql/dialect';
import type { ColumnarRunner, SqlParam, SqlRunner } from '../sql/runner';
import type { ActionLogRow, StrategyPort } from '../strategy/types';
import type { Db } from './connection';
import { valueColumn } from './analytics/sql';

const DAY_MS = 86_400_000;

/** A DATE expression as a whole epoch day (NULL stays NULL, read as NaN). */
const day = (expr: string): string => `CAST(${expr} - DATE '1970-01-01' AS INTEGER)`;
/** A count, or 0 for a customer without a row. */
const count = (expr: string): string => `CAST(coalesce(${expr}, 0) AS INTEGER)`;

/**
 * The statement for `query`, and its parameters: $1 the as-of day, $2 the previous window's end, $3 the
 * earlier window's end, $4 the earlier window's start (dates), $5 the complaint target in milliseconds,
 * $6 the end of the as-of day (an ISO instant).
 * Output: the customer id, then the columns of `customerStatesOf` in its order, by customer id.
 */
export function statesSql(
  query: CustomerStateQuery,
  dialect: SqlDialect,
): { sql: string; params: SqlParam[]; revenueColumns: boolean } {
  const v = valueColumn(query.measure);
  /** a money sum, or 0 */
  const money = (expr: string): string => `CAST(coalesce(${expr}, 0) AS ${dialect.double})`;
  const revenueColumns = query.measure !== 'revenue';
  const d = (n: number): string => `CAST($${n} AS DATE)`;
  const cur = `order_date > ${d(2)}`;
  const prev = `order_date > ${d(3)} AND order_date <= ${d(2)}`;
  const earl = `order_date > ${d(4)} AND order_date <= ${d(3)}`;
  const endMs = (toEpochDay(query.asOf) + 1) * DAY_MS;
  const end = dialect.timestampParam('$6');
  const ms = (column: string): string => dialect.epochMs(column);
  const late = `CAST($5 AS ${dialect.double})`;
  const open = `(resolved_at IS NULL OR resolved_at >= ${end})`;
  const opened = `CAST(opened_at AS DATE)`;
  const latest = (filter: string): string =>
    `row_number() OVER (PARTITION BY customer_id ORDER BY ${filter}answered_on DESC, response_id DESC)`;
  const sql = `
  WITH t AS (
    SELECT customer_id,
      min(order_date) FILTER (WHERE amount >= 0) AS first_day,
      max(order_date) FILTER (WHERE amount >= 0) AS last_day,
      max(order_date) FILTER (WHERE amount >= 0 AND order_date <= ${d(2)}) AS last_prev,
      count(*) FILTER (WHERE amount >= 0 AND order_date <= ${d(2)}) AS n_prev,
      count(*) FILTER (WHERE amount >= 0 AND ${cur}) AS p_cur,
      count(*) FILTER (WHERE amount >= 0 AND ${prev}) AS p_prev,
      count(*) FILTER (WHERE amount >= 0 AND ${earl}) AS p_earl,
      sum(${v}) FILTER (WHERE ${cur}) AS v_cur,
      sum(${v}) FILTER (WHERE ${prev}) AS v_prev,
      sum(${v}) FILTER (WHERE ${earl}) AS v_earl${
        revenueColumns
          ? `,
      sum(amount) FILTER (WHERE ${cur}) AS r_cur,
      sum(amount) FILTER (WHERE ${prev}) AS r_prev`
          : ''
      }
    FROM transactions
    WHERE order_date <= ${d(1)}
    GROUP BY customer_id
  ), c AS (
    SELECT customer_id,
      count(*) FILTER (WHERE ${opened} > ${d(2)}) AS c_cur,
      count(*) FILTER (WHERE ${opened} > ${d(3)} AND ${opened} <= ${d(2)}) AS c_prev,
      max(${opened}) AS last_opened,
      min(${opened}) FILTER (WHERE ${open}) AS open_since,
      min(${opened}) FILTER (WHERE ${open} AND ${endMs} - ${ms('opened_at')} > ${late}) AS overdue_since,
      max(CAST(resolved_at AS DATE)) FILTER (WHERE resolved_at < ${end}
        AND ${ms('resolved_at')} - ${ms('opened_at')} > ${late}) AS late_resolved
    FROM complaints
    WHERE opened_at < ${end}
    GROUP BY customer_id
  ), nr AS (
    SELECT customer_id, answered_on, score, ${latest('')} AS k,
      ${latest(`CASE WHEN answered_on <= ${d(2)} THEN 0 ELSE 1 END, `)} AS k_prev
    FROM survey_responses WHERE kind = 'nps' AND answered_on <= ${d(1)}
  ), n AS (
    SELECT customer_id,
      max(answered_on) FILTER (WHERE k = 1) AS nps_day,
      max(score) FILTER (WHERE k = 1) AS nps_score,
      max(answered_on) FILTER (WHERE k_prev = 1 AND answered_on <= ${d(2)}) AS nps_day_prev,
      max(score) FILTER (WHERE k_prev = 1 AND answered_on <= ${d(2)}) AS nps_score_prev
    FROM nr WHERE k = 1 OR k_prev = 1
    GROUP BY customer_id
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
    CAST(t.n_prev + t.p_cur AS INTEGER) AS n_all, CAST(t.n_prev AS INTEGER) AS n_prev,
    CAST(t.p_cur AS INTEGER) AS p_cur, CAST(t.p_prev AS INTEGER) AS p_prev, CAST(t.p_earl AS INTEGER) AS p_earl,
    ${money('t.v_cur')} AS v_cur, ${money('t.v_prev')} AS v_prev, ${money('t.v_earl')} AS v_earl,
    ${count('c.c_cur')} AS c_cur, ${count('c.c_prev')} AS c_prev,
    ${day('c.last_opened')} AS last_opened, ${day('c.open_since')} AS open_since,
    ${day('c.overdue_since')} AS overdue_since, ${day('c.late_resolved')} AS late_resolved,
    ${day('n.nps_day')} AS nps_day, CAST(n.nps_score AS INTEGER) AS nps_score,
    ${day('n.nps_day_prev')} AS nps_day_prev, CAST(n.nps_score_prev AS INTEGER) AS nps_score_prev,
    ${day('i.first_invoice')} AS first_invoice, ${day('i.unpaid_due')} AS unpaid_due,
    ${money('i.unpaid_amount')} AS unpaid_amount${
      revenueColumns
        ? `,
    ${money('t.r_cur')} AS r_cur, ${money('t.r_prev')} AS r_prev`
        : ''
    }
  FROM t
  LEFT JOIN a ON a.customer_id = t.customer_id
  LEFT JOIN c ON c.customer_id = t.customer_id
  LEFT JOIN n ON n.customer_id = t.customer_id
  LEFT JOIN i ON i.customer_id = t.customer_id
  WHERE t.last_day IS NOT NULL
  ORDER BY t.customer_id`;
  const params: SqlParam[] = [
    query.asOf,
    query.current.startExclusive,
    query.previous.startExclusive,
    query.earlier.startExclusive,
    query.complaintTargetHours * 3_600_000,
    `${addDays(query.asOf, 1)}T00:00:00.000Z`,
  ];
  return { sql, params, revenueColumns };
}

/**
 * The port's answer: `statesSql` on `db`, read column-wise. With the revenue measure the revenue columns
 * are the value columns (copied, not summed twice).
 */
export async function queryCustomerStates(
  db: ColumnarRunner,
  query: CustomerStateQuery,
  dialect: SqlDialect,
): Promise<CustomerStates> {
  const { sql, params, revenueColumns } = statesSql(query, dialect);
  const { labels: customerIds, columns } = await db.labelledColumns(sql, params);
  const column = (k: number): Float64Array => columns[k] ?? new Float64Array(customerIds.length);
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
    revenueCurrent: revenueColumns ? column(24) : column(8).slice(),
    revenuePrevious: revenueColumns ? column(25) : column(9).slice(),
    complaintsCurrent: column(11),
    complaintsPrevious: column(12),
    lastComplaintOpened: column(13),
    openComplaintSince: column(14),
    overdueComplaintSince: column(15),
    lateResolvedDay: column(16),
    npsDay: column(17),
    npsScore: column(18),
    npsDayPrevious: column(19),
    npsScorePrevious: column(20),
    firstInvoice: column(21),
    unpaidDue: column(22),
    unpaidAmount: column(23),
  };
}

/** The action log up to `asOf` (`StrategyPort.actionLog`), in one query text per engine. */
export async function queryActionLog(
  db: SqlRunner,
  asOf: IsoDay,
  dialect: SqlDialect,
): Promise<ActionLogRow[]> {
  const rows = await db.all<{
    suggestion_id: string;
    customer_id: string;
    action_id: string;
    as_of: string;
    exported_at: string;
  }>(
    `SELECT suggestion_id, customer_id, action_id, ${dialect.dateText('as_of')} AS as_of,
       ${dialect.isoTimestamp('exported_at')} AS exported_at
     FROM action_log WHERE as_of <= CAST($1 AS DATE) ORDER BY as_of, suggestion_id`,
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

/** The customer-strategy port on the embedded DuckDB database. */
export class DuckDbStrategy implements StrategyPort {
  constructor(private readonly db: Db) {}

  customerStates(query: CustomerStateQuery): Promise<CustomerStates> {
    return queryCustomerStates(this.db, query, DUCKDB_DIALECT);
  }

  actionLog(asOf: IsoDay): Promise<ActionLogRow[]> {
    return queryActionLog(this.db, asOf, DUCKDB_DIALECT);
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
