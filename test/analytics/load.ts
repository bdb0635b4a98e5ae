/**
 * Test stores: an in-memory DuckDB store filled with a transaction log, either from a large generated log
 * (written to a temporary CSV file and loaded by DuckDB's reader in one statement) or from a few rows given
 * inline. The import pipeline is not used: these tests are about the analytics.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbStore } from '../../src/data/duckdb/store';
import { toCsv, type FixtureTransaction } from './seed-002';

/** A store holding `rows`: in memory, or in the database file `path`. */
export async function storeWithLog(
  rows: readonly FixtureTransaction[],
  path = ':memory:',
): Promise<DuckDbStore> {
  const store = await DuckDbStore.open(path);
  const dir = mkdtempSync(join(tmpdir(), 'cvm-analytics-'));
  try {
    const file = join(dir, 'transactions.csv');
    writeFileSync(file, toCsv(rows));
    await store.db.run(
      `INSERT INTO transactions (order_id, customer_id, order_date, amount)
       SELECT order_id, customer_id, order_date, amount
       FROM read_csv(?, header = true, columns = {
         'order_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'order_date': 'DATE', 'amount': 'DECIMAL(18,2)'})`,
      [file],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return store;
}

/** One hand-written transaction: customer, ISO day, amount (major units), optional margin. */
export type Row = readonly [customer: string, day: string, amount: number, margin?: number | null];

/** An in-memory store holding a few (up to some thousands) hand-written transactions. */
export async function storeWith(rows: readonly Row[]): Promise<DuckDbStore> {
  const store = await DuckDbStore.open(':memory:');
  for (let from = 0; from < rows.length; from += 1_000) {
    const chunk = rows.slice(from, from + 1_000);
    await store.db.run(
      `INSERT INTO transactions (order_id, customer_id, order_date, amount, margin) VALUES ${chunk
        .map(() => '(?, ?, CAST(? AS DATE), CAST(? AS DECIMAL(18,2)), CAST(? AS DECIMAL(18,2)))')
        .join(', ')}`,
      chunk.flatMap(([customer, day, amount, margin], i) => [
        `o${from + i + 1}`,
        customer,
        day,
        String(amount),
        margin === undefined || margin === null ? null : String(margin),
      ]),
    );
  }
  return store;
}
