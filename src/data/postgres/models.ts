/**
 * PostgreSQL implementation of the models port: the DuckDB store's per-customer summary in PostgreSQL's
 * words (each customer's first purchase day by a window, where the DuckDB store subtracts the first day's
 * spend taken with `arg_min_null`, which PostgreSQL lacks), read column-wise into typed arrays.
 */
import { daysPerUnit } from '../../core/models/time-unit';
import type { CustomerSummary } from '../../core/models/summary';
import { CvmError } from '../../core/errors';
import { msg } from '../../core/messages/catalogue';
import type { CustomerSummaries, DailyRepeats, ModelsPort, SummaryQuery } from '../models/types';
import type { SqlParam } from '../sql/runner';
import type { PgDb } from './connection';

/** Parameters: $1 calibration end, $2 holdout end (= calibration end without a holdout), $3 days per unit. */
const CUSTOMER_SQL = `
  WITH days AS (
    SELECT customer_id, order_date AS day, sum(amount) AS spend,
      min(order_date) OVER (PARTITION BY customer_id) AS first_day
    FROM transactions
    WHERE (amount IS NULL OR amount >= 0) AND order_date <= CAST($2 AS DATE)
    GROUP BY customer_id, order_date
  ), c AS (
    SELECT customer_id,
      count(*) FILTER (WHERE day <= CAST($1 AS DATE)) AS n,
      min(first_day) AS first_day,
      max(day) FILTER (WHERE day <= CAST($1 AS DATE)) AS last_day,
      sum(spend) FILTER (WHERE day > first_day AND day <= CAST($1 AS DATE)) AS repeat_total,
      count(spend) FILTER (WHERE day > first_day AND day <= CAST($1 AS DATE)) AS repeat_known,
      count(*) FILTER (WHERE day > CAST($1 AS DATE)) AS holdout
    FROM days GROUP BY customer_id
  )
  SELECT customer_id,
    CAST(n - 1 AS DOUBLE PRECISION) AS x,
    (last_day - first_day) / CAST($3 AS DOUBLE PRECISION) AS tx,
    (CAST($1 AS DATE) - first_day) / CAST($3 AS DOUBLE PRECISION) AS "T",
    CASE WHEN repeat_known > 0 THEN CAST(repeat_total AS DOUBLE PRECISION) / repeat_known ELSE 0 END AS monetary,
    CAST(holdout AS DOUBLE PRECISION) AS holdout
  FROM c
  WHERE n > 0`;

export class PgModels implements ModelsPort {
  constructor(readonly db: PgDb) {}

  async customerSummaries(query: SummaryQuery): Promise<CustomerSummaries> {
    const [ids = [], x, tx, T, monetary, holdout] = await this.columns(
      `SELECT * FROM (${CUSTOMER_SQL}) s ORDER BY customer_id`,
      params(query),
    );
    return {
      customerIds: ids.map(String),
      x: doubles(x),
      tx: doubles(tx),
      T: doubles(T),
      monetary: doubles(monetary),
      holdout: doubles(holdout),
    };
  }

  async summaryPatterns(query: SummaryQuery): Promise<CustomerSummary> {
    const [x, tx, T, weight] = await this.columns(
      `SELECT x, tx, "T", CAST(count(*) AS DOUBLE PRECISION) AS weight FROM (${CUSTOMER_SQL}) s
       GROUP BY x, tx, "T" ORDER BY x, tx, "T"`,
      params({ ...query, holdoutEnd: undefined }),
    );
    return { x: doubles(x), tx: doubles(tx), T: doubles(T), weight: doubles(weight) };
  }

  async repeatPurchasesByDay(query: SummaryQuery): Promise<DailyRepeats> {
    const [days = [], repeats] = await this.columns(
      `WITH days AS (
         SELECT DISTINCT customer_id, order_date AS day FROM transactions
         WHERE (amount IS NULL OR amount >= 0) AND order_date <= CAST($2 AS DATE)
       ), f AS (
         SELECT customer_id, min(day) AS first_day FROM days GROUP BY customer_id
         HAVING min(day) <= CAST($1 AS DATE)
       )
       SELECT day, CAST(count(*) AS DOUBLE PRECISION) AS repeats
       FROM days JOIN f USING (customer_id) WHERE day > first_day
       GROUP BY day ORDER BY day`,
      params(query).slice(0, 2),
    );
    return { days: days.map(String), repeats: doubles(repeats) };
  }

  /** The result's columns, each as an array of values. */
  private async columns(sql: string, values: readonly SqlParam[]): Promise<unknown[][]> {
    const rows = await this.db.arrays(sql, values);
    const width = rows[0]?.length ?? 0;
    return Array.from({ length: width }, (_, j) => rows.map((row) => row[j]));
  }
}

function params(query: SummaryQuery): SqlParam[] {
  const holdoutEnd = query.holdoutEnd ?? query.calibrationEnd;
  if (holdoutEnd < query.calibrationEnd)
    throw new CvmError(
      'invalid-input',
      msg('store.holdout-before', { holdoutEnd, calibrationEnd: query.calibrationEnd }),
    );
  return [query.calibrationEnd, holdoutEnd, daysPerUnit(query.timeUnit)];
}

function doubles(column: readonly unknown[] | undefined): Float64Array {
  const out = new Float64Array(column?.length ?? 0);
  column?.forEach((v, i) => (out[i] = Number(v)));
  return out;
}
