/**
 * The loyalty-programme effect (core `programmeEffect`). Portable SQL: the PostgreSQL store runs it as written.
 *
 * Naive: one scan stages, per customer with a purchase in the previous or current window, its purchases,
 * revenue and value in each and whether it is a member on the as-of day (member_since ≤ as-of); the counts
 * give the tier cut-offs of both windows (core); one query ranks both windows and sums per tier × side (two
 * grouping sets).
 *
 * Before / after joining: the months of joining come first (member_since ≤ as-of, per month); core says which
 * have a complete after window and gives their windows, bound as a VALUES list. The work is kept to
 * customers × months, never transactions × months of joining:
 * 1. one scan stages each customer's purchases, revenue and value per calendar month of (pre, after];
 * 2. per month of joining m, every customer with a purchase in the w months before m (all of them are
 *    ranked, members or not) gets the value of those months, by an equality join of the month sums on the
 *    months m − 1 … m − w; their count gives the tier cut-offs (core), and the value at each cut-off rank
 *    (one row_number pass) is the tier's threshold: a competition rank is within a cut-off c exactly when
 *    the value is at least the c-th highest, so a value compared with the thresholds gives the tier of its
 *    rank;
 * 3. the customers of the cells, every customer known on the before window's first day (first purchase or
 *    acquired_on) that is a member who joined in m or a control without a membership start by the end of
 *    the after window, get their sums of the four windows from their month sums; one query puts each into
 *    its cell (month × before tier × tenure band × a purchase in the month of joining or not × side) and
 *    sums.
 */
import { joinMonthComplete, joinWindows, TENURE_BANDS, type JoinCell } from '../../../core/kpi/programme';
import { assert } from '../../../core/errors';
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

/** The calendar month of a date as a month number (year × 12 + month − 1, as core counts months). */
function monthIndexSql(date: string): string {
  return `CAST(extract(year FROM ${date}) AS INTEGER) * 12 + CAST(extract(month FROM ${date}) AS INTEGER) - 1`;
}

/** `column` plus the integer `n`, as SQL. */
function plus(column: string, n: number): string {
  return n < 0 ? `${column} - ${int(-n)}` : `${column} + ${int(n)}`;
}

/** A decimal value read back as text, checked before it is inlined into SQL text. */
function decimalLiteral(text: unknown): string {
  const s = String(text);
  assert(/^-?[0-9]+(\.[0-9]+)?$/.test(s), `not a decimal for SQL: ${s}`);
  return `(${s})`;
}

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
    // both sides in one pass: the current window's tiers and the previous window's, as two grouping sets
    const both = await db.all<NaiveRow & { side: number }>(`${ranked},
      t AS (
        SELECT ${tierCaseSql('rc', cutCurrent)} AS tc, ${tierCaseSql('rp', cutPrevious)} AS tp, member, cp, crev
        FROM r
      )
      SELECT GROUPING(tc) AS side, CASE WHEN GROUPING(tc) = 0 THEN tc ELSE tp END AS tier, member,
        count(*) AS customers, sum(cp) AS purchases, CAST(sum(crev) AS DOUBLE PRECISION) AS revenue,
        sum(CASE WHEN cp > 0 THEN 1 ELSE 0 END) AS retained
      FROM t GROUP BY GROUPING SETS ((tc, member), (tp, member))`);
    const current = both.filter((x) => num(x.side) === 0 && x.tier !== null);
    const previous = both.filter((x) => num(x.side) === 1 && x.tier !== null);
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
    `SELECT ${monthIndexSql('member_since')} AS m,
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
  const w = query.windowMonths;
  const first = windows[0];
  const last = windows[windows.length - 1];
  if (first === undefined || last === undefined) throw new Error('no month of joining');
  // money is summed exactly (DECIMAL) and cast once summed, so no figure depends on the order rows are added in
  const value = valueColumn(query.measure);
  // the value is the revenue unless it is the margin: then summed once more
  const v = value === 'amount' ? 'rev' : 'v';
  const valueSum = value === 'amount' ? '' : `, sum(${value}) AS v`;
  // each customer's purchases, revenue and value per calendar month of the three windows, once
  const monthsSql = `
    SELECT customer_id, ${monthIndexSql('order_date')} AS mo,
      sum(CASE WHEN amount >= 0 THEN 1 ELSE 0 END) AS p, sum(amount) AS rev${valueSum}
    FROM transactions WHERE order_date > CAST($1 AS DATE) AND order_date <= CAST($2 AS DATE)
    GROUP BY customer_id, ${monthIndexSql('order_date')}`;
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
  const monthList = windows.map((x) => `(${int(x.month)})`).join(', ');
  const offsets = Array.from({ length: w }, (_, i) => `(${int(i + 1)})`).join(', ');
  return withStagedTable(db, peopleSql, [asOf], (people) =>
    withStagedTable(db, monthsSql, [first.pre.startExclusive, last.after.endInclusive], (cm) =>
      // per month of joining, every customer with a purchase in its before window (the ranked ones): the
      // month's sums of the w months before it, by an equality join on the month (month of joining − 1 … − w)
      withStagedTable(
        db,
        `WITH a AS (SELECT * FROM (VALUES ${monthList}) AS v(m)),
        o AS (SELECT * FROM (VALUES ${offsets}) AS v(d)),
        ao AS (SELECT a.m, a.m - o.d AS mo FROM a CROSS JOIN o)
        SELECT ao.m, c.customer_id, sum(c.p) AS bp, sum(c.${v}) AS bv
        FROM ${cm} c JOIN ao ON ao.mo = c.mo
        GROUP BY ao.m, c.customer_id HAVING sum(c.p) > 0`,
        [],
        async (ranked) => {
          const active = await db.all<{ m: number; n: number }>(
            `SELECT m, count(*) AS n FROM ${ranked} GROUP BY m`,
          );
          // the value at each tier's cut-off rank: a customer's competition rank is within the cut-off c
          // exactly when its value is at least the c-th highest value (core tierOfRank on the rank)
          const positions = active.flatMap((r) =>
            tierCutoffs(num(r.n), query.tiers)
              .slice(0, -1)
              .map((cut, k) => ({ m: num(r.m), k, cut }))
              .filter((x) => x.cut > 0),
          );
          const thresholds =
            positions.length === 0
              ? []
              : await db.all<{ m: number; k: number; t: unknown }>(
                  `WITH q AS (SELECT * FROM (VALUES ${positions
                    .map((x) => `(${int(x.m)}, ${int(x.k)}, ${int(x.cut)})`)
                    .join(', ')}) AS v(m, k, pos)),
                  s AS (SELECT m, bv, row_number() OVER (PARTITION BY m ORDER BY bv DESC) AS pos FROM ${ranked})
                  SELECT q.m, q.k, CAST(s.bv AS VARCHAR) AS t FROM q JOIN s ON s.m = q.m AND s.pos = q.pos`,
                );
          const lowest = int(query.tiers.length - 1);
          const whens = active.map((r) => {
            const m = num(r.m);
            const cuts = thresholds
              .filter((x) => num(x.m) === m)
              .sort((x, y) => num(x.k) - num(y.k))
              .map((x) => `WHEN e.bv >= ${decimalLiteral(x.t)} THEN ${int(num(x.k))}`);
            return `WHEN ${int(m)} THEN ${cuts.length === 0 ? lowest : `CASE ${cuts.join(' ')} ELSE ${lowest} END`}`;
          });
          const tierSql =
            whens.length === 0
              ? 'CAST(NULL AS INTEGER)'
              : `CASE WHEN e.bp > 0 THEN CASE e.m ${whens.join(' ')} END END`;
          const inMonths = (from: number, to: number): string =>
            `c.mo >= ${plus('x.m', from)} AND c.mo <= ${plus('x.m', to)}`;
          const sumIn = (col: string, from: number, to: number): string =>
            `sum(CASE WHEN ${inMonths(from, to)} THEN c.${col} ELSE 0 END)`;
          const rows = await db.all<CellRow>(
            `WITH ${staged.sql},
          x AS (
            SELECT a.m, p.customer_id, CASE WHEN p.joined > a.s2 AND p.joined <= a.s3 THEN 1 ELSE 0 END AS member,
              ${bandSql('(a.hday - p.since)')} AS band
            FROM ${people} p JOIN a ON p.since <= a.hday
              AND (p.joined IS NULL OR (p.joined > a.s2 AND p.joined <= a.s3) OR p.joined > a.e)
          ),
          e AS (
            SELECT x.m, x.customer_id, x.member, x.band,
              ${sumIn('p', -2 * w, -w - 1)} AS prep, ${sumIn('p', -w, -1)} AS bp, ${sumIn('rev', -w, -1)} AS brev,
              ${sumIn(v, -w, -1)} AS bv, ${sumIn('p', 0, 0)} AS jp, ${sumIn('p', 1, w)} AS ap,
              ${sumIn('rev', 1, w)} AS arev
            FROM x LEFT JOIN ${cm} c ON c.customer_id = x.customer_id AND ${inMonths(-2 * w, w)}
            GROUP BY x.m, x.customer_id, x.member, x.band
          ),
          y AS (
            SELECT e.m, e.member, e.band, ${tierSql} AS tier, CASE WHEN e.jp > 0 THEN 1 ELSE 0 END AS bought,
              e.prep, e.bp, e.brev, e.ap, e.arev
            FROM e
          )
          SELECT m, member, band, tier, bought, count(*) AS customers, sum(bp) AS bp, CAST(sum(brev) AS DOUBLE PRECISION) AS brev, sum(ap) AS ap,
            CAST(sum(arev) AS DOUBLE PRECISION) AS arev, sum(CASE WHEN prep > 0 THEN 1 ELSE 0 END) AS apre,
            sum(CASE WHEN bp > 0 THEN 1 ELSE 0 END) AS abefore,
            sum(CASE WHEN prep > 0 AND bp > 0 THEN 1 ELSE 0 END) AS prebefore,
            sum(CASE WHEN bp > 0 AND ap > 0 THEN 1 ELSE 0 END) AS beforeafter
          FROM y GROUP BY m, member, band, tier, bought ORDER BY m, tier, band, bought, member`,
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
        },
      ),
    ),
  );
}
