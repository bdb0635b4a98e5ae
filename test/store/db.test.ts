import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Db } from '../../src/data/duckdb/connection';
import { MIGRATIONS } from '../../src/data/sql/migrations';
import { CvmError } from '../../src/core/errors';

const dir = mkdtempSync(join(tmpdir(), 'cvm-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('DuckDB store', () => {
  it('applies every migration once and keeps data across reopening', async () => {
    const path = join(dir, 'a.duckdb');
    const db = await Db.open(path);
    const versions = await db.all<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    await db.run(
      "INSERT INTO transactions (order_id, customer_id, order_date, amount) VALUES ('o1', 'c1', DATE '2025-01-31', 1598.37)",
    );
    db.close();

    const again = await Db.open(path);
    const rows = await again.all('SELECT order_id, order_date::VARCHAR AS d, amount FROM transactions');
    expect(rows).toEqual([{ order_id: 'o1', d: '2025-01-31', amount: 1598.37 }]);
    expect((await again.one<{ n: number }>('SELECT count(*) AS n FROM schema_migrations')).n).toBe(
      MIGRATIONS.length,
    );
    again.close();
  });

  it('sums money exactly, whatever the order of addition', async () => {
    const db = await Db.open(':memory:');
    await db.run(
      `INSERT INTO transactions (order_id, customer_id, order_date, amount)
       SELECT 'o' || i, 'c', DATE '2025-01-01', 0.10 FROM range(1000) t(i)`,
    );
    const { total } = await db.one<{ total: number }>('SELECT sum(amount) AS total FROM transactions');
    expect(total).toBe(100);
    db.close();
  });

  it('rolls a failed transaction back completely', async () => {
    const db = await Db.open(':memory:');
    await expect(
      db.transaction(async () => {
        await db.run(
          "INSERT INTO renewals (account_id, due_on, renewed) VALUES ('A', DATE '2024-01-01', true)",
        );
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await db.one<{ n: number }>('SELECT count(*) AS n FROM renewals')).n).toBe(0);
    db.close();
  });

  it('reports a database locked by another process as a data-source error naming the file', async () => {
    const path = join(dir, 'locked.duckdb');
    (await Db.open(path)).close();
    // Another process holds the file open for writing.
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { DuckDBInstance } from '@duckdb/node-api';
         const i = await DuckDBInstance.create(${JSON.stringify(path)});
         await i.connect();
         console.log('ready');
         setTimeout(() => {}, 60000);`,
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    try {
      const error = await Db.open(path).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CvmError);
      expect((error as CvmError).code).toBe('data-source');
      expect((error as CvmError).message).toContain(`cannot open database ${path}:`);
      expect((error as CvmError).message).toMatch(/lock/i);
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
