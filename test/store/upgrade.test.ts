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
