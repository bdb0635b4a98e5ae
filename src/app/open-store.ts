/**
 * The one place that chooses a backend: the composition root every face (CLI, server) calls. A location is
 * a file path or `duckdb:PATH` (embedded DuckDB; `:memory:` for a throw-away store) or a `postgres://` URL
 * (the server store; `?schema=NAME` keeps CVM's tables in a schema of their own). The face decides where the location comes from (an option, the
 * environment, a default); the app only ever receives a `Store`.
 */
import { existsSync } from 'node:fs';
import { CvmError } from '../core/errors';
import type { Store, StoreUnit } from '../data/store';
import { DuckDbStore } from '../data/duckdb/store';
import { PgStore } from '../data/postgres/store';
import { msg } from '../core/messages/catalogue';

/** How a store is opened: `create` false refuses a database that does not exist yet (reading commands). */
export interface OpenOptions {
  create?: boolean;
}

/**
 * Opens the store at `location`; creates an embedded database file only when `create` is not false (a
 * PostgreSQL database must exist; CVM creates its tables, and the schema a `?schema=` names).
 */
export async function openStore(location: string, options: OpenOptions = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(location)) return PgStore.open(location);
  const path = location.startsWith('duckdb:') ? location.slice('duckdb:'.length) : location;
  if (options.create === false && path !== '' && path !== ':memory:' && !existsSync(path))
    throw new CvmError('not-found', msg('store.no-database', { path }));
  return DuckDbStore.open(path === '' ? ':memory:' : path);
}

/** Opens the store at `location`, runs `work` on one unit of work and always closes the store. */
export async function withUnit<T>(
  location: string,
  work: (unit: StoreUnit, store: Store) => Promise<T>,
  options: OpenOptions = {},
): Promise<T> {
  const store = await openStore(location, options);
  try {
    return await store.unit((unit) => work(unit, store));
  } finally {
    await store.close();
  }
}
