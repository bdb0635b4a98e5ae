/**
 * Test stores for the conformance suite: a store opened by the backend's `open`, filled through the store
 * port (the landing port, as an import lands its rows), and one unit of work held open for the test's
 * queries. Nothing here reaches past the port, so the same fixtures run on every backend.
 */
import type { Cell } from '../../src/data/import/types';
import type { AnalyticsPort } from '../../src/data/analytics/types';
import type { Store, StoreUnit } from '../../src/data/store';
import type { KindName } from '../../src/core/kinds';
import type { FixtureTransaction } from './seed-002-fixture';

/** Opens a new, empty store of the backend under test. */
export type OpenStore = () => Promise<Store>;

/** A store with one unit of work held open until `close`. */
export interface TestStore {
  store: Store;
  unit: StoreUnit;
  analytics: AnalyticsPort;
  /** lands rows of a kind through the landing port (one import) */
  land(kind: KindName, columns: readonly string[], rows: readonly (readonly Cell[])[]): Promise<void>;
  close(): Promise<void>;
}

/** Opens a store and holds one unit of work open on it. */
export async function openTestStore(open: OpenStore): Promise<TestStore> {
  const store = await open();
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held!: (unit: StoreUnit) => void;
  const unitReady = new Promise<StoreUnit>((resolve) => (held = resolve));
  const finished = store.unit(async (unit) => {
    held(unit);
    await released;
  });
  const unit = await unitReady;
  return {
    store,
    unit,
    analytics: unit.analytics,
    land: async (kind, columns, rows) => {
      await landRows(unit, kind, columns, rows);
    },
    close: async () => {
      release();
      await finished;
      await store.close();
    },
  };
}

const CHUNK = 50_000;

/** Lands `rows` of `kind` through the unit's landing port. */
export async function landRows(
  unit: StoreUnit,
  kind: KindName,
  columns: readonly string[],
  rows: readonly (readonly Cell[])[],
): Promise<void> {
  await unit.landing.land({
    kind,
    columns,
    source: `test:${kind}`,
    rows: rows.length,
    rejected: 0,
    chunks: async function* () {
      for (let from = 0; from < rows.length; from += CHUNK) {
        await Promise.resolve();
        yield rows.slice(from, from + CHUNK);
      }
    },
  });
}

/** Money in öre as the decimal text a store keeps (two decimals). */
export function oreText(ore: number): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A store holding a generated transaction log (the seed 002 fixture). */
export async function storeWithLog(open: OpenStore, rows: readonly FixtureTransaction[]): Promise<TestStore> {
  const s = await openTestStore(open);
  await s.land(
    'transactions',
    ['order_id', 'customer_id', 'order_date', 'amount'],
    rows.map((r) => [r.orderId, r.customerId, r.orderDate, oreText(r.amountOre)]),
  );
  return s;
}

/** One hand-written transaction: customer, ISO day, amount (major units), optional margin. */
export type Row = readonly [customer: string, day: string, amount: number, margin?: number | null];

/** A store holding a few (up to some thousands) hand-written transactions, order ids o1, o2, …. */
export async function storeWith(open: OpenStore, rows: readonly Row[]): Promise<TestStore> {
  const s = await openTestStore(open);
  if (rows.length > 0)
    await s.land(
      'transactions',
      ['order_id', 'customer_id', 'order_date', 'amount', 'margin'],
      rows.map(([customer, day, amount, margin], i) => [
        `o${i + 1}`,
        customer,
        day,
        String(amount),
        margin === undefined || margin === null ? null : String(margin),
      ]),
    );
  return s;
}
