/**
 * DuckDB query of the service port's `complaintsByTier`: customers ranked into value tiers by their
 * revenue in each window (competition ranks cut by core `tierCutoffs`, as the portfolio report does), the
 * current period's complaints counted per current tier, and the previous window's customers counted per
 * previous tier, by whether they complained in the previous period and whether they are active again.
 */
import { tierCutoffs } from '../../core/kpi/tiers';
import type { ComplaintTimes } from '../../core/service/complaint-times';
import type { Window } from '../../core/dates';
import type { ScoreCount } from '../../core/kpi/stats';
import type { Tier } from '../../core/kpi/tiers';
import type {
  ComplaintTimesQuery,
  SurveyScores,
  SurveyTierQuery,
  TierComplaintCounts,
  TierComplaintQuery,
  TierComplaints,
} from '../service/types';
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
      SELECT coalesce(t.tier, ${k}) AS tier, c.customer_id, c.satisfaction, c.category,
        c.resolved_at IS NOT NULL AND c.resolved_at < ${asOf} AS resolved,
        CAST(${dialect.epochMs('c.resolved_at')} - ${dialect.epochMs('c.opened_at')} AS DOUBLE PRECISION)
          / ${HOUR_MS}.0 AS res_h,
        c.first_response_at IS NOT NULL AND c.first_response_at < ${asOf} AS answered,
        CAST(${dialect.epochMs('c.first_response_at')} - ${dialect.epochMs('c.opened_at')} AS DOUBLE PRECISION)
          / ${HOUR_MS}.0 AS resp_h
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
      responded: number;
    }>(
      `SELECT tier, count(DISTINCT customer_id) AS complainants, count(*) AS complaints,
         count(*) FILTER (WHERE resolved) AS resolved,
         count(*) FILTER (WHERE resolved AND res_h >= 0) AS measured,
         count(*) FILTER (WHERE resolved AND res_h >= 0 AND res_h <= ${target}) AS within,
         count(satisfaction) FILTER (WHERE resolved) AS sat_n,
         sum(satisfaction) FILTER (WHERE resolved) AS sat_sum,
         count(*) FILTER (WHERE answered AND resp_h >= 0) AS responded
       FROM ${period} GROUP BY tier`,
    );
    const customers = await db.all<{ tier: number; customers: number }>(
      `SELECT tier, count(*) AS customers FROM ${curTier} tiers GROUP BY tier`,
    );
    const hoursSql = `SELECT res_h AS h FROM ${period} WHERE resolved AND res_h >= 0 ORDER BY tier, res_h`;
    const hoursOf = async (sql: string): Promise<Float64Array> =>
      db.column
        ? db.column(sql)
        : Float64Array.from((await db.all<{ h: number }>(sql)).map((r) => Number(r.h)));
    const resolutionHours = await hoursOf(hoursSql);
    const firstResponseHours = await hoursOf(
      `SELECT resp_h AS h FROM ${period} WHERE answered AND resp_h >= 0 ORDER BY tier, resp_h`,
    );
    const causes = await db.all<{ tier: number; cause: string | null; complaints: number }>(
      `SELECT tier, category AS cause, count(*) AS complaints FROM ${period} GROUP BY 1, 2`,
    );
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
        responded: c?.responded ?? 0,
      };
    });
    return {
      tiers,
      resolutionHours,
      firstResponseHours,
      causes: causes.map((r) => ({
        group: Number(r.tier),
        cause: r.cause,
        complaints: Number(r.complaints),
      })),
      retention: retention.map((r) => ({
        tier: r.tier,
        complained: r.complained,
        customers: r.customers,
        retained: r.retained,
      })),
    };
  });
}

/**
 * The service port's `complaintTimes`: every complaint opened in the period as typed columns, judged at
 * the as-of instant (a resolution or first response at or after it is NaN), with category and priority as
 * dictionary codes, and with `tiers` each complaint's current-window value tier (ranked as above). Ordered
 * by opening instant, then complaint id.
 */
export async function queryComplaintTimes(
  db: SqlRunner,
  q: ComplaintTimesQuery,
  dialect: InstantSql = DUCKDB_INSTANTS,
): Promise<ComplaintTimes> {
  const ms = (value: number): string => dialect.instant(wholeMs(value));
  const asOf = ms(q.asOfMs);
  const select = (tierSql: string, tierJoin: string): string => `
    SELECT ${dialect.epochMs('c.opened_at')} AS opened,
      CASE WHEN c.resolved_at < ${asOf} THEN ${dialect.epochMs('c.resolved_at')} END AS resolved,
      CASE WHEN c.first_response_at < ${asOf} THEN ${dialect.epochMs('c.first_response_at')} END AS responded,
      c.category, c.priority, ${tierSql} AS tier
    FROM complaints c ${tierJoin}
    WHERE c.opened_at >= ${ms(q.fromMs)} AND c.opened_at < ${asOf}
    ORDER BY c.opened_at, c.complaint_id`;
  type Row = {
    opened: number;
    resolved: number | null;
    responded: number | null;
    category: string | null;
    priority: string | null;
    tier: number | null;
  };
  const tiers = q.tiers;
  const rows =
    tiers === undefined
      ? await db.all<Row>(select('NULL', ''))
      : await withCurrentTiers(db, tiers.current, tiers.tiers, (curTier) =>
          db.all<Row>(
            select(`coalesce(t.tier, ${tiers.tiers.length})`, `LEFT JOIN ${curTier} t USING (customer_id)`),
          ),
        );
  const n = rows.length;
  const dictionary = (): { codes: Int32Array; names: string[]; code: (name: string | null) => number } => {
    const names: string[] = [];
    const index = new Map<string, number>();
    return {
      codes: new Int32Array(n),
      names,
      code(name) {
        if (name === null) return -1;
        let k = index.get(name);
        if (k === undefined) {
          k = names.length;
          names.push(name);
          index.set(name, k);
        }
        return k;
      },
    };
  };
  const category = dictionary();
  const priority = dictionary();
  const out: ComplaintTimes = {
    openedMs: new Float64Array(n),
    resolvedMs: new Float64Array(n),
    respondedMs: new Float64Array(n),
    category: category.codes,
    categories: category.names,
    priority: priority.codes,
    priorities: priority.names,
    tier: tiers === undefined ? null : new Int32Array(n),
  };
  rows.forEach((r, i) => {
    out.openedMs[i] = Number(r.opened);
    out.resolvedMs[i] = r.resolved === null ? NaN : Number(r.resolved);
    out.respondedMs[i] = r.responded === null ? NaN : Number(r.responded);
    out.category[i] = category.code(r.category);
    out.priority[i] = priority.code(r.priority);
    if (out.tier !== null) out.tier[i] = Number(r.tier);
  });
  return out;
}

/**
 * Runs `work` with the customers of `current` ranked into `tiers` (active: a purchase with amount ≥ 0;
 * ranked by the window's revenue, competition ranks cut by core `tierCutoffs`): `curTier` is a subquery
 * of `(customer_id, tier)`, tier 0 … tiers.length − 1.
 */
async function withCurrentTiers<T>(
  db: SqlRunner,
  current: Window,
  tiers: readonly Tier[],
  work: (curTier: string) => Promise<T>,
): Promise<T> {
  const s = inWindowSql(1, current);
  const stage = `
    SELECT customer_id, CAST(sum(amount) AS DECIMAL(18,2)) AS cur_v
    FROM transactions WHERE ${s.sql} GROUP BY customer_id
    HAVING sum(CASE WHEN amount >= 0 THEN 1 ELSE 0 END) > 0`;
  return withStagedTable(db, stage, s.params, async (table) => {
    const head = await db.one<{ cur: number | null }>(`SELECT count(*) AS cur FROM ${table}`);
    const cutoffs = tierCutoffs(head.cur ?? 0, tiers);
    return work(`(SELECT customer_id, ${tierCaseSql('rk', cutoffs)} AS tier
      FROM (SELECT customer_id, rank() OVER (ORDER BY cur_v DESC) AS rk FROM ${table}) ranked)`);
  });
}

/**
 * The service port's `surveyScoresByTier`: survey answers of `window` counted per kind and score for each
 * value tier of `current` (the respondent's tier, ranked as `complaintsByTier` ranks), then for the
 * respondents not active in `current`. Portable SQL; the day bounds are parameters.
 */
export async function querySurveyScoresByTier(db: SqlRunner, q: SurveyTierQuery): Promise<SurveyScores[]> {
  const k = q.tiers.length;
  const answered = inWindowSql(1, q.window, 'r.answered_on');
  const rows = await withCurrentTiers(db, q.current, q.tiers, (curTier) =>
    db.all<{ tier: number; kind: string; score: number; answers: number }>(
      `SELECT coalesce(t.tier, ${k}) AS tier, r.kind, r.score, count(*) AS answers
       FROM survey_responses r LEFT JOIN ${curTier} t USING (customer_id)
       WHERE ${answered.sql}
       GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      answered.params,
    ),
  );
  return Array.from({ length: k + 1 }, (_, tier): SurveyScores => {
    const of = (kind: string): ScoreCount[] =>
      rows
        .filter((r) => Number(r.tier) === tier && r.kind === kind)
        .map((r) => ({ score: Number(r.score), answers: Number(r.answers) }));
    return { nps: of('nps'), csat: of('csat'), ces: of('ces') };
  });
}
