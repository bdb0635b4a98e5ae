/** Opens the configured store: `--db FILE`, else $CVM_DB, else ./cvm.duckdb. */
import type { Store } from '../data/store';
import { DuckDbStore } from '../data/duckdb/store';

export const DEFAULT_DB = 'cvm.duckdb';

export interface StoreOptions {
  /** database file; ":memory:" for a throw-away store */
  db?: string | undefined;
}

/** The database path the options and environment select. */
export function resolveDbPath(options: StoreOptions, env: NodeJS.ProcessEnv = process.env): string {
  return options.db ?? env.CVM_DB ?? DEFAULT_DB;
}

export async function openStore(options: StoreOptions = {}): Promise<Store> {
  return DuckDbStore.open(resolveDbPath(options));
}

/** Opens a store, runs `work` with it and always closes it. */
export async function withStore<T>(options: StoreOptions, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(options);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
