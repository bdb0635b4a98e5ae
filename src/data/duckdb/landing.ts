/**
 * The DuckDB landing port: typed, validated rows into a kind's table in one transaction that deletes the
 * stored rows whose natural key appears among them, inserts them, and records the import. The tables have no
 * PRIMARY KEY (see migrations.ts), so this delete-then-insert is the upsert; a process killed anywhere inside
 * it leaves the store as it was.
 *
 * Rows read on this very connection (a file import on the DuckDB store) are copied with one statement from
 * the import's temporary table; rows from elsewhere (another reader, a test, a future server-side source)
 * are appended to a temporary table first, as text that the insert casts to the column types.
 */
import { msg } from '../../core/messages/catalogue';
import { KINDS } from '../../core/kinds';
import { TABLES } from '../sql/tables';
import type { Landed, LandingPort, TypedBatch } from '../import/types';
import type { Db } from './connection';
import { ident } from './import-sql';

let sequence = 0;

export class DuckDbLanding implements LandingPort {
  constructor(private readonly db: Db) {}

  async land(batch: TypedBatch): Promise<Landed> {
    if (batch.local && batch.local.connection === this.db) return this.write(batch, batch.local);
    const table = `cvm_landing_${process.pid}_${++sequence}`;
    const columns = batch.columns.map(ident);
    await this.db.run(`CREATE TEMP TABLE ${table} (${columns.map((c) => `${c} VARCHAR`).join(', ')})`);
    try {
      const appender = await this.db.connection.createAppender(table, 'main', 'temp');
      for await (const chunk of batch.chunks()) {
        for (const row of chunk) {
          for (const cell of row) {
            if (cell === null) appender.appendNull();
            else appender.appendVarchar(String(cell));
          }
          appender.endRow();
        }
      }
      appender.closeSync();
      const types = await this.columnTypes(batch);
      const cast = batch.columns
        .map((c) => `CAST(${ident(c)} AS ${types.get(c) ?? 'VARCHAR'}) AS ${ident(c)}`)
        .join(', ');
      const typed = `${table}_typed`;
      await this.db.run(`CREATE TEMP TABLE ${typed} AS SELECT ${cast} FROM temp.main.${table}`);
      try {
        return await this.write(batch, { table: `temp.main.${typed}`, where: 'true' });
      } finally {
        await this.db.run(`DROP TABLE IF EXISTS temp.main.${typed}`);
      }
    } finally {
      await this.db.run(`DROP TABLE IF EXISTS temp.main.${table}`);
    }
  }

  private async columnTypes(batch: TypedBatch): Promise<Map<string, string>> {
    const rows = await this.db.all<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns
       WHERE table_schema = 'main' AND table_name = ?`,
      [TABLES[batch.kind]],
    );
    return new Map(rows.map((r) => [r.column_name, r.data_type]));
  }

  private write(batch: TypedBatch, from: { table: string; where: string }): Promise<Landed> {
    const kind = KINDS[batch.kind];
    const table = TABLES[batch.kind];
    const columns = batch.columns.map(ident).join(', ');
    const key = kind.key.map(ident);
    const existing =
      key.length === 1
        ? `${key[0] ?? ''} IN (SELECT ${key[0] ?? ''} FROM ${from.table} WHERE ${from.where})`
        : `EXISTS (SELECT 1 FROM ${from.table} s WHERE (${from.where}) AND ${key
            .map((k) => `s.${k} = ${table}.${k}`)
            .join(' AND ')})`;
    const db = this.db;
    return db.transaction(async () => {
      batch.onProgress?.({
        phase: 'writing',
        fraction: 0.6,
        message: msg('progress.import.writing', { rows: batch.rows }),
      });
      const { importId } = await db.one<{ importId: number }>(
        `SELECT coalesce(max(import_id), 0) + 1 AS "importId" FROM imports`,
      );
      // imported_at is UTC wall-clock time: the log must not depend on the zone of the machine that imported.
      const now = utcNow();
      // Earlier, not undone imports of the same kind from the same source that still have rows stored.
      const earlier = await db.all<{ id: number; tagged: boolean }>(
        `SELECT import_id AS id, rows_tagged AS tagged FROM imports
         WHERE kind = ? AND source = ? AND undone_at IS NULL ORDER BY import_id`,
        [batch.kind, batch.source],
      );
      const replacedImports: Landed['replacedImports'] = [];
      if (batch.replace) {
        // Rows stored before imports were recorded on rows cannot be told apart: such imports stay.
        for (const { id } of earlier.filter((e) => e.tagged)) {
          // DuckDB answers a DELETE with one row holding the number of rows deleted.
          const { Count: rows } = await db.one<{ Count: number }>(
            `DELETE FROM ${table} WHERE import_id = ?`,
            [id],
          );
          replacedImports.push({ importId: id, rows });
        }
        await db.run(
          `UPDATE imports SET undone_at = CAST(? AS TIMESTAMP), replaced_by = ?
           WHERE kind = ? AND source = ? AND undone_at IS NULL AND rows_tagged`,
          [now, importId, batch.kind, batch.source],
        );
      }
      const { Count: replaced } = await db.one<{ Count: number }>(`DELETE FROM ${table} WHERE ${existing}`);
      // Columns the batch does not have are left to their default, NULL.
      await db.run(
        `INSERT INTO ${table} (${columns}, import_id) SELECT ${columns}, ${importId} FROM ${from.table} WHERE ${from.where}`,
      );
      await db.run(
        `INSERT INTO imports (import_id, kind, source, imported_at, rows_imported, rows_rejected, rows_tagged)
         VALUES (?, ?, ?, CAST(? AS TIMESTAMP), ?, ?, true)`,
        [importId, batch.kind, batch.source, now, batch.rows, batch.rejected],
      );
      const earlierImports = await stillStored(
        db,
        table,
        batch.replace ? earlier.filter((e) => !e.tagged) : earlier,
      );
      return { importId, replaced, replacedImports, earlierImports };
    });
  }
}

/** The ids of `imports` that still have rows in `table` (an import made before rows carried ids counts). */
async function stillStored(
  db: Db,
  table: string,
  imports: readonly { id: number; tagged: boolean }[],
): Promise<number[]> {
  if (imports.length === 0) return [];
  const tagged = imports.filter((i) => i.tagged).map((i) => i.id);
  const present =
    tagged.length === 0
      ? new Set<number>()
      : new Set(
          (
            await db.all<{ id: number }>(
              `SELECT DISTINCT import_id AS id FROM ${table} WHERE import_id IN (${tagged.join(', ')})`,
            )
          ).map((r) => r.id),
        );
  return imports.filter((i) => !i.tagged || present.has(i.id)).map((i) => i.id);
}

/** The current UTC time as `YYYY-MM-DD HH:MM:SS.mmm`, for TIMESTAMP columns of the log. */
export function utcNow(): string {
  return new Date().toISOString().replace('T', ' ').replace('Z', '');
}
