/**
 * The aggregates for KPI quality (the KPI board port, `signalCounts` and `monthCounts`), in SQL both stores
 * run: the PostgreSQL store passes its dialect (`sql/dialect.ts`) for instants, hours and means. Customer-level
 * scores counted per KPI and score, split by activity in the next window, and per-month counts. Windows are
 * ISO days; complaints belong to the UTC day they were opened, judged at the end (UTC) of the window's last
 * day, as in the service port.
 */
import { addDays, type IsoDay, type Window } from '../../core/dates';
import type { MonthCounts, SignalCount, SignalQuery } from '../kpi/types';
import { DUCKDB_DIALECT, type SqlDialect } from '../sql/dialect';
import type { SqlRunner } from '../sql/runner';

/** A computed ISO day as a SQL DATE literal (checked: never user text). */
function date(day: IsoDay): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`internal error: ${day} is not an ISO day`);
  return `DATE '${day}'`;
}

/** Midnight (UTC) ending `day`, as a TIMESTAMP literal. */
function endOf(day: IsoDay): string {
  return `CAST(${date(addDays(day, 1))} AS TIMESTAMP)`;
}

function hours(target: number): string {
  if (!Number.isFinite(target) || target <= 0) throw new Error(`internal error: target ${target} h`);
  return String(target);
}

/**
 * Customer-level scores: the population is the customers active in the measure window, plus those with a
 * complaint or a survey answer in it; scores as in docs/metrics.md ("KPI quality").
 */
export async function querySignalCounts(
  db: SqlRunner,
  q: SignalQuery,
  dialect: SqlDialect = DUCKDB_DIALECT,
): Promise<SignalCount[]> {
  const { hoursBetween, mean } = dialect;
  const [from, to] = [date(q.measure.startExclusive), date(q.measure.endInclusive)];
  const end = endOf(q.measure.endInclusive);
  const target = hours(q.targetHours);
  const sql = `
    WITH p AS (
      SELECT customer_id, count(*) FILTER (WHERE amount >= 0) AS n, round(sum(amount)) AS revenue
      FROM transactions WHERE order_date > ${from} AND order_date <= ${to} GROUP BY customer_id
    ), nx AS (
      SELECT DISTINCT customer_id FROM transactions
      WHERE amount >= 0 AND order_date > ${date(q.next.startExclusive)} AND order_date <= ${date(q.next.endInclusive)}
    ), old AS (
      SELECT customer_id FROM transactions WHERE amount >= 0 AND order_date <= ${from}
      UNION SELECT customer_id FROM customers WHERE acquired_on <= ${from}
    ), cj AS (
      SELECT customer_id, satisfaction,
        resolved_at IS NOT NULL AND resolved_at < ${end} AS resolved,
        first_response_at IS NOT NULL AND first_response_at < ${end} AS responded,
        ${hoursBetween('resolved_at', 'opened_at')} AS res_h,
        ${hoursBetween('first_response_at', 'opened_at')} AS resp_h
      FROM complaints WHERE CAST(opened_at AS DATE) > ${from} AND CAST(opened_at AS DATE) <= ${to}
    ), c AS (
      SELECT customer_id, count(*) AS complaints,
        ${mean('res_h', ' FILTER (WHERE resolved AND res_h >= 0)')} AS res_h,
        ${mean(`CASE WHEN resolved AND res_h >= 0 AND res_h <= ${target} THEN 1 ELSE 0 END`)} AS within,
        ${mean('resp_h', ' FILTER (WHERE responded AND resp_h >= 0)')} AS resp_h,
        ${mean('satisfaction', ' FILTER (WHERE resolved)')} AS sat
      FROM cj GROUP BY customer_id
    ), o AS (
      SELECT customer_id, count(*) AS open FROM complaints
      WHERE opened_at < ${end} AND (resolved_at IS NULL OR resolved_at >= ${end}) GROUP BY customer_id
    ), s AS (
      SELECT customer_id,
        ${mean('score', " FILTER (WHERE kind = 'nps')")} AS nps,
        ${mean('score', " FILTER (WHERE kind = 'csat')")} AS csat,
        ${mean('score', " FILTER (WHERE kind = 'ces')")} AS ces
      FROM survey_responses
      WHERE customer_id IS NOT NULL AND answered_on > ${from} AND answered_on <= ${to} GROUP BY customer_id
    ), pop AS (
      SELECT customer_id FROM p WHERE n > 0 UNION SELECT customer_id FROM c UNION SELECT customer_id FROM s
    ), j AS (
      SELECT nx.customer_id IS NOT NULL AS active_next, coalesce(p.n, 0) AS n, p.revenue,
        old.customer_id IS NULL AS fresh, coalesce(c.complaints, 0) AS complaints, coalesce(o.open, 0) AS open,
        c.res_h, c.within, c.resp_h, c.sat, s.nps, s.csat, s.ces
      FROM pop LEFT JOIN p USING (customer_id) LEFT JOIN nx USING (customer_id)
        LEFT JOIN (SELECT DISTINCT customer_id FROM old) AS old USING (customer_id)
        LEFT JOIN c USING (customer_id) LEFT JOIN o USING (customer_id) LEFT JOIN s USING (customer_id)
    ), scored AS (
      SELECT 'repeat-order-share' AS kpi, CASE WHEN n >= 2 THEN 1 ELSE 0 END AS score, active_next FROM j WHERE n > 0
      UNION ALL SELECT 'new-customer-share', CASE WHEN fresh THEN 1 ELSE 0 END, active_next FROM j WHERE n > 0
      UNION ALL SELECT 'clv', revenue, active_next FROM j WHERE n > 0
      UNION ALL SELECT 'complaints', complaints, active_next FROM j WHERE n > 0 OR complaints > 0
      UNION ALL SELECT 'complaint-backlog', open, active_next FROM j WHERE n > 0 OR complaints > 0
      UNION ALL SELECT 'resolution-hours-median', res_h, active_next FROM j WHERE res_h IS NOT NULL
      UNION ALL SELECT 'resolved-within-target', within, active_next FROM j WHERE within IS NOT NULL
      UNION ALL SELECT 'first-response-hours-median', resp_h, active_next FROM j WHERE resp_h IS NOT NULL
      UNION ALL SELECT 'satisfaction-after-complaint', sat, active_next FROM j WHERE sat IS NOT NULL
      UNION ALL SELECT 'nps', nps, active_next FROM j WHERE nps IS NOT NULL
      UNION ALL SELECT 'csat', csat, active_next FROM j WHERE csat IS NOT NULL
      UNION ALL SELECT 'ces', ces, active_next FROM j WHERE ces IS NOT NULL
    )
    SELECT kpi, CAST(score AS ${dialect.double}) AS score, count(*) FILTER (WHERE active_next) AS active,
      count(*) FILTER (WHERE NOT active_next) AS inactive
    FROM scored GROUP BY kpi, score ORDER BY kpi, score`;
  return db.all<{ kpi: string; score: number; active: number; inactive: number } & Record<string, unknown>>(
    sql,
  );
}

/** `CASE` giving the index of the month of `expr` (a DATE), −1 before the first, NULL after the last. */
function monthOf(expr: string, months: readonly Window[]): string {
  const first = months[0]!;
  const whens = months.map((m, k) => `WHEN ${expr} <= ${date(m.endInclusive)} THEN ${k}`);
  return `CASE WHEN ${expr} <= ${date(first.startExclusive)} THEN -1 ${whens.join(' ')} END`;
}

export async function queryMonthCounts(
  db: SqlRunner,
  months: readonly Window[],
  targetHours: number,
  dialect: SqlDialect = DUCKDB_DIALECT,
): Promise<MonthCounts[]> {
  if (months.length === 0) return [];
  const from = date(months[0]!.startExclusive);
  const to = date(months[months.length - 1]!.endInclusive);
  const target = hours(targetHours);
  const endOfMonth = `CASE m ${months.map((w, k) => `WHEN ${k} THEN ${endOf(w.endInclusive)}`).join(' ')} END`;
  const tx = await db.all<{ m: number; revenue: number | null; active: number; repeat: number }>(
    `SELECT m, sum(revenue) AS revenue, count(*) FILTER (WHERE n > 0) AS active,
       count(*) FILTER (WHERE n >= 2) AS repeat
     FROM (SELECT customer_id, ${monthOf('order_date', months)} AS m, sum(amount) AS revenue,
             count(*) FILTER (WHERE amount >= 0) AS n
           FROM transactions WHERE order_date > ${from} AND order_date <= ${to} GROUP BY 1, 2) cm
     GROUP BY m`,
  );
  const retained = await db.all<{ m: number; retained: number }>(
    `WITH cm AS (SELECT DISTINCT customer_id, ${monthOf('order_date', months)} AS m FROM transactions
                 WHERE amount >= 0 AND order_date > ${from} AND order_date <= ${to})
     SELECT a.m, count(*) AS retained FROM cm a JOIN cm b ON a.customer_id = b.customer_id AND b.m = a.m - 1
     GROUP BY a.m`,
  );
  const fresh = await db.all<{ m: number; fresh: number }>(
    `WITH f AS (SELECT customer_id, min(order_date) AS first_day FROM transactions WHERE amount >= 0
                GROUP BY customer_id HAVING min(order_date) > ${from} AND min(order_date) <= ${to})
     SELECT ${monthOf('first_day', months)} AS m, count(*) AS fresh
     FROM f LEFT JOIN customers USING (customer_id)
     WHERE acquired_on IS NULL OR ${monthOf('acquired_on', months).replace(/ END$/, ' ELSE 1000000 END')} >= ${monthOf('first_day', months)}
     GROUP BY 1`,
  );
  const complaints = await db.all<{
    m: number;
    complaints: number;
    within: number;
    satisfaction_n: number;
    satisfaction_sum: number | null;
  }>(
    `WITH c AS (SELECT ${monthOf('CAST(opened_at AS DATE)', months)} AS m, * FROM complaints
                WHERE CAST(opened_at AS DATE) > ${from} AND CAST(opened_at AS DATE) <= ${to}),
     j AS (SELECT m, satisfaction, resolved_at IS NOT NULL AND resolved_at < ${endOfMonth} AS resolved,
             ${dialect.hoursBetween('resolved_at', 'opened_at')} AS res_h FROM c)
     SELECT m, count(*) AS complaints,
       count(*) FILTER (WHERE resolved AND res_h >= 0 AND res_h <= ${target}) AS within,
       count(satisfaction) FILTER (WHERE resolved) AS satisfaction_n,
       sum(satisfaction) FILTER (WHERE resolved) AS satisfaction_sum
     FROM j GROUP BY m`,
  );
  const surveys = await db.all<{
    m: number;
    nps_n: number;
    promoters: number;
    detractors: number;
    csat_n: number;
    csat_satisfied: number;
    ces_n: number;
    ces_sum: number | null;
  }>(
    `SELECT ${monthOf('answered_on', months)} AS m,
       count(*) FILTER (WHERE kind = 'nps') AS nps_n,
       count(*) FILTER (WHERE kind = 'nps' AND score >= 9) AS promoters,
       count(*) FILTER (WHERE kind = 'nps' AND score <= 6) AS detractors,
       count(*) FILTER (WHERE kind = 'csat') AS csat_n,
       count(*) FILTER (WHERE kind = 'csat' AND score >= 4) AS csat_satisfied,
       count(*) FILTER (WHERE kind = 'ces') AS ces_n,
       sum(score) FILTER (WHERE kind = 'ces') AS ces_sum
     FROM survey_responses WHERE answered_on > ${from} AND answered_on <= ${to} GROUP BY 1`,
  );
  const at = <T extends { m: number }>(rows: T[], k: number): T | undefined => rows.find((r) => r.m === k);
  return months.map((_, k): MonthCounts => {
    const t = at(tx, k);
    const c = at(complaints, k);
    const s = at(surveys, k);
    return {
      month: k,
      revenue: t?.revenue ?? 0,
      active: t?.active ?? 0,
      repeat: t?.repeat ?? 0,
      fresh: at(fresh, k)?.fresh ?? 0,
      retained: at(retained, k)?.retained ?? 0,
      complaints: c?.complaints ?? 0,
      withinTarget: c?.within ?? 0,
      satisfactionN: c?.satisfaction_n ?? 0,
      satisfactionSum: c?.satisfaction_sum ?? 0,
      npsN: s?.nps_n ?? 0,
      promoters: s?.promoters ?? 0,
      detractors: s?.detractors ?? 0,
      csatN: s?.csat_n ?? 0,
      csatSatisfied: s?.csat_satisfied ?? 0,
      cesN: s?.ces_n ?? 0,
      cesSum: s?.ces_sum ?? 0,
    };
  });
}
