/**
 * The store port: everything the app reads from and writes to a database. A `Store` is long-lived (a CLI
 * run, a server's lifetime) and hands out units of work: each unit has a connection of its own, so two HTTP
 * requests never share a transaction, and a report's queries all see the same data. Each area of a unit is
 * its own interface (and its own file per adapter), so adapters grow area by area: DuckDB is the embedded
 * default, PostgreSQL the server store. The app never sees a driver type.
 */
import type { KeyAccountsPort } from './accounts/types';
import type { AnalyticsPort } from './analytics/types';
import type { ContractsPort } from './contracts/types';
import type { CustomerPort } from './customers/types';
import type { InfoPort } from './info';
import type { ModelsPort } from './models/types';
import type { ImportLogPort, ImportPort, LandingPort } from './import/types';
import type { KpiPort } from './kpi/types';
import type { ServicePort } from './service/types';
import type { StrategyPort } from './strategy/types';
import type { SummaryPort } from './summary';
import type { UsersPort } from './users/types';

export type Backend = 'duckdb' | 'postgres';

/** One unit of work: the ports, on one connection of the store. */
export interface StoreUnit {
  /** the store's location, for messages */
  readonly location: string;
  /** reads, checks and lands files (the reading runs on embedded DuckDB whatever the backend) */
  readonly imports: ImportPort;
  /** the backend's part of an import: typed, validated rows into a kind's table, in one transaction */
  readonly landing: LandingPort;
  /** the import log, and undoing an import */
  readonly importLog: ImportLogPort;
  readonly analytics: AnalyticsPort;
  readonly meta: InfoPort;
  readonly summary: SummaryPort;
  /**
   * Runs `work` as one transaction: every landing and clearing inside it commits together or not at all
   * (the demo loads all its kinds this way, so an interrupted build leaves the store as it was).
   */
  atomically<T>(work: () => Promise<T>): Promise<T>;
  /** complaints and survey answers for the service and satisfaction reports */
  readonly service: ServicePort;
  /** key accounts: assessments, forecasts, renewals */
  readonly accounts: KeyAccountsPort;
  /** per-customer purchase summaries for the buy-till-you-die models */
  readonly models: ModelsPort;
  /** the KPI board: targets and value snapshots */
  readonly kpi: KpiPort;
  /** users, sessions, the audit log and the data version (the HTTP API's state) */
  readonly users: UsersPort;
  /** contracts: holdings, tiers, movement and product lines of the contract customers */
  readonly contracts: ContractsPort;
  /** customer strategy: per-customer states for segments, lifecycle and actions; the exported-action log */
  readonly strategy: StrategyPort;
  /** one customer's rows and standing, for the customer page; customer id search */
  readonly customers: CustomerPort;
}

export interface Store {
  readonly backend: Backend;
  /** where the data lives, for messages (a file path or a connection string without password) */
  readonly location: string;
  /** Runs `work` on a unit of work of its own, released when `work` settles. */
  unit<T>(work: (unit: StoreUnit) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
