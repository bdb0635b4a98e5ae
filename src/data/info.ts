/** What is loaded: rows per table and the date range each covers (`cvm info`). */
import type { KindName } from '../core/kinds';

export interface TableInfo {
  kind: KindName;
  table: string;
  rows: number;
  /** the table's main date column, or null for tables without one */
  dateColumn: string | null;
  /** earliest and latest value of that column (ISO day), null when the table is empty or has no date */
  from: string | null;
  to: string | null;
}

export interface ImportLogEntry {
  kind: string;
  source: string;
  /** "YYYY-MM-DD HH:MM:SS UTC" */
  importedAt: string;
  rowsImported: number;
  rowsRejected: number;
}

export interface InfoPort {
  tables(): Promise<TableInfo[]>;
  /** the most recent imports, newest first */
  recentImports(limit: number): Promise<ImportLogEntry[]>;
  /** number of distinct customers with at least one transaction */
  customersWithTransactions(): Promise<number>;
}

/** The date column summarised per kind by `cvm info`. */
export const DATE_COLUMNS: Readonly<Record<KindName, string | null>> = {
  customers: 'acquired_on',
  transactions: 'order_date',
  contracts: 'start_date',
  complaints: 'opened_at',
  surveys: 'answered_on',
  accounts: null,
  assessments: 'assessed_on',
  forecasts: null,
  renewals: 'due_on',
  invoices: 'issued_on',
};
