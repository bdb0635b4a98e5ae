/**
 * DuckDB query of the service port's `complaintsByTier`: customers ranked into value tiers by their
 * revenue in each window (competition ranks cut by core `tierCutoffs`, as the portfolio report does), the
 * current period's complaints counted per current tier, and the previous window's customers counted per
 * previous tier, by whether they complained in the previous period and whether they are active again.
 */
import { tierCutoffs } from '../../core/kpi/tiers';
import type { TierComplaintCounts, TierComplaintQuery, TierComplaints } from '../service/types';
import { inWindowSql, tierCaseSql, withStagedTable } from './analytics/sql';
import type { SqlRunner } from '../sql/runner';

const HOUR_MS = 3_600_000;

/** How an engine turns epoch milliseconds into a stored TIMESTAMP (UTC) and back. */
export interface InstantSql {
  /** the instant `ms` (whole epoch milliseconds) as a TIMESTAMP */
  instant(ms: string): string;
  /** a TIMESTAMP column as epoch milliseconds, BIGINT */
  epochMs(column: string): string;
}

/** DuckDB's spelling of instants. */
export const DUCKDB_INSTANTS: InstantSql = {
  instant: (ms) => `epoch_ms(${ms}::BIGINT)`,
  epochMs: (column) => `epoch_ms(${column})`,
};

function wholeMs(value: number): string {
  if (!Number.isSafeInteger(value))
    throw new Error(`internal error: instant ${value} is not whole milliseconds`);
  return String(value);
}

/**
 * The query in portable SQL (aliased subqueries, FILTER, window functions); only instants are spelled per
 * engine, so the PostgreSQL store runs the same statements and gets the same figures.
 */
export async function queryComplaintsByTier(
  db: SqlRunner & { column?: (sql: string) => Promise<Float64Array> },
  q: TierComplaintQuery,
  dialect: InstantSql = DUCKDB_INSTANTS,
): Promise<TierComplaints> {
  const ms = (value: number): string => dialect.instant(wholeMs(value));
  const s = inWindowSql(1, q.current);
  const f = inWindowSql(3, q.previous);
  const stage = `
    SELECT customer_id,
      sum(CASE WHEN ${s.sql} AND amount >= 0 THEN 1 ELSE 0 END) > 0 AS cur_active,
      CAST(sum(CASE WHEN ${s.sql} THEN amount ELSE 0 END) AS DECIMAL(18,2)) AS cur_v,
      sum(CASE WHEN ${f.sql} AND amount >= 0 THEN 1 ELSE 0 END) > 0 AS prev_active,
      CAST(sum(CASE WHEN ${f.sql} THEN amount ELSE 0 END) AS DECIMAL(18,2)) AS prev_v
    FROM transactions WHERE ${s.sql} OR ${f.sql}
    GROUP BY customer_id`;
  return withStagedTable(db, stage, [...s.params, ...f.params], async (table) => {
    const head = await db.one<{ cur: number | null; prev: number | null }>(
      `SELECT count(*) FILTER (WHERE cur_active) AS cur, count(*) FILTER (WHERE prev_active) AS prev FROM ${table}`,
    );
    const k = q.tiers.length;
    const curTier = `(SELECT customer_id, ${tierCaseSql('rk', tierCutoffs(head.cur ?? 0, q.tiers))} AS tier
      FROM (SELECT customer_id, rank() OVER (ORDER BY cur_v DESC) AS rk FROM ${table} WHERE cur_active) ranked)`;
    const prevTier = `(SELECT customer_id, cur_active, ${tierCaseSql('rk', tierCutoffs(head.prev ?? 0, q.tiers))} AS tier
      FROM (SELECT customer_id, cur_active, rank() OVER (ORDER BY prev_v DESC) AS rk FROM ${table} WHERE prev_active) ranked)`;
    const asOf = ms(q.currentPeriod.asOfMs);
    const period = `(
      SELECT coalesce(t.tier, ${k}) AS tier, c.customer_id, c.satisfaction,
        c.resolved_at IS NOT NULL AND c.resolved_at < ${asOf} AS resolved,
        CAST(${dialect.epochMs('c.resolved_at')} - ${dialect.epochMs('c.opened_at')} AS DOUBLE PRECISION)
          / ${HOUR_MS}.0 AS res_h
      FROM complaints c LEFT JOIN ${curTier} t USING (customer_id)
      WHERE c.opened_at >= ${ms(q.currentPeriod.fromMs)} AND c.opened_at < ${asOf}) period`;
    const target = Number(q.targetHours);
    if (!Number.isFinite(target) || target <= 0) throw new Error(`internal error: target ${q.targetHours}`);
    const counts = await db.all<{
      tier: number;
      complainants: number;
      complaints: number;
      resolved: number;
      measured: number;
      within: number;
      sat_n: number;
      sat_sum: number | null;
    }>(
      `SELECT tier, count(DISTINCT customer_id) AS complainants, count(*) AS complaints,
         count(*) FILTER (WHERE resolved) AS resolved,
         count(*) FILTER (WHERE resolved AND res_h >= 0) AS measured,
         count(*) FILTER (WHERE resolved AND res_h >= 0 AND res_h <= ${target}) AS within,
         count(satisfaction) FILTER (WHERE resolved) AS sat_n,
         sum(satisfaction) FILTER (WHERE resolved) AS sat_sum
       FROM ${period} GROUP BY tier`,
    );
    const customers = await db.all<{ tier: number; customers: number }>(
      `SELECT tier, count(*) AS customers FROM ${curTier} tiers GROUP BY tier`,
    );
    const hoursSql = `SELECT res_h FROM ${period} WHERE resolved AND res_h >= 0 ORDER BY tier, res_h`;
    const resolutionHours = db.column
      ? await db.column(hoursSql)
      : Float64Array.from((await db.all<{ res_h: number }>(hoursSql)).map((r) => r.res_h));
    const retention = await db.all<{
      tier: number;
      complained: boolean;
      customers: number;
      retained: number;
    }>(
      `SELECT p.tier, c.customer_id IS NOT NULL AS complained, count(*) AS customers,
         count(*) FILTER (WHERE p.cur_active) AS retained
       FROM ${prevTier} p LEFT JOIN (
         SELECT DISTINCT customer_id FROM complaints
         WHERE opened_at >= ${ms(q.previousPeriod.fromMs)} AND opened_at < ${ms(q.previousPeriod.asOfMs)}
       ) c USING (customer_id)
       GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const tiers = Array.from({ length: k + 1 }, (_, i): TierComplaintCounts => {
      const c = counts.find((r) => r.tier === i);
      return {
        customers: customers.find((r) => r.tier === i)?.customers ?? 0,
        complainants: c?.complainants ?? 0,
        complaints: c?.complaints ?? 0,
        resolved: c?.resolved ?? 0,
        measured: c?.measured ?? 0,
        withinTarget: c?.within ?? 0,
        satisfactionN: c?.sat_n ?? 0,
        satisfactionSum: c?.sat_sum ?? 0,
      };
    });
    return {
      tiers,
      resolutionHours,
      retention: retention.map((r) => ({
        tier: r.tier,
        complained: r.complained,
        customers: r.customers,
        retained: r.retained,
      })),
    };
  });
}
