/**
 * PostgreSQL implementation of the import log port (the DuckDB store's SQL with `$n` and `to_char`): the `imports` table with, per import, the rows it still
 * has in its kind's table (every row carries its `import_id`), and undoing an import.
 */
import { CvmError } from '../../core/errors';
import { msg } from '../../core/messages/catalogue';
import { KIND_NAMES, isKindName, type KindName } from '../../core/kinds';
import { TABLES } from '../sql/tables';
import type { ImportLogPort, ImportRecord, UndoneImport } from '../import/types';
import type { PgDb as Db } from './connection';

const utcNow = (): string => new Date().toISOString().replace('T', ' ').replace('Z', '');

type LogRow = {
  id: number;
  kind: string;
  source: string;
  at: string;
  ok: number;
  bad: number;
  tagged: boolean;
  ended: string | null;
  by: number | null;
};

const LOG_SQL = `SELECT import_id AS id, kind, source, to_char(imported_at, 'YYYY-MM-DD HH24:MI:SS') || ' UTC' AS at,
    rows_imported AS ok, rows_rejected AS bad, rows_tagged AS tagged,
    to_char(undone_at, 'YYYY-MM-DD HH24:MI:SS') || ' UTC' AS ended, replaced_by AS by
  FROM imports`;

export class PgImportLog implements ImportLogPort {
  constructor(private readonly db: Db) {}

  async list(): Promise<ImportRecord[]> {
    const rows = await this.db.all<LogRow>(`${LOG_SQL} ORDER BY import_id DESC`);
    const stored = new Map<number, number>();
    const kinds = new Set(rows.map((r) => r.kind));
    for (const kind of KIND_NAMES.filter((k) => kinds.has(k))) {
      const counts = await this.db.all<{ id: number; n: number }>(
        `SELECT import_id AS id, count(*) AS n FROM ${TABLES[kind]} WHERE import_id IS NOT NULL GROUP BY import_id`,
      );
      for (const c of counts) stored.set(c.id, c.n);
    }
    return rows.map((r) => record(r, r.tagged ? (stored.get(r.id) ?? 0) : null));
  }

  async undo(importId: number): Promise<UndoneImport> {
    return this.db.transaction(async () => {
      const [row] = await this.db.all<LogRow>(`${LOG_SQL} WHERE import_id = $1`, [importId]);
      if (row === undefined || !isKindName(row.kind)) {
        const { last } = await this.db.one<{ last: number | null }>(
          'SELECT max(import_id) AS last FROM imports',
        );
        throw new CvmError(
          'not-found',
          last === null
            ? msg('undo.nothing-imported', { importId })
            : msg('undo.no-such-import', { importId, last }),
        );
      }
      if (row.ended !== null)
        throw new CvmError(
          'conflict',
          row.by === null
            ? msg('undo.already-undone', { importId, ended: String(row.ended) })
            : msg('undo.already-replaced', { importId, by: row.by, ended: String(row.ended) }),
        );
      if (!row.tagged) throw new CvmError('conflict', msg('undo.untracked', { importId }));
      const kind: KindName = row.kind;
      await this.db.run('LOCK TABLE imports IN SHARE ROW EXCLUSIVE MODE');
      const removed = await this.db.count(`DELETE FROM ${TABLES[kind]} WHERE import_id = $1`, [importId]);
      await this.db.run(`UPDATE imports SET undone_at = CAST($1 AS TIMESTAMP) WHERE import_id = $2`, [
        utcNow(),
        importId,
      ]);
      return { importId, kind, source: row.source, rowsRemoved: removed };
    });
  }
}

function record(row: LogRow, rowsStored: number | null): ImportRecord {
  return {
    importId: row.id,
    kind: row.kind as KindName,
    source: row.source,
    importedAt: row.at,
    rowsImported: row.ok,
    rowsRejected: row.bad,
    rowsStored,
    state: row.ended === null ? 'active' : row.by === null ? 'undone' : 'replaced',
    endedAt: row.ended,
    replacedBy: row.by,
  };
}
