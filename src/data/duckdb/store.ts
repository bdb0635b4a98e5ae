/** The embedded DuckDB store: one database file (default ./cvm.duckdb), one connection. */
import type { Store } from '../store';
import { Db } from './connection';
import { DuckDbInfo } from './info';
import { DuckDbImports } from './import';
import { DuckDbAnalytics } from './analytics';
import { DuckDbSummary } from './summary';

export class DuckDbStore implements Store {
  readonly backend = 'duckdb';
  readonly imports: DuckDbImports;
  readonly analytics: DuckDbAnalytics;
  readonly meta: DuckDbInfo;
  readonly summary: DuckDbSummary;

  private constructor(readonly db: Db) {
    this.imports = new DuckDbImports(db);
    this.analytics = new DuckDbAnalytics(db);
    this.meta = new DuckDbInfo(db);
    this.summary = new DuckDbSummary(db);
  }

  get location(): string {
    return this.db.path;
  }

  /** Opens or creates the database file at `path` (":memory:" for a throw-away store). */
  static async open(path: string): Promise<DuckDbStore> {
    return new DuckDbStore(await Db.open(path));
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}
