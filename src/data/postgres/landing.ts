/**
 * The PostgreSQL landing port: typed, validated rows of a kind into its table in one transaction. The rows
 * stream with `COPY … FROM STDIN` into a temporary table shaped like the kind's table (the server parses
 * and types them there), then, holding the table's write lock, the stored rows with the same natural key
 * are deleted, the new ones inserted and the import logged, and the transaction commits.
 *
 * Concurrency: the locks (`SHARE ROW EXCLUSIVE` on the import log and on the kind's table) conflict with
 * themselves and with every other writer but not with readers, so two imports write one after the other
 * (the second replaces what the first landed: every key once) while reports keep reading the last
 * committed state; a reader never sees an import half-landed. The COPY, the slow part, runs before the
 * locks are taken, so concurrent imports stream their rows in parallel.
 *
 * Rows of a file import sit in the import's DuckDB table (`batch.local`): DuckDB writes them as one CSV
 * file (its parallel writer, no JavaScript value per cell) that streams into `COPY … (FORMAT csv)`, where an
 * unquoted empty field is NULL and a quoted one an empty text. Rows from elsewhere stream as COPY text.
 */
import { msg } from '../../core/messages/catalogue';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KINDS } from '../../core/kinds';
import { Db } from '../duckdb/connection';
import { TABLES } from '../sql/tables';
import type { Cell, Landed, LandingPort, TypedBatch } from '../import/types';
import type { PgDb } from './connection';

/** A quoted identifier. */
function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** One cell in COPY's text format: `\N` for NULL, backslash escapes for the characters that delimit. */
export function copyText(cell: Cell): string {
  if (cell === null) return '\\N';
  if (typeof cell === 'boolean') return cell ? 't' : 'f';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new Error(`internal error: ${cell} in a typed row`);
    return String(cell);
  }
  return cell.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** The batch's rows as COPY text, a chunk of rows per string. */
async function* copyLines(batch: TypedBatch): AsyncIterable<string> {
  for await (const chunk of batch.chunks()) {
    let text = '';
    for (const row of chunk) text += row.map(copyText).join('\t') + '\n';
    if (text !== '') yield text;
  }
}

let sequence = 0;

/** The DuckDB connection and table a batch's rows were read into, when there is one. */
function localRows(batch: TypedBatch): { db: Db; table: string; where: string } | null {
  const local = batch.local;
  return local && local.connection instanceof Db
    ? { db: local.connection, table: local.table, where: local.where }
    : null;
}

export class PgLanding implements LandingPort {
  constructor(private readonly db: PgDb) {}

  /** COPYs the batch's rows into `target` (a table and its column list). */
  private async copy(batch: TypedBatch, target: string): Promise<void> {
    const local = localRows(batch);
    if (!local) {
      await this.db.copyIn(`COPY ${target} FROM STDIN`, copyLines(batch));
      return;
    }
    const dir = await mkdtemp(join(tmpdir(), 'cvm-landing-'));
    try {
      const file = join(dir, 'rows.csv');
      const list = batch.columns.map(ident).join(', ');
      await local.db.run(
        `COPY (SELECT ${list} FROM ${local.table} WHERE ${local.where}) TO '${file.replace(/'/g, "''")}'
         (FORMAT csv, HEADER false)`,
      );
      await this.db.copyIn(`COPY ${target} FROM STDIN (FORMAT csv)`, createReadStream(file));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  land(batch: TypedBatch): Promise<Landed> {
    const kind = KINDS[batch.kind];
    const table = TABLES[batch.kind];
    const columns = batch.columns.map(ident).join(', ');
    const staging = `cvm_landing_${++sequence}`;
    const db = this.db;
    return db.transaction(async () => {
      batch.onProgress?.({
        phase: 'writing',
        fraction: 0.6,
        message: msg('progress.import.writing', { rows: batch.rows }),
      });
      await db.run(`CREATE TEMP TABLE ${staging} (LIKE ${table}) ON COMMIT DROP`);
      await this.copy(batch, `${staging} (${columns})`);
      // The import log first, then the kind's table: every landing takes the locks in this order, so two
      // transactions that land several kinds (the demo) never wait on each other in a circle.
      await db.run('LOCK TABLE imports IN SHARE ROW EXCLUSIVE MODE');
      await db.run(`LOCK TABLE ${table} IN SHARE ROW EXCLUSIVE MODE`);
      // The import log's lock makes the next id unique.
      const { importId } = await db.one<{ importId: number }>(
        `SELECT coalesce(max(import_id), 0) + 1 AS "importId" FROM imports`,
      );
      // imported_at is UTC wall-clock time, as on the DuckDB store.
      const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
      // Earlier, not undone imports of the same kind from the same source.
      const earlier = await db.all<{ id: number; tagged: boolean }>(
        `SELECT import_id AS id, rows_tagged AS tagged FROM imports
         WHERE kind = $1 AND source = $2 AND undone_at IS NULL ORDER BY import_id`,
        [batch.kind, batch.source],
      );
      const replacedImports: Landed['replacedImports'] = [];
      if (batch.replace) {
        // Rows stored before imports were recorded on rows cannot be told apart: such imports stay.
        for (const { id } of earlier.filter((e) => e.tagged)) {
          const rows = await db.count(`DELETE FROM ${table} WHERE import_id = $1`, [id]);
          replacedImports.push({ importId: id, rows });
        }
        await db.run(
          `UPDATE imports SET undone_at = CAST($1 AS TIMESTAMP), replaced_by = $2
           WHERE kind = $3 AND source = $4 AND undone_at IS NULL AND rows_tagged`,
          [now, importId, batch.kind, batch.source],
        );
      }
      const replaced = await db.count(
        `DELETE FROM ${table} t USING ${staging} s WHERE ${kind.key
          .map((k) => `t.${ident(k)} = s.${ident(k)}`)
          .join(' AND ')}`,
      );
      // Columns the batch does not have are left to their default, NULL.
      await db.run(
        `INSERT INTO ${table} (${columns}, import_id) SELECT ${columns}, ${importId} FROM ${staging}`,
      );
      await db.run(
        `INSERT INTO imports (import_id, kind, source, imported_at, rows_imported, rows_rejected, rows_tagged)
         VALUES ($1, $2, $3, CAST($4 AS TIMESTAMP), $5, $6, true)`,
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
  db: PgDb,
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
              `SELECT DISTINCT import_id AS id FROM ${table} WHERE import_id = ANY($1::INTEGER[])`,
              [`{${tagged.join(',')}}`],
            )
          ).map((r) => r.id),
        );
  return imports.filter((i) => !i.tagged || present.has(i.id)).map((i) => i.id);
}
