/**
 * The loyalty-programme effect (core `programmeSums`, then `programmeEffect`). Portable SQL: the PostgreSQL
 * store runs it as written.
 *
 * One pass over the transactions up to the as-of day, grouped by customer (a million groups, not a
 * customer × month grid) and full-joined with the customers, hands core one row per customer: the day it is
 * known from (first purchase, or acquired_on when earlier), its membership start, and its transactions
 * after the scan's first day (`programmeScanFrom`: the earlier of the previous window and the pre window of
 * the first month of joining that can be followed) as three lists: epoch day, amount and ranking value in
 * minor units (exact integers). Core sums them per month, ranks, matches and fills the cells; the store
 * only adds the count of transactions in the naive windows and of those without a margin (for the margin
 * note), over the customers with a purchase there.
 */
import { programmeScanFrom, programmeSums } from '../../../core/kpi/programme-sums';
import { assert } from '../../../core/errors';
import type { ProgrammeQuery, ProgrammeResult } from '../../analytics/types';
import type { ColumnarRunner } from '../../sql/runner';

const EPOCH = "DATE '1970-01-01'";

export async function queryProgramme(db: ColumnarRunner, query: ProgrammeQuery): Promise<ProgrammeResult> {
  const asOf = query.asOf;
  const first = await db.one<{ d: string | null }>(
    'SELECT min(member_since) AS d FROM customers WHERE member_since <= CAST($1 AS DATE)',
    [asOf],
  );
  const from = programmeScanFrom(query.previous, query.windowMonths, asOf, first.d);
  const scanned = 'order_date > CAST($1 AS DATE)';
  const naive = 'order_date > CAST($2 AS DATE)';
  const list = (expr: string): string => `array_agg(${expr}) FILTER (WHERE ${scanned})`;
  // money in minor units: exact integers (below 2^53) in doubles
  const margins =
    query.measure === 'margin' ? `, ${list('CAST(coalesce(margin, 0) * 100 AS DOUBLE PRECISION)')} AS v` : '';
  const inNaive = (cond: string): string =>
    `CASE WHEN sum(CASE WHEN ${naive} AND amount >= 0 THEN 1 ELSE 0 END) > 0
      THEN sum(CASE WHEN ${naive}${cond} THEN 1 ELSE 0 END) ELSE 0 END`;
  const columns = await db.numberColumns(
    `WITH t AS (
      SELECT customer_id, min(CASE WHEN amount >= 0 THEN order_date END) AS first_purchase,
        ${list(`CAST(order_date - ${EPOCH} AS INTEGER)`)} AS days,
        ${list('CAST(amount * 100 AS DOUBLE PRECISION)')} AS cents${margins},
        ${inNaive('')} AS ntx, ${inNaive(' AND margin IS NULL')} AS nomargin
      FROM transactions WHERE order_date <= CAST($3 AS DATE)
      GROUP BY customer_id
    )
    SELECT
      CAST(CASE WHEN t.first_purchase IS NULL THEN cu.acquired_on WHEN cu.acquired_on IS NULL THEN t.first_purchase
        WHEN cu.acquired_on < t.first_purchase THEN cu.acquired_on ELSE t.first_purchase END - ${EPOCH} AS INTEGER) AS since,
      CAST(cu.member_since - ${EPOCH} AS INTEGER) AS joined,
      CAST(t.ntx AS INTEGER) AS ntx, CAST(t.nomargin AS INTEGER) AS nomargin, t.days, t.cents${margins ? ', t.v' : ''}
    FROM t FULL JOIN customers cu ON cu.customer_id = t.customer_id`,
    [from, query.previous.startExclusive, asOf],
  );
  const [since, joined, ntx, nomargin, days, cents, values] = columns;
  assert(
    since !== undefined && joined !== undefined && ntx !== undefined && nomargin !== undefined,
    'programme columns',
  );
  assert(days?.starts != null && cents?.starts != null, 'programme transaction lists');
  const value = values ?? cents;
  assert(value.starts != null && value.values.length === days.values.length, 'programme value list');
  const sums = programmeSums(
    {
      since: since.values,
      joined: joined.values,
      starts: days.starts,
      day: days.values,
      amount: cents.values,
      value: value.values,
    },
    {
      asOf,
      current: query.current,
      previous: query.previous,
      windowMonths: query.windowMonths,
      tiers: query.tiers,
      from,
    },
  );
  const total = (x: Float64Array): number => x.reduce((s, v) => (Number.isNaN(v) ? s : s + v), 0);
  return { ...sums, missingMargin: total(nomargin.values), transactions: total(ntx.values) };
}
