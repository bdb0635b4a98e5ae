/**
 * The PostgreSQL store (`postgres://user@host:port/database`, optionally `?schema=NAME`): a connection pool;
 * each unit of work holds one pooled connection until it is done, so concurrent requests never share a
 * transaction. Files are read, typed and validated on a throw-away in-memory DuckDB database (the import
 * seam), and the valid rows land here through `PgLanding` with COPY.
 */
import { SqlCustomers } from '../duckdb/customer';
import type { ImportPort, ImportRequest, ImportResult } from '../import/types';
import type { Store, StoreUnit } from '../store';
import { Db } from '../duckdb/connection';
import { DuckDbImports } from '../duckdb/import';
import { PgKeyAccounts } from './accounts';
import { PgAnalytics } from './analytics';
import { PgDatabase, type PgDb } from './connection';
import { PgInfo } from './info';
import { SqlKpi } from '../duckdb/kpi';
import { POSTGRES_DIALECT } from '../sql/dialect';
import { PgLanding } from './landing';
import { PgModels } from './models';
import { PgService } from './service';
import { PgSummary } from './summary';
import { PgUsers } from './users';
import { PgImportLog } from './import-log';
import { PgStrategy } from './strategy';
import { DuckDbContracts } from '../duckdb/contracts';

/** The import port of a PostgreSQL unit: each file is read on an in-memory DuckDB database of its own. */
class PgImports implements ImportPort {
  constructor(private readonly landing: PgLanding) {}

  async importFile(request: ImportRequest): Promise<ImportResult> {
    const reader = await Db.open(':memory:');
    try {
      return await new DuckDbImports(reader, this.landing).importFile(request);
    } finally {
      reader.close();
    }
  }
}

/** The ports of one unit of work on one pooled connection. */
export class PgUnit implements StoreUnit {
  readonly imports: PgImports;
  readonly landing: PgLanding;
  readonly analytics: PgAnalytics;
  readonly meta: PgInfo;
  readonly summary: PgSummary;
  readonly service: PgService;
  readonly accounts: PgKeyAccounts;
  readonly models: PgModels;
  readonly kpi: SqlKpi;
  readonly users: PgUsers;
  readonly importLog: PgImportLog;
  /** the contracts SQL is portable: the DuckDB store's queries run here as written */
  readonly contracts: DuckDbContracts;
  readonly strategy: PgStrategy;
  /** the customer SQL is portable too */
  readonly customers: SqlCustomers;

  get location(): string {
    return this.db.location;
  }

  atomically<T>(work: () => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  constructor(readonly db: PgDb) {
    this.landing = new PgLanding(db);
    this.imports = new PgImports(this.landing);
    this.analytics = new PgAnalytics(db);
    this.meta = new PgInfo(db);
    this.summary = new PgSummary(db);
    this.service = new PgService(db);
    this.accounts = new PgKeyAccounts(db);
    this.models = new PgModels(db);
    this.kpi = new SqlKpi(db, POSTGRES_DIALECT);
    this.users = new PgUsers(db);
    this.importLog = new PgImportLog(db);
    this.contracts = new DuckDbContracts(db);
    this.strategy = new PgStrategy(db);
    this.customers = new SqlCustomers(db);
  }
}

export class PgStore implements Store {
  readonly backend = 'postgres';

  private constructor(readonly database: PgDatabase) {}

  get location(): string {
    return this.database.location;
  }

  /** Connects to the server at `location` and brings the schema up to date. */
  static async open(location: string): Promise<PgStore> {
    return new PgStore(await PgDatabase.open(location));
  }

  unit<T>(work: (unit: PgUnit) => Promise<T>): Promise<T> {
    return this.database.withClient((db) => work(new PgUnit(db)));
  }

  close(): Promise<void> {
    return this.database.close();
  }
}
