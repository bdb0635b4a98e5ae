/**
 * Row numbers in big files. DuckDB reads a big file in parallel; the import relies on the typed table
 * keeping the file's order (its rowid is the record number). Bad rows placed early, in the middle and at
 * the very end of 2 M-row files must be reported with their exact row and line, in CSV (with a quoted
 * newline shifting the lines), Parquet and NDJSON.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { load, readRejects, tempDir, withMemoryStore } from './helpers';

const dir = tempDir('order');
const ROWS = 2_000_000;
/** 0-based positions of the bad rows; the row numbers users see are one more. */
const BAD = [3, 777_777, 1_234_567, ROWS - 1];
const reason = '"12,5O" is not a number';

/** Transactions with a bad amount at BAD and, at position 5, a product line spanning two lines. */
const recipe = (rows: number): string => `
  SELECT 'o' || i AS order_id, 'c' || (i % 1000) AS customer_id, DATE '2024-01-01' + CAST(i % 365 AS INTEGER) AS order_date,
    CASE WHEN i IN (${BAD.join(', ')}) THEN '12,5O' ELSE CAST(i % 1000 AS VARCHAR) || '.25' END AS amount,
    CASE WHEN i = 5 THEN 'two' || chr(10) || 'lines' ELSE 'home' END AS product_line
  FROM range(${rows}) t(i)`;

const csv = join(dir, 'big.csv');
const parquet = join(dir, 'big.parquet');
const ndjson = join(dir, 'big.ndjson');

beforeAll(async () => {
  await withMemoryStore(async (store) => {
    await store.db.run(`COPY (${recipe(ROWS)}) TO '${csv}' (FORMAT csv, HEADER)`);
    await store.db.run(`COPY (${recipe(ROWS)}) TO '${parquet}' (FORMAT parquet, ROW_GROUP_SIZE 100000)`);
    await store.db.run(`COPY (${recipe(1_300_000)}) TO '${ndjson}' (FORMAT json)`);
  });
});

describe('row numbers in big files read in parallel', () => {
  it('CSV: rows and lines are exact before and after a quoted newline', async () => {
    await withMemoryStore(async (store) => {
      const result = await load(store, 'transactions', csv);
      expect(result).toMatchObject({ imported: ROWS - BAD.length, rejected: BAD.length });
      // line = row + 1 (header) + 1 after the record at row 6, whose field spans two lines
      expect(readRejects(`${csv}.rejects.csv`).slice(1)).toEqual(
        BAD.map((i) => [String(i + 1), String(i + 1 + (i + 1 > 6 ? 2 : 1)), 'amount', '12,5O', reason]),
      );
    });
  });

  it('Parquet: rows are exact across row groups', async () => {
    await withMemoryStore(async (store) => {
      const result = await load(store, 'transactions', parquet);
      expect(result.rejected).toBe(BAD.length);
      expect(readRejects(`${parquet}.rejects.csv`).slice(1)).toEqual(
        BAD.map((i) => [String(i + 1), '', 'amount', '12,5O', reason]),
      );
    });
  });

  it('NDJSON: rows and lines are exact', async () => {
    await withMemoryStore(async (store) => {
      const result = await load(store, 'transactions', ndjson);
      const bad = BAD.filter((i) => i < 1_300_000);
      expect(result.rejected).toBe(bad.length);
      expect(readRejects(`${ndjson}.rejects.csv`).slice(1)).toEqual(
        bad.map((i) => [String(i + 1), String(i + 1), 'amount', '12,5O', reason]),
      );
    });
  });
});
