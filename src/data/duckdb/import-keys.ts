/**
 * Natural keys of an import: the derived key of transactions that come without an order id, and the
 * duplicate check within the file (the first occurrence of a key lands, later ones are rejected).
 *
 * Derived order key (docs/import.md): `'h:' || md5(customer_id|order_date|amount|margin|product_line|channel|n)`
 * over the typed values (order_date as YYYY-MM-DD, money with two decimals, empty text for a missing value)
 * where n is 1 for the first identical row in the file, 2 for the second, and so on. Re-importing the same
 * file, or a file overlapping an earlier one, therefore yields the same keys and replaces instead of adding.
 */
import type { KindSpec } from '../../core/kinds';
import type { Db } from './connection';
import type { ImportSession } from './import-session';
import { ident } from './import-sql';

const DERIVED_FROM = ['customer_id', 'order_date', 'amount', 'margin', 'product_line', 'channel'] as const;

/** Gives valid transactions without an order id their derived key; returns how many got one. */
export async function deriveOrderKeys(
  session: ImportSession,
  kind: KindSpec,
  columns: readonly string[],
): Promise<number> {
  if (kind.kind !== 'transactions') return 0;
  const { db, names } = session;
  const { missing } = await db.one<{ missing: number }>(
    `SELECT count(*) AS missing FROM ${names.typed} WHERE order_id IS NULL AND __ok`,
  );
  if (missing === 0) return 0;
  // Columns the file does not have count as empty, so adding an empty column later changes no key.
  const present = DERIVED_FROM.filter((c) => columns.includes(c));
  const parts = DERIVED_FROM.map((c) =>
    present.includes(c) ? `coalesce(CAST(${ident(c)} AS VARCHAR), '')` : `''`,
  );
  const partition = present.map(ident).join(', ');
  await db.run(
    `UPDATE ${names.typed} SET order_id = derived.key FROM (
       SELECT rowid AS id, 'h:' || md5(concat_ws('|', ${parts.join(', ')},
         CAST(row_number() OVER (PARTITION BY ${partition} ORDER BY rowid) AS VARCHAR))) AS key
       FROM ${names.typed} WHERE order_id IS NULL AND __ok) derived
     WHERE ${names.typed}.rowid = derived.id`,
  );
  return missing;
}

/**
 * Finds rows whose key repeats an earlier row's key (rows with a bad or missing key part are left to their
 * own problem), records them in the session's dups table with the key as the reason shows it (its value
 * quoted, or each part named and quoted), and marks them not ok.
 * Returns the number of duplicate rows.
 */
export async function markDuplicates(session: ImportSession, kind: KindSpec): Promise<number> {
  const { db, names } = session;
  const key = kind.key.map(ident);
  if (key.length === 1 && (await keysDistinct(db, names.typed, key[0] ?? ''))) {
    await db.run(
      `CREATE TEMP TABLE ${names.dups} (__k BIGINT, first_k BIGINT, value VARCHAR, described VARCHAR)`,
    );
    return 0;
  }
  const complete = key.map((k) => `${k} IS NOT NULL`).join(' AND ');
  const described =
    kind.key.length === 1
      ? `cvm_quote(CAST(${key[0] ?? ''} AS VARCHAR))`
      : kind.key.map((k) => `'${k} ' || cvm_quote(CAST(${ident(k)} AS VARCHAR))`).join(` || ', ' || `);
  const value =
    kind.key.length === 1
      ? `CAST(${key[0] ?? ''} AS VARCHAR)`
      : `concat_ws(', ', ${key.map((k) => `CAST(${k} AS VARCHAR)`).join(', ')})`;
  await db.run(
    `CREATE TEMP TABLE ${names.dups} AS
     WITH repeated AS (
       SELECT ${key.join(', ')} FROM ${names.typed} WHERE ${complete} GROUP BY ALL HAVING count(*) > 1),
     ranked AS (
       SELECT t.*, t.rowid + 1 AS __k, min(t.rowid + 1) OVER (PARTITION BY ${key.map((k) => `t.${k}`).join(', ')}) AS first_k
       FROM ${names.typed} t JOIN repeated USING (${key.join(', ')}))
     SELECT __k, first_k, ${value} AS value, ${described} AS described FROM ranked WHERE __k > first_k`,
  );
  const { count } = await db.one<{ count: number }>(`SELECT count(*) AS count FROM ${names.dups}`);
  if (count > 0)
    await db.run(`UPDATE ${names.typed} SET __ok = false WHERE rowid + 1 IN (SELECT __k FROM ${names.dups})`);
  return count;
}

/**
 * Whole-number keys spread over at most this many times as many values as there are keys (and at most
 * MAX_BITMAP_BITS values) are checked with a bitmap of the range.
 */
const BITMAP_SPREAD = 64;
const MAX_BITMAP_BITS = 2 ** 28;

/**
 * True when the non-null values of column `key` of `table` are proven distinct; false when some may repeat
 * (then the exact path finds the real repeats, so a false alarm costs time, never a row). Two cheap proofs,
 * both several times cheaper than grouping the keys:
 * - keys that all read as whole numbers (order numbers, receipt numbers) set one bit each in a bitmap of
 *   their range (DuckDB's bitstring_agg): as many bits set as keys proves the numbers distinct, and so the
 *   keys (one text gives one number; `7` and `07` give the same number and take the exact path);
 * - other keys: their 64-bit hashes sorted, no two neighbours equal (sorting numbers is cheaper than
 *   grouping ten million of them in a hash table: docs/import.md).
 */
export async function keysDistinct(db: Db, table: string, key: string): Promise<boolean> {
  const whole = `TRY_CAST(${key} AS BIGINT)`;
  const range = await db.one<{
    n: number;
    whole: number;
    spread: number | null;
    lo: string | null;
    hi: string | null;
  }>(
    `SELECT count(${key}) AS n, count(${whole}) AS whole,
       CAST(max(${whole}) AS HUGEINT) - min(${whole}) + 1 AS spread,
       CAST(min(${whole}) AS VARCHAR) AS lo, CAST(max(${whole}) AS VARCHAR) AS hi
     FROM ${table}`,
  );
  if (range.n <= 1) return true;
  if (
    range.whole === range.n &&
    range.spread !== null &&
    range.spread <= Math.min(MAX_BITMAP_BITS, BITMAP_SPREAD * range.n)
  ) {
    const { bits } = await db.one<{ bits: number }>(
      `SELECT bit_count(bitstring_agg(${whole}, ${range.lo ?? '0'}, ${range.hi ?? '0'})) AS bits
       FROM ${table} WHERE ${key} IS NOT NULL`,
    );
    return bits === range.n;
  }
  const { repeats } = await db.one<{ repeats: number }>(
    `SELECT count(*) FILTER (WHERE h = previous) AS repeats
     FROM (SELECT h, lag(h) OVER (ORDER BY h) AS previous
           FROM (SELECT hash(${key}) AS h FROM ${table} WHERE ${key} IS NOT NULL))`,
  );
  return repeats === 0;
}
