/**
 * SQL building blocks shared by the analytics queries. Window bounds are always bound as parameters
 * (`CAST(? AS DATE)`); only integers computed by core (tier cut-offs, positions) are inlined, after a check.
 *
 * Staging: a report that must count customers before it can rank them (the tier cut-offs depend on the
 * count) first aggregates the transactions per customer into a connection-local TEMP table, so the big
 * scan runs once; the table is dropped when the report is done, whatever happens.
 */
import type { Window } from '../../../core/dates';
import { assert } from '../../../core/errors';
import type { ValueMeasure } from '../../../core/kpi/basis';
import type { SqlParam as Param, SqlRunner as Db } from '../../sql/runner';

/** The per-transaction value that ranks customers. A missing margin counts as 0. */
export function valueColumn(measure: ValueMeasure): string {
  return measure === 'margin' ? 'coalesce(margin, 0)' : 'amount';
}

/**
 * The condition "`column` lies in the window whose bounds are the numbered parameters `$start` and
 * `$start + 1`" (start exclusive, end inclusive), and the two parameter values.
 */
export function inWindowSql(
  start: number,
  window: Window,
  column = 'order_date',
): { sql: string; params: Param[] } {
  return {
    sql: `(${column} > CAST($${start} AS DATE) AND ${column} <= CAST($${start + 1} AS DATE))`,
    params: [window.startExclusive, window.endInclusive],
  };
}

/** An integer computed by core, checked before it is inlined into SQL text. */
export function int(n: number): string {
  assert(Number.isSafeInteger(n), `not an integer for SQL: ${n}`);
  return String(n);
}

/**
 * `CASE` expression giving the tier index (0 = highest) of a competition rank: the first tier whose
 * cumulative cut-off is ≥ the rank (core `tierOfRank`); NULL when the rank is NULL (not active).
 */
export function tierCaseSql(rank: string, cutoffs: readonly number[]): string {
  const whens = cutoffs.slice(0, -1).map((cutoff, i) => `WHEN ${rank} <= ${int(cutoff)} THEN ${i}`);
  return `CASE WHEN ${rank} IS NULL THEN NULL ${whens.join(' ')} ELSE ${int(cutoffs.length - 1)} END`;
}

let staged = 0;

/** Runs `work` with a TEMP table created from `select`, dropping the table afterwards. */
export async function withStagedTable<T>(
  db: Db,
  select: string,
  params: readonly Param[],
  work: (table: string) => Promise<T>,
): Promise<T> {
  staged += 1;
  const table = `cvm_stage_${staged}`;
  await db.run(`CREATE TEMP TABLE ${table} AS ${select}`, params);
  try {
    return await work(table);
  } finally {
    await db.run(`DROP TABLE IF EXISTS ${table}`);
  }
}
