/**
 * Landing the valid rows: one transaction that deletes the stored rows whose natural key appears among them,
 * inserts them, and records the import. The tables have no PRIMARY KEY (see migrations.ts), so this
 * delete-then-insert is the upsert; a process killed anywhere inside it leaves the store as it was.
 */
import type { KindSpec } from '../../core/kinds';
import type { ImportSession } from './import-session';
import { ident } from './import-sql';

export interface Landed {
  importId: number;
  /** stored rows the import replaced (same natural key) */
  replaced: number;
}

/**
 * Writes the ok rows of the session's typed table (`typedColumns`) into `kind`'s table and the `imports` log, in one
 * transaction; `rows` and `rejected` are recorded as given, `source` is the file's absolute path.
 */
export async function landRows(
  session: ImportSession,
  kind: KindSpec,
  typedColumns: readonly string[],
  source: string,
  rows: number,
  rejected: number,
): Promise<Landed> {
  const { db, names } = session;
  // Columns the file did not have are left to their default, NULL.
  const columns = typedColumns.map(ident).join(', ');
  const key = kind.key.map(ident);
  const existing =
    key.length === 1
      ? `${key[0] ?? ''} IN (SELECT ${key[0] ?? ''} FROM ${names.typed} WHERE __ok)`
      : `EXISTS (SELECT 1 FROM ${names.typed} s WHERE s.__ok AND ${key
          .map((k) => `s.${k} = ${kind.table}.${k}`)
          .join(' AND ')})`;
  return db.transaction(async () => {
    session.say('writing', 0.6, `writing ${rows} rows inside the transaction`);
    // DuckDB answers a DELETE with one row holding the number of rows deleted.
    const { Count: replaced } = await db.one<{ Count: number }>(
      `DELETE FROM ${kind.table} WHERE ${existing}`,
    );
    await session.track('writing', 0.62, 0.98, () =>
      db.run(`INSERT INTO ${kind.table} (${columns}) SELECT ${columns} FROM ${names.typed} WHERE __ok`),
    );
    const { importId } = await db.one<{ importId: number }>(
      `SELECT coalesce(max(import_id), 0) + 1 AS "importId" FROM imports`,
    );
    // imported_at is UTC wall-clock time: the log must not depend on the zone of the machine that imported.
    await db.run(`INSERT INTO imports VALUES (?, ?, ?, CAST(? AS TIMESTAMP), ?, ?)`, [
      importId,
      kind.kind,
      source,
      new Date().toISOString().replace('T', ' ').replace('Z', ''),
      rows,
      rejected,
    ]);
    return { importId, replaced };
  });
}
