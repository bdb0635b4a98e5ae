/**
 * Concurrency and durability of the PostgreSQL store, on a fresh schema per test: an import is one
 * transaction (a reader sees the store before it or after it, never a part, even while the writer holds
 * its locks); two imports of overlapping files at once end with every row exactly once; reports answer
 * while an import is under way; a `cvm import` killed in the middle of its transaction leaves nothing.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/app/open-store';
import type { Store, StoreUnit } from '../../src/data/store';
import type { Cell } from '../../src/data/import/types';
import { landRows } from '../conformance/load';
import { admin, dropSchemas, freshSchema, storeUrl } from './server';

const created: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'cvm-pg-concurrency-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dropSchemas(created);
});

async function freshStore(): Promise<{ store: Store; schema: string }> {
  const schema = freshSchema('cvm_conc');
  created.push(schema);
  return { store: await openStore(storeUrl(schema)), schema };
}

const COLUMNS = ['order_id', 'customer_id', 'order_date', 'amount'];

/** Orders o{from}…o{to}, customer c{i mod 97}, amount i + cents (the cents tell the batches apart). */
function orders(from: number, to: number, cents: number): Cell[][] {
  const rows: Cell[][] = [];
  for (let i = from; i <= to; i++)
    rows.push([`o${i}`, `c${i % 97}`, '2025-03-01', `${i}.${String(cents).padStart(2, '0')}`]);
  return rows;
}

/** The facts a reader checks: rows, distinct order ids, total money (as exact text). */
async function facts(unit: StoreUnit): Promise<{ rows: number; revenue: number; imports: number }> {
  const tables = await unit.meta.tables();
  const headline = await unit.summary.headline({ startExclusive: '2024-12-31', endInclusive: '2025-12-31' });
  return {
    rows: tables.find((t) => t.kind === 'transactions')?.rows ?? -1,
    revenue: headline.revenue,
    imports: (await unit.meta.recentImports(100)).length,
  };
}

describe('PostgreSQL store under concurrent use', () => {
  it('shows a reader the store before or after an import, never a part, while the writer holds its locks', async () => {
    const { store } = await freshStore();
    try {
      await store.unit((u) => landRows(u, 'transactions', COLUMNS, orders(1, 1000, 0)));
      // sum of 1…1000 = 500 500
      const before = await store.unit(facts);
      expect(before).toEqual({ rows: 1000, revenue: 500_500, imports: 1 });
      let landed!: () => void;
      const written = new Promise<void>((resolve) => (landed = resolve));
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      // The writer replaces o501…o1000 (+0.50 each) and adds o1001…o1500, then waits inside its transaction.
      const writer = store.unit((u) =>
        u.atomically(async () => {
          await landRows(u, 'transactions', COLUMNS, orders(501, 1500, 50));
          landed();
          await released;
        }),
      );
      await written;
      // a failing assertion below must not leave the writer waiting for ever
      const timer = setTimeout(release, 20_000);
      // Reports answer while the import's transaction is open, and see the store as it was.
      const during = await store.unit(async (u) => {
        const f = await facts(u);
        const flows = await u.analytics.concentration({
          window: { startExclusive: '2024-12-31', endInclusive: '2025-12-31' },
          measure: 'revenue',
          tiers: [{ name: 'All', sharePpm: 1_000_000 }],
          lorenzPoints: 4,
          topPercents: [],
        });
        return { ...f, customers: flows.curve.n, total: flows.curve.total };
      });
      expect(during).toEqual({ ...before, customers: 97, total: 500_500 });
      clearTimeout(timer);
      release();
      await writer;
      // 1…500 + (501…1500 each + 0.50) = 125 250 + 1 000 500 + 500 = 1 126 250
      expect(await store.unit(facts)).toEqual({ rows: 1500, revenue: 1_126_250, imports: 2 });
    } finally {
      await store.close();
    }
  });

  it('keeps every row exactly once when two imports of overlapping files run at once', async () => {
    const { store } = await freshStore();
    try {
      const header = 'order_id,customer_id,order_date,amount\n';
      const file = (name: string, from: number, to: number, cents: number): string => {
        const path = join(dir, name);
        writeFileSync(
          path,
          header +
            orders(from, to, cents)
              .map((r) => r.join(','))
              .join('\n') +
            '\n',
        );
        return path;
      };
      // a: o1…o6000 at .11, b: o4001…o10000 at .22; 2 000 orders in both.
      const a = file('a.csv', 1, 6000, 11);
      const b = file('b.csv', 4001, 10_000, 22);
      const results = await Promise.all(
        [a, b].map((path) =>
          store.unit((u) =>
            u.imports.importFile({ kind: 'transactions', path, rejectsPath: `${path}.rejects` }),
          ),
        ),
      );
      expect(results.map((r) => [r.imported, r.rejected])).toEqual([
        [6000, 0],
        [6000, 0],
      ]);
      expect(new Set(results.map((r) => r.importId))).toEqual(new Set([1, 2]));
      const check = await store.unit((u) =>
        (u as unknown as { db: { one(sql: string): Promise<Record<string, number>> } }).db.one(
          `SELECT count(*) AS n, count(DISTINCT order_id) AS ids,
             count(*) FILTER (WHERE amount - floor(amount) = 0.11) AS a,
             count(*) FILTER (WHERE amount - floor(amount) = 0.22) AS b,
             count(DISTINCT amount - floor(amount)) FILTER (WHERE substr(order_id, 2)::int BETWEEN 4001 AND 6000) AS overlap_sources
           FROM transactions`,
        ),
      );
      // The later commit replaced the 2 000 shared orders: all from one file, never a mix, never twice.
      expect(check.n).toBe(10_000);
      expect(check.ids).toBe(10_000);
      expect(check.overlap_sources).toBe(1);
      expect([check.a, check.b].sort()).toEqual([4000, 6000]);
      const log = await store.unit((u) => u.meta.recentImports(5));
      expect(log.map((e) => e.rowsImported)).toEqual([6000, 6000]);
    } finally {
      await store.close();
    }
  });

  it('leaves nothing behind when cvm import is killed inside its transaction', async () => {
    const { store, schema } = await freshStore();
    try {
      const path = join(dir, 'big.csv');
      const n = 300_000;
      const lines: string[] = ['order_id,customer_id,order_date,amount'];
      for (let i = 1; i <= n; i++) lines.push(`o${i},c${i % 1000},2025-0${1 + (i % 9)}-15,${i % 500}.25`);
      writeFileSync(path, lines.join('\n') + '\n');
      const child = spawn(
        process.execPath,
        ['bin/cvm.mjs', '--db', storeUrl(schema), 'import', 'transactions', path],
        { stdio: 'ignore', env: { ...process.env, TZ: 'Pacific/Chatham' } },
      );
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      // Wait until the import's COPY runs on the server (it runs inside the landing transaction), then kill.
      let copying = false;
      for (let tries = 0; tries < 600 && !copying; tries++) {
        copying = await admin(async (client) => {
          const r = await client.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity
             WHERE query LIKE 'COPY cvm_landing%' AND state = 'active' AND xact_start IS NOT NULL`,
          );
          return (r.rows[0] as { n: number }).n > 0;
        });
        if (!copying) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(copying).toBe(true);
      child.kill('SIGKILL');
      expect(await exited).toBe(null);
      // The server rolls the transaction back when the connection dies: nothing landed, nothing logged.
      expect(await store.unit(facts)).toEqual({ rows: 0, revenue: 0, imports: 0 });
    } finally {
      await store.close();
    }
  });
});
