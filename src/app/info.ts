/** The `cvm info` use case: what is loaded, and the latest imports. */
import type { ImportLogEntry, TableInfo } from '../data/info';
import type { StoreUnit } from '../data/store';

export interface InfoReport {
  /** the database, as the store names it */
  location: string;
  /** one entry per kind: rows and the range of its main date column */
  tables: TableInfo[];
  /** distinct customers with at least one transaction */
  customersWithTransactions: number;
  /** newest first */
  recentImports: ImportLogEntry[];
}

/** Default number of imports listed. */
export const RECENT_IMPORTS = 10;

export async function getInfo(store: StoreUnit, recent = RECENT_IMPORTS): Promise<InfoReport> {
  return {
    location: store.location,
    tables: await store.meta.tables(),
    customersWithTransactions: await store.meta.customersWithTransactions(),
    recentImports: await store.meta.recentImports(recent),
  };
}
