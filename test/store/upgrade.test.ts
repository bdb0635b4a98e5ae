/**
 * A store written by an earlier version opens under this one: the migrations it lacks are applied to its
 * tables with their rows, and nothing it held is lost.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { Db } from '../../src/data/duckdb/connection';
import { MIGRATIONS } from '../../src/data/sql/migrations';

const dir = mkdtempSync(join(tmpdir(), 'cvm-upgrade-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a store from an earlier version', () => {
  it('gets the later migrations on its existing rows: import ids, the import log columns, invoices', async () => {
    const path = join(dir, 'v2.duckdb');
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    await connection.run(
      'CREATE TABLE schema_migrations (version INTEGER NOT NULL, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)',
    );
    for (const migration of MIGRATIONS.filter((m) => m.version <= 2)) {
      for (const statement of migration.statements) await connection.run(statement);
      await connection.run(
        `INSERT INTO schema_migrations VALUES (${migration.version}, '${migration.name}', TIMESTAMP '2026-01-01 00:00:00')`,
      );
    }
    await connection.run(
      `INSERT INTO transactions (order_id, customer_id, order_date, amount) VALUES ('o1', 'c1', DATE '2025-01-02', 10.50)`,
    );
    await connection.run(
      `INSERT INTO imports VALUES (1, 'transactions', 'o.csv', TIMESTAMP '2026-01-01 10:00:00', 1, 0)`,
    );
    connection.closeSync();
    instance.closeSync();

    const db = await Db.open(path);
    try {
      const versions = await db.all<{ version: number }>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(
        await db.all('SELECT import_id, kind, source, rows_imported, rows_tagged, undone_at FROM imports'),
      ).toEqual([
        {
          import_id: 1,
          kind: 'transactions',
          source: 'o.csv',
          rows_imported: 1,
          rows_tagged: false,
          undone_at: null,
        },
      ]);
      expect(await db.all('SELECT order_id, amount, import_id FROM transactions')).toEqual([
        { order_id: 'o1', amount: 10.5, import_id: null },
      ]);
      expect(await db.all('SELECT count(*) AS n FROM invoices')).toEqual([{ n: 0 }]);
    } finally {
      db.close();
    }
  });
});

/** The compression DuckDB stored each text column of `transactions` with, after a checkpoint. */
async function textCompression(db: Db): Promise<Record<string, string>> {
  await db.run('CHECKPOINT');
  const rows = await db.all<{ column_name: string; compression: string }>(
    `SELECT column_name, string_agg(DISTINCT compression, ',' ORDER BY compression) AS compression
     FROM pragma_storage_info('transactions') WHERE segment_type = 'VARCHAR' GROUP BY column_name`,
  );
  return Object.fromEntries(rows.map((r) => [r.column_name, r.compression]));
}

/** 2 000 orders of three customers, on two channels: ids a dictionary would suit, amounts summing to 99 500. */
const GENERATED_ORDERS = `INSERT INTO transactions (order_id, customer_id, order_date, amount, channel, import_id)
  SELECT 'g' || i, 'c' || (i % 3), DATE '2025-01-01' + CAST(i % 10 AS INTEGER), (i % 100) + 0.25,
    CASE WHEN i % 2 = 0 THEN 'web' ELSE 'shop' END, 7
  FROM range(2000) r(i)`;

describe('a store from before migration 11', () => {
  it('gets its transactions rebuilt with FSST order ids, every row and column kept', async () => {
    const path = join(dir, 'v10.duckdb');
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    await connection.run(
      'CREATE TABLE schema_migrations (version INTEGER NOT NULL, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)',
    );
    for (const migration of MIGRATIONS.filter((m) => m.version <= 10)) {
      for (const statement of migration.statements) await connection.run(statement);
      await connection.run(
        `INSERT INTO schema_migrations VALUES (${migration.version}, '${migration.name}', TIMESTAMP '2026-01-01 00:00:00')`,
      );
    }
    await connection.run(
      `INSERT INTO transactions VALUES
        ('o1', 'c1', DATE '2025-01-02', 10.50, 2.25, 'tools', 'web', 3),
        ('o2', 'c2', DATE '2025-02-03', NULL, NULL, NULL, NULL, NULL)`,
    );
    await connection.run(GENERATED_ORDERS);
    connection.closeSync();
    instance.closeSync();

    const db = await Db.open(path);
    try {
      const versions = await db.all<{ version: number }>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(
        await db.all(
          `SELECT order_id, customer_id, CAST(order_date AS VARCHAR) AS order_date, amount, margin, product_line,
             channel, import_id FROM transactions WHERE order_id IN ('o1', 'o2') ORDER BY order_id`,
        ),
      ).toEqual([
        {
          order_id: 'o1',
          customer_id: 'c1',
          order_date: '2025-01-02',
          amount: 10.5,
          margin: 2.25,
          product_line: 'tools',
          channel: 'web',
          import_id: 3,
        },
        {
          order_id: 'o2',
          customer_id: 'c2',
          order_date: '2025-02-03',
          amount: null,
          margin: null,
          product_line: null,
          channel: null,
          import_id: null,
        },
      ]);
      // 2 002 rows of customers c0, c1, c2 (o1 and o2 are c1's and c2's); amounts 10.50 + Σ (i mod 100) + 2 000 × 0.25 = 10.50 + 99 000 + 500
      expect(
        await db.all(
          `SELECT count(*) AS n, CAST(sum(amount) AS VARCHAR) AS total, count(DISTINCT customer_id) AS customers,
             count(*) FILTER (WHERE import_id = 7) AS generated FROM transactions`,
        ),
      ).toEqual([{ n: 2002, total: '99510.50', customers: 3, generated: 2000 }]);
      // the order ids are stored with FSST; the customer id and the channel, not named, still get DuckDB's choice
      // (a dictionary, for three customers and two channels)
      const compression = await textCompression(db);
      expect(compression.order_id).toBe('FSST');
      expect(compression.customer_id).toBe('Dictionary');
      expect(compression.channel).toBe('Dictionary');
    } finally {
      db.close();
    }
  });

  it('a new store has the FSST order ids from the start', async () => {
    const db = await Db.open(join(dir, 'new.duckdb'));
    try {
      await db.run(GENERATED_ORDERS);
      const compression = await textCompression(db);
      expect(compression.order_id).toBe('FSST');
      expect(compression.customer_id).toBe('Dictionary');
      expect(compression.channel).toBe('Dictionary');
    } finally {
      db.close();
    }
  });
});
