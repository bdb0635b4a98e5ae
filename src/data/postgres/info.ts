/** PostgreSQL implementation of the info port. */
import { KIND_NAMES } from '../../core/kinds';
import { TABLES } from '../sql/tables';
import { DATE_COLUMNS, type ImportLogEntry, type InfoPort, type TableInfo } from '../info';
import type { PgDb } from './connection';

export class PgInfo implements InfoPort {
  constructor(private readonly db: PgDb) {}

  async tables(): Promise<TableInfo[]> {
    const out: TableInfo[] = [];
    for (const kind of KIND_NAMES) {
      const table = TABLES[kind];
      const dateColumn = DATE_COLUMNS[kind];
      const range = dateColumn
        ? `, CAST(min(${dateColumn}) AS DATE) AS first_day, CAST(max(${dateColumn}) AS DATE) AS last_day`
        : ', NULL AS first_day, NULL AS last_day';
      const row = await this.db.one<{ n: number; first_day: string | null; last_day: string | null }>(
        `SELECT count(*) AS n${range} FROM ${table}`,
      );
      out.push({ kind, table, rows: row.n, dateColumn, from: row.first_day, to: row.last_day });
    }
    return out;
  }

  async recentImports(limit: number): Promise<ImportLogEntry[]> {
    const rows = await this.db.all<{ kind: string; source: string; at: string; ok: number; bad: number }>(
      // imported_at is recorded in UTC
      `SELECT kind, source, to_char(imported_at, 'YYYY-MM-DD HH24:MI:SS') || ' UTC' AS at,
         rows_imported AS ok, rows_rejected AS bad
       FROM imports ORDER BY import_id DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({
      kind: r.kind,
      source: r.source,
      importedAt: r.at,
      rowsImported: r.ok,
      rowsRejected: r.bad,
    }));
  }

  async customersWithTransactions(): Promise<number> {
    return (await this.db.one<{ n: number }>('SELECT count(DISTINCT customer_id) AS n FROM transactions')).n;
  }
}
