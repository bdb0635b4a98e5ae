/**
 * The loyalty-programme effect (core `programmeSums`, then `programmeEffect`). Portable SQL: the PostgreSQL
 * store runs it as written.
 *
 * One pass over the transactions up to the as-of day and the customers, grouped by customer (a million
 * groups, never a customer × month grid; the customers' rows join the grouping by UNION ALL, cheaper than a
 * join), hands core one row per customer: the day it is known from (first purchase, or acquired_on when
 * earlier), its membership start, its transactions without a margin in the naive windows, and its
 * transactions after the scan's first day (`programmeScanFrom`: the earlier of the previous window and the
 * pre window of the first month of joining that can be followed) as a list of doubles, each the amount in
 * minor units × 2^16 + the days after the scan's first day (exact while the amount is below 2^36 minor
 * units; otherwise a second statement hands over days and amounts as two lists), plus the margins in minor
 * units for `--value margin`. Core sums them per month, ranks, matches and fills the cells.
 */
import { programmeScanFrom, programmeSums } from '../../../core/kpi/programme-sums';
import { assert } from '../../../core/errors';
import { toEpochDay } from '../../../core/dates';
import type { ProgrammeQuery, ProgrammeResult } from '../../analytics/types';
import type { ColumnarRunner } from '../../sql/runner';

const EPOCH = "DATE '1970-01-01'";
/** A transaction packed into one double: amount in minor units × 2^16 + days after the scan's first day. */
const PACK = 65_536;
/** Amounts below this (2^36 minor units) pack exactly: |amount × 2^16| + 2^16 stays below 2^53. */
const PACKED_LIMIT = '687194767.36';

/**
 * Days and amounts of packed transactions, or null when one is NULL (an amount too large to pack); the
 * amounts are written over the packed values.
 */
function unpack(packed: Float64Array, fromDay: number): { day: Float64Array; amount: Float64Array } | null {
  const day = new Float64Array(packed.length);
  for (let i = 0; i < packed.length; i++) {
    const x = packed[i] as number;
    if (Number.isNaN(x)) return null;
    const cents = Math.floor(x / PACK); // exact: x is an integer below 2^53, PACK a power of two
    packed[i] = cents;
    day[i] = fromDay + (x - cents * PACK);
  }
  return { day, amount: packed };
}

export async function queryProgramme(db: ColumnarRunner, query: ProgrammeQuery): Promise<ProgrammeResult> {
  const asOf = query.asOf;
  const firstMember = await db.one<{ d: string | null }>(
    'SELECT min(member_since) AS d FROM customers WHERE member_since <= CAST($1 AS DATE)',
    [asOf],
  );
  const from = programmeScanFrom(query.previous, query.windowMonths, asOf, firstMember.d);
  const read = async (packed: boolean) => {
    const scanned = 'order_date > CAST($1 AS DATE)';
    const naive = 'order_date > CAST($2 AS DATE)';
    const list = (expr: string): string => `array_agg(${expr}) FILTER (WHERE ${scanned})`;
    // money in minor units: exact integers (below 2^53) in doubles. Packed: amount × 2^16 + days after the
    // scan's first day in one double, exact while |amount| < 2^36 minor units (NULL beyond: read unpacked)
    const transactions = packed
      ? `${list(`CASE WHEN abs(amount) < ${PACKED_LIMIT} THEN CAST(amount * 100 AS DOUBLE PRECISION) * ${PACK}
          + CAST(order_date - CAST($1 AS DATE) AS DOUBLE PRECISION) END`)} AS tx`
      : `${list(`CAST(order_date - ${EPOCH} AS INTEGER)`)} AS days,
        ${list('CAST(amount * 100 AS DOUBLE PRECISION)')} AS cents`;
    const margins =
      query.measure === 'margin'
        ? `, ${list('CAST(coalesce(margin, 0) * 100 AS DOUBLE PRECISION)')} AS v`
        : '';
    // the customers and their transactions in one grouping (cheaper than a join of two): a customers row
    // has no order_date, so every FILTER and CASE on the transactions passes it by
    return db.numberColumns(
      `WITH t AS (
        SELECT customer_id, min(CASE WHEN amount >= 0 THEN order_date END) AS first_purchase,
          ${transactions}${margins},
          count(*) FILTER (WHERE ${naive} AND margin IS NULL) AS nomargin,
          max(acquired_on) AS acquired_on, max(member_since) AS member_since
        FROM (
          SELECT customer_id, order_date, amount, margin, CAST(NULL AS DATE) AS acquired_on,
            CAST(NULL AS DATE) AS member_since
          FROM transactions WHERE order_date <= CAST($3 AS DATE)
          UNION ALL
          SELECT customer_id, NULL, NULL, NULL, acquired_on, member_since FROM customers
        ) AS u
        GROUP BY customer_id
      )
      SELECT
        CAST(CASE WHEN first_purchase IS NULL THEN acquired_on WHEN acquired_on IS NULL THEN first_purchase
          WHEN acquired_on < first_purchase THEN acquired_on ELSE first_purchase END - ${EPOCH} AS INTEGER) AS since,
        CAST(member_since - ${EPOCH} AS INTEGER) AS joined, CAST(nomargin AS INTEGER) AS nomargin,
        ${packed ? 'tx' : 'days, cents'}${margins ? ', v' : ''}
      FROM t`,
      [from, query.previous.startExclusive, asOf],
    );
  };
  // days after the scan's first day must fit the 16 bits below the amount
  const packable = toEpochDay(asOf) - toEpochDay(from) < PACK;
  let columns = await read(packable);
  let lists = packable && columns[3] ? unpack(columns[3].values, toEpochDay(from)) : null;
  if (packable && lists === null) columns = await read(false); // an amount too large to pack
  // every column from the one read: another statement may hand the customers over in another order
  const [since, joined, nomargin] = columns;
  assert(since !== undefined && joined !== undefined && nomargin !== undefined, 'programme columns');
  const starts = columns[3]?.starts;
  assert(starts != null, 'programme transaction list');
  let values = columns[4];
  if (lists === null) {
    // unpacked: the scan spans 2^16 days or more, or an amount is too large to pack
    const [days, cents] = [columns[3], columns[4]];
    assert(days !== undefined && cents?.starts != null, 'programme transaction lists');
    lists = { day: days.values, amount: cents.values };
    values = columns[5];
  }
  const value = values?.values ?? lists.amount;
  assert(value.length === lists.day.length, 'programme value list');
  const sums = programmeSums(
    {
      since: since.values,
      joined: joined.values,
      starts,
      day: lists.day,
      amount: lists.amount,
      value,
      withoutMargin: nomargin.values,
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
  return sums;
}
