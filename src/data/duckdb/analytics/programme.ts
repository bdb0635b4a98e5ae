/**
 * The loyalty-programme effect (core `programmeEffect`). Portable SQL: the PostgreSQL store runs it as written.
 *
 * Naive: one scan stages, per customer with a purchase in the previous or current window, its purchases,
 * revenue and value in each and whether it is a member on the as-of day (member_since ≤ as-of); the counts
 * give the tier cut-offs of both windows (core); one query ranks and sums per tier × side.
 *
 * Before / after joining: the months of joining come first (member_since ≤ as-of, per month); core says which
 * have a complete after window and gives their windows, bound as a VALUES list. One scan stages, per month ×
 * customer with a transaction in (pre, after], the sums of the three windows; the count of active customers
 * before each month gives its tier cut-offs; one query puts every customer known on the before window's
 * first day (first purchase or acquired_on) into its cell (month × before tier × tenure band × a purchase in
 * the month of joining or not × side: members who joined that month, or controls without a membership start
 * by the end of the after window) and sums.
 */
import { joinMonthComplete, joinWindows, TENURE_BANDS, type JoinCell } from '../../../core/kpi/programme';
import { tierCutoffs } from '../../../core/kpi/tiers';
import type { ProgrammeQuery, ProgrammeResult } from '../../analytics/types';
import type { SqlParam, SqlRunner as Db } from '../../sql/runner';
import { int, tierCaseSql, valueColumn, withStagedTable } from './sql';

interface NaiveRow extends Record<string, unknown> {
  tier: number;
  member: number;
  customers: number;
  purchases: number | null;
  revenue: number | null;
  retained: number | null;
}

interface CellRow extends Record<string, unknown> {
  m: number;
  member: number;
  band: number;
  tier: number | null;
  bought: number;
  customers: number;
  bp: number | null;
  brev: number | null;
  ap: number | null;
  arev: number | null;
  apre: number | null;
  abefore: number | null;
  prebefore: number | null;
  beforeafter: number | null;
}

const num = (x: unknown): number => (x === null || x === undefined ? 0 : Number(x));

/** The band of a tenure of `days` days (core TENURE_BANDS) as SQL. */
function bandSql(days: string): string {
  const whens = TENURE_BANDS.map((b, i) => ({ from: b.fromDays, i }))
    .slice(1)
    .reverse()
    .map(({ from, i }) => `WHEN ${days} >= ${int(from)} THEN ${int(i)}`);
  return `CASE ${whens.join(' ')} ELSE 0 END`;
}

async function naiveSums(
  db: Db,
  query: ProgrammeQuery,
): Promise<Pick<ProgrammeResult, 'naive' | 'missingMargin' | 'transactions'>> {
  // money is summed exactly (DECIMAL) and cast once summed, so no figure depends on the order rows are added in
  const value = valueColumn(query.measure);
  const cur = 'order_date > CAST($2 AS DATE)';
  const stage = `
    WITH s AS (
      SELECT customer_id,
        sum(CASE WHEN ${cur} AND amount >= 0 THEN 1 ELSE 0 END) AS cp,
        sum(CASE WHEN ${cur} THEN amount ELSE 0 END) AS crev,
        sum(CASE WHEN ${cur} THEN ${value} ELSE 0 END) AS cv,
        sum(CASE WHEN NOT ${cur} AND amount >= 0 THEN 1 ELSE 0 END) AS pp,
        sum(CASE WHEN NOT ${cur} THEN ${value} ELSE 0 END) AS pv,
        sum(CASE WHEN margin IS NULL THEN 1 ELSE 0 END) AS nomargin,
        count(*) AS ntx
      FROM transactions WHERE order_date > CAST($1 AS DATE) AND order_date <= CAST($3 AS DATE)
      GROUP BY customer_id
      HAVING sum(CASE WHEN amount >= 0 THEN 1 ELSE 0 END) > 0
    )
    SELECT s.*, CASE WHEN cu.member_since <= CAST($3 AS DATE) THEN 1 ELSE 0 END AS member
    FROM s LEFT JOIN customers cu ON cu.customer_id = s.customer_id`;
  const params = [query.previous.startExclusive, query.current.startExclusive, query.asOf];
  return withStagedTable(db, stage, params, async (table) => {
    const head = await db.one<{
      nc: number | null;
      np: number | null;
      nomargin: number | null;
      ntx: number | null;
    }>(
      `SELECT sum(CASE WHEN cp > 0 THEN 1 ELSE 0 END) AS nc, sum(CASE WHEN pp > 0 THEN 1 ELSE 0 END) AS np,
        sum(nomargin) AS nomargin, sum(ntx) AS ntx FROM ${table}`,
    );
    const cutCurrent = tierCutoffs(num(head.nc), query.tiers);
    const cutPrevious = tierCutoffs(num(head.np), query.tiers);
    const ranked = `
      WITH r AS (
        SELECT cp, crev, pp, member,
          CASE WHEN cp > 0 THEN rank() OVER (ORDER BY CASE WHEN cp > 0 THEN cv END DESC NULLS LAST) END AS rc,
          CASE WHEN pp > 0 THEN rank() OVER (ORDER BY CASE WHEN pp > 0 THEN pv END DESC NULLS LAST) END AS rp
        FROM ${table}
      )`;
    const current = await db.all<NaiveRow>(`${ranked}
      SELECT ${tierCaseSql('rc', cutCurrent)} AS tier, member, count(*) AS customers, sum(cp) AS purchases,
        CAST(sum(crev) AS DOUBLE PRECISION) AS revenue, 0 AS retained
      FROM r WHERE cp > 0 GROUP BY 1, 2`);
    const previous = await db.all<NaiveRow>(`${ranked}
      SELECT ${tierCaseSql('rp', cutPrevious)} AS tier, member, count(*) AS customers, 0 AS purchases,
        0 AS revenue, sum(CASE WHEN cp > 0 THEN 1 ELSE 0 END) AS retained
      FROM r WHERE pp > 0 GROUP BY 1, 2`);
    const find = (rows: NaiveRow[], tier: number, member: number): NaiveRow | undefined =>
      rows.find((x) => num(x.tier) === tier && num(x.member) === member);
    const group = (r: NaiveRow | undefined) => ({
      customers: num(r?.customers),
      purchases: num(r?.purchases),
      revenue: num(r?.revenue),
    });
    const retention = (r: NaiveRow | undefined) => ({
      previous: num(r?.customers),
      retained: num(r?.retained),
    });
    return {
      naive: {
        current: query.tiers.map((_, i) => ({
          members: group(find(current, i, 1)),
          nonMembers: group(find(current, i, 0)),
        })),
        retention: query.tiers.map((_, i) => ({
          members: retention(find(previous, i, 1)),
          nonMembers: retention(find(previous, i, 0)),
        })),
      },
      missingMargin: num(head.nomargin),
      transactions: num(head.ntx),
    };
  });
}

export async function queryProgramme(db: Db, query: ProgrammeQuery): Promise<ProgrammeResult> {
  const asOf = query.asOf;
  const counts = await db.one<{ members: number | null; later: number | null }>(
    `SELECT sum(CASE WHEN member_since <= CAST($1 AS DATE) THEN 1 ELSE 0 END) AS members,
       sum(CASE WHEN member_since > CAST($1 AS DATE) THEN 1 ELSE 0 END) AS later
     FROM customers`,
    [asOf],
  );
  const naive = await naiveSums(db, query);
  const months = await db.all<{ m: number; n: number }>(
    `SELECT CAST(extract(year FROM member_since) AS INTEGER) * 12 + CAST(extract(month FROM member_since) AS INTEGER) - 1 AS m,
       count(*) AS n
     FROM customers WHERE member_since <= CAST($1 AS DATE) GROUP BY 1 ORDER BY 1`,
    [asOf],
  );
  const complete = months.filter((r) => joinMonthComplete(num(r.m), query.windowMonths, asOf));
  const tooRecent = months.reduce((s, r) => s + num(r.n), 0) - complete.reduce((s, r) => s + num(r.n), 0);
  const base = {
    ...naive,
    members: num(counts.members),
    joinedAfterAsOf: num(counts.later),
  };
  if (complete.length === 0) return { ...base, cells: [], leftOut: { tooRecent, shortHistory: 0 } };

  // the months of joining and their windows, bound as parameters from `$first` on
  const windows = complete.map((r) => joinWindows(num(r.m), query.windowMonths));
  const anchorsFrom = (first: number): { sql: string; params: SqlParam[] } => {
    const params: SqlParam[] = [];
    const tuples = windows.map((w) => {
      const at = first + params.length;
      params.push(
        w.month,
        w.pre.startExclusive,
        w.before.startExclusive,
        w.joining.startExclusive,
        w.after.startExclusive,
        w.after.endInclusive,
        w.historyDay,
      );
      const d = (k: number): string => `CAST($${at + k} AS DATE)`;
      return `(CAST($${at} AS INTEGER), ${d(1)}, ${d(2)}, ${d(3)}, ${d(4)}, ${d(5)}, ${d(6)})`;
    });
    return {
      sql: `a AS (SELECT * FROM (VALUES ${tuples.join(', ')}) AS v(m, s0, s1, s2, s3, e, hday))`,
      params,
    };
  };
  const staged = anchorsFrom(1);
  // money is summed exactly (DECIMAL) and cast once summed, so no figure depends on the order rows are added in
  const value = valueColumn(query.measure);
  const before = 't.order_date > a.s1 AND t.order_date <= a.s2';
  const stage = `
    WITH ${staged.sql}
    SELECT a.m, t.customer_id,
      sum(CASE WHEN t.order_date <= a.s1 AND t.amount >= 0 THEN 1 ELSE 0 END) AS prep,
      sum(CASE WHEN ${before} AND t.amount >= 0 THEN 1 ELSE 0 END) AS bp,
      sum(CASE WHEN ${before} THEN t.amount ELSE 0 END) AS brev,
      sum(CASE WHEN ${before} THEN ${value} ELSE 0 END) AS bv,
      sum(CASE WHEN t.order_date > a.s2 AND t.order_date <= a.s3 AND t.amount >= 0 THEN 1 ELSE 0 END) AS jp,
      sum(CASE WHEN t.order_date > a.s3 AND t.amount >= 0 THEN 1 ELSE 0 END) AS ap,
      sum(CASE WHEN t.order_date > a.s3 THEN t.amount ELSE 0 END) AS arev
    FROM transactions t JOIN a ON t.order_date > a.s0 AND t.order_date <= a.e
    GROUP BY a.m, t.customer_id`;
  // every customer once: the day it is known from (first purchase, or acquired_on when earlier) and its
  // membership start; staged, since both the cells and the left-out count read it
  const peopleSql = `
    WITH f AS (
      SELECT customer_id, min(order_date) AS first_purchase FROM transactions
      WHERE amount >= 0 AND order_date <= CAST($1 AS DATE) GROUP BY customer_id
    )
    SELECT coalesce(f.customer_id, cu.customer_id) AS customer_id,
      CASE WHEN f.first_purchase IS NULL THEN cu.acquired_on WHEN cu.acquired_on IS NULL THEN f.first_purchase
        WHEN cu.acquired_on < f.first_purchase THEN cu.acquired_on ELSE f.first_purchase END AS since,
      cu.member_since AS joined
    FROM f FULL JOIN customers cu ON cu.customer_id = f.customer_id`;
  return withStagedTable(db, peopleSql, [asOf], (people) =>
    withStagedTable(db, stage, staged.params, async (table) => {
      const active = await db.all<{ m: number; n: number }>(
        `SELECT m, count(*) AS n FROM ${table} WHERE bp > 0 GROUP BY m`,
      );
      const whens = active.map(
        (r) => `WHEN ${int(num(r.m))} THEN ${tierCaseSql('r.rk', tierCutoffs(num(r.n), query.tiers))}`,
      );
      const tierSql = whens.length === 0 ? 'CAST(NULL AS INTEGER)' : `CASE r.m ${whens.join(' ')} END`;
      const rows = await db.all<CellRow>(
        `WITH ${staged.sql},
      r AS (
        SELECT m, customer_id, prep, bp, brev, jp, ap, arev,
          CASE WHEN bp > 0 THEN rank() OVER (PARTITION BY m ORDER BY CASE WHEN bp > 0 THEN bv END DESC NULLS LAST) END AS rk
        FROM ${table}
      ),
      x AS (
        SELECT a.m, CASE WHEN p.joined > a.s2 AND p.joined <= a.s3 THEN 1 ELSE 0 END AS member,
          ${bandSql('(a.hday - p.since)')} AS band, ${tierSql} AS tier,
          CASE WHEN r.jp > 0 THEN 1 ELSE 0 END AS bought,
          coalesce(r.prep, 0) AS prep, coalesce(r.bp, 0) AS bp, coalesce(r.brev, 0) AS brev,
          coalesce(r.ap, 0) AS ap, coalesce(r.arev, 0) AS arev
        FROM ${people} p JOIN a ON p.since <= a.hday
          AND (p.joined IS NULL OR (p.joined > a.s2 AND p.joined <= a.s3) OR p.joined > a.e)
        LEFT JOIN r ON r.m = a.m AND r.customer_id = p.customer_id
      )
      SELECT m, member, band, tier, bought, count(*) AS customers, sum(bp) AS bp, CAST(sum(brev) AS DOUBLE PRECISION) AS brev, sum(ap) AS ap,
        CAST(sum(arev) AS DOUBLE PRECISION) AS arev, sum(CASE WHEN prep > 0 THEN 1 ELSE 0 END) AS apre,
        sum(CASE WHEN bp > 0 THEN 1 ELSE 0 END) AS abefore,
        sum(CASE WHEN prep > 0 AND bp > 0 THEN 1 ELSE 0 END) AS prebefore,
        sum(CASE WHEN bp > 0 AND ap > 0 THEN 1 ELSE 0 END) AS beforeafter
      FROM x GROUP BY m, member, band, tier, bought ORDER BY m, tier, band, bought, member`,
        staged.params,
      );
      const short = await db.one<{ n: number | null }>(
        `WITH ${staged.sql}
      SELECT count(*) AS n FROM ${people} p JOIN a ON p.joined > a.s2 AND p.joined <= a.s3
      WHERE p.since IS NULL OR p.since > a.hday`,
        staged.params,
      );
      const cells: JoinCell[] = rows.map((r) => ({
        month: num(r.m),
        tier: r.tier === null ? null : num(r.tier),
        band: num(r.band),
        boughtInMonth: num(r.bought) === 1,
        member: num(r.member) === 1,
        customers: num(r.customers),
        beforePurchases: num(r.bp),
        beforeRevenue: num(r.brev),
        afterPurchases: num(r.ap),
        afterRevenue: num(r.arev),
        activePre: num(r.apre),
        activeBefore: num(r.abefore),
        preAndBefore: num(r.prebefore),
        beforeAndAfter: num(r.beforeafter),
      }));
      return { ...base, cells, leftOut: { tooRecent, shortHistory: num(short.n) } };
    }),
  );
}
