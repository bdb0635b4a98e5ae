/**
 * The store for a command, opened through the app's `withStore`, which is imported only when a command
 * runs: the database driver (DuckDB) and the XLSX reader behind it load only then, so `cvm --help` and
 * the store-free simulations start fast. Bundled, the dynamic import becomes its own chunk.
 */
import type { StoreOptions, withStore as appWithStore } from '../app/open-store';

type Work<T> = Parameters<typeof appWithStore<T>>[1];

/** Opens the configured store, runs `work` with it and always closes it. */
export async function withStore<T>(options: StoreOptions, work: Work<T>): Promise<T> {
  const { withStore: open } = await import('../app/open-store');
  return open(options, work);
}
