/**
 * The embedded DuckDB store: one database file (default ./cvm.duckdb) or `:memory:`. Each unit of work gets
 * a connection of its own, closed when the unit is done; DuckDB serialises writers across connections.
 */
import { SqlCustomers } from './customer';
import type { Store, StoreUnit } from '../store';
import { DuckDbKeyAccounts } from './accounts';
import { DuckDbDatabase, type Db } from './connection';
import { DuckDbAnalytics } from './analytics';
import { DuckDbContracts } from './contracts';
import { DuckDbImports } from './import';
import { DuckDbImportLog } from './import-log';
import { DuckDbInfo } from './info';
import { SqlKpi } from './kpi';
import { DuckDbLanding } from './landing';
import { DuckDbService } from './service';
import { DuckDbModels } from './models';
import { DuckDbStrategy } from './strategy';
import { DuckDbSummary } from './summary';
import { DuckDbUsers } from './users';

/** The ports of one unit of work on one connection. */
export class DuckDbUnit implements StoreUnit {
  readonly imports: DuckDbImports;
  readonly landing: DuckDbLanding;
  readonly importLog: DuckDbImportLog;
  readonly analytics: DuckDbAnalytics;
  readonly meta: DuckDbInfo;
  readonly summary: DuckDbSummary;
  readonly service: DuckDbService;
  readonly accounts: DuckDbKeyAccounts;
  readonly models: DuckDbModels;
  readonly kpi: SqlKpi;
  readonly users: DuckDbUsers;
  readonly contracts: DuckDbContracts;
  readonly strategy: DuckDbStrategy;
  readonly customers: SqlCustomers;

  get location(): string {
    return this.db.path;
  }

  atomically<T>(work: () => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  constructor(readonly db: Db) {
    this.landing = new DuckDbLanding(db);
    this.importLog = new DuckDbImportLog(db);
    this.imports = new DuckDbImports(db, this.landing);
    this.analytics = new DuckDbAnalytics(db);
    this.meta = new DuckDbInfo(db);
    this.summary = new DuckDbSummary(db);
    this.service = new DuckDbService(db);
    this.accounts = new DuckDbKeyAccounts(db);
    this.models = new DuckDbModels(db);
    this.kpi = new SqlKpi(db);
    this.users = new DuckDbUsers(db);
    this.contracts = new DuckDbContracts(db);
    this.strategy = new DuckDbStrategy(db);
    this.customers = new SqlCustomers(db);
  }
}

export class DuckDbStore implements Store {
  readonly backend = 'duckdb';

  private constructor(readonly database: DuckDbDatabase) {}

  get location(): string {
    return this.database.path;
  }

  /** Opens or creates the database file at `path` (":memory:" for a throw-away store). */
  static async open(path: string): Promise<DuckDbStore> {
    return new DuckDbStore(await DuckDbDatabase.open(path));
  }

  async unit<T>(work: (unit: DuckDbUnit) => Promise<T>): Promise<T> {
    const db = await this.database.connect();
    try {
      return await work(new DuckDbUnit(db));
    } finally {
      db.close();
    }
  }

  close(): Promise<void> {
    this.database.close();
    return Promise.resolve();
  }
}
