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
  if (key.length === 1) {
    // Fast path: counting distinct keys is several times cheaper than grouping them with their rows, and
    // counting distinct hashes of the keys (numbers) cheaper again than counting the text. As many distinct
    // hashes as keys proves the keys distinct; fewer (a repeated key, or two keys with the same hash) takes
    // the exact path below, which finds the real repeats only.
    const k = key[0] ?? '';
    const { unique } = await db.one<{ unique: boolean }>(
      `SELECT count(${k}) = count(DISTINCT hash(${k})) FILTER (WHERE ${k} IS NOT NULL) AS "unique"
       FROM ${names.typed}`,
    );
    if (unique) {
      await db.run(
        `CREATE TEMP TABLE ${names.dups} (__k BIGINT, first_k BIGINT, value VARCHAR, described VARCHAR)`,
      );
      return 0;
    }
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
