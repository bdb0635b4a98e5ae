/**
 * The store port: everything the app reads from and writes to a database. Each area is its own interface
 * (and its own file per adapter), so adapters grow area by area: DuckDB is the embedded default, PostgreSQL
 * the server store. The app never sees a driver type.
 */
import type { ImportPort } from './import/types';
import type { AnalyticsPort } from './analytics/types';
import type { InfoPort } from './info';
import type { SummaryPort } from './summary';

export type Backend = 'duckdb' | 'postgres';

export interface Store {
  readonly backend: Backend;
  /** where the data lives, for messages (a file path or a connection string without password) */
  readonly location: string;
  readonly imports: ImportPort;
  readonly analytics: AnalyticsPort;
  readonly meta: InfoPort;
  readonly summary: SummaryPort;
  close(): Promise<void>;
}
