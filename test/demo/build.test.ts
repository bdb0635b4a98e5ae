/**
 * The demo use case against a real DuckDB file: loads what it wrote, refuses to mix with existing data,
 * replaces on request, cleans up its temporary files; and the info and headline use cases over the result.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemo, type DemoResult } from '../../src/app/demo/build';
import { DEFAULT_DEMO_OPTIONS } from '../../src/app/demo/params';
import { getInfo } from '../../src/app/info';
import { getHeadline } from '../../src/app/summary';
import { contractReportInput } from '../../src/app/options/contracts';
import { parseOptions } from '../../src/app/options/parse';
import { productChurnReport, subscriptionReport } from '../../src/app/reports/contracts';
import { CvmError } from '../../src/core/errors';
import { openUnit, type TestUnit } from '../import/helpers';

const dir = mkdtempSync(join(tmpdir(), 'cvm-demo-build-'));
let store: TestUnit;
let first: DemoResult;
const SMALL = { ...DEFAULT_DEMO_OPTIONS, customers: 2000 };
const count = async (table: string): Promise<number> =>
  (await store.db.one<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)).n;

beforeAll(async () => {
  store = await openUnit(join(dir, 'demo.duckdb'));
  first = await buildDemo(store, SMALL);
});
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('buildDemo', () => {
  it('names its temporary files in the import log by the demo, not by a path that is gone', async () => {
    const log = await store.meta.recentImports(9);
    expect(log.map((e) => e.source).sort()).toEqual(
      first.loaded.map((k) => `demo (seed 42): ${k.kind}.csv`).sort(),
    );
    expect(log[0]!.importedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
  });

  it('loads every file it wrote, then removes the temporary files', async () => {
    expect(first.out).toBeNull();
    expect(first.loaded.map((k) => k.kind)).toEqual([
      'customers',
      'transactions',
      'contracts',
      'complaints',
      'surveys',
      'accounts',
      'assessments',
      'forecasts',
      'renewals',
    ]);
    for (const k of first.loaded) {
      expect(k.imported, k.kind).toBe(k.rows);
      expect(existsSync(k.file), k.file).toBe(false);
    }
    expect(await count('customers')).toBe(2000);
    expect(await count('transactions')).toBe(first.loaded.find((k) => k.kind === 'transactions')!.rows);
    expect(first.seconds.total).toBeGreaterThanOrEqual(first.seconds.load);
  });

  it('refuses a database that already holds data, naming it and the way out', async () => {
    const error: unknown = await buildDemo(store, { ...SMALL, seed: 7 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CvmError);
    expect((error as CvmError).code).toBe('conflict');
    expect((error as CvmError).message).toMatch(
      /demo\.duckdb already holds data \(customers: 2,000 rows, transactions: [\d,]+ rows.*use \{option:replace\}.*\{option:db\}/,
    );
    expect(await count('customers')).toBe(2000);
  });

  it('replaces the data with --replace, and keeps the files with --out', async () => {
    const out = join(dir, 'files');
    const again = await buildDemo(store, { ...SMALL, customers: 1500, seed: 7, replace: true, out });
    expect(again.out).toBe(out);
    for (const k of again.loaded) expect(existsSync(k.file), k.file).toBe(true);
    expect(await count('customers')).toBe(1500);
    expect(await count('transactions')).toBe(again.loaded.find((k) => k.kind === 'transactions')!.rows);
    expect(await count('key_accounts')).toBe(again.loaded.find((k) => k.kind === 'accounts')!.rows);
  });

  it('feeds info: rows and date ranges per table, customers with transactions, recent imports', async () => {
    const info = await getInfo(store);
    const byKind = Object.fromEntries(info.tables.map((t) => [t.kind, t]));
    expect(byKind.customers!.rows).toBe(1500);
    expect(byKind.transactions!.to).toBe('2025-12-31');
    // the log starts the day after 2022-12-31 (windows are start-exclusive), within its first week
    expect(byKind.transactions!.from! >= '2023-01-01' && byKind.transactions!.from! <= '2023-01-07').toBe(
      true,
    );
    expect(byKind.contracts!.rows).toBeGreaterThan(0);
    expect(info.customersWithTransactions).toBe(1500);
    expect(info.recentImports).toHaveLength(10);
    expect(info.recentImports[0]!.kind).toBe('renewals');
  });

  it('holds an energy arm on contracts: three product lines, retention near the model’s 75 %', async () => {
    const input = parseOptions(contractReportInput, { asOf: '2025-12-31' });
    const r = await subscriptionReport(store.contracts, input);
    expect(r.revenue).toBe('fees');
    // 1 500 customers leave about 160 contract customers before: two standard errors are ±7 points
    // around the model's 75 % (a 20 000-customer demo, seed 42, gives 75.1 %)
    expect(r.total.retention.previous).toBeGreaterThan(100);
    expect(r.total.retention.retention).toBeGreaterThanOrEqual(0.68);
    expect(r.total.retention.retention).toBeLessThanOrEqual(0.82);
    expect(r.total.productsPerCustomer).toBeGreaterThan(1);
    expect(r.total.nps.n).toBeGreaterThan(0);
    const churn = await productChurnReport(store.contracts, input);
    expect(churn.lines.map((l) => l.line)).toEqual(['el', 'gas', 'home']);
  });

  it('feeds the headline with the last 12 months as of the latest order', async () => {
    const h = (await getHeadline(store))!;
    expect(h.asOf).toBe('2025-12-31');
    expect(h.window).toEqual({ startExclusive: '2024-12-31', endInclusive: '2025-12-31' });
    const sql = await store.db.one<{ active: number; revenue: number; orders: number }>(
      // revenue of the customers active in the window (a return by a customer without a purchase in the
      // window does not count), as in the portfolio report
      `SELECT count(DISTINCT customer_id) FILTER (WHERE amount > 0) AS active,
              sum(amount) FILTER (WHERE customer_id IN (SELECT customer_id FROM transactions
                                   WHERE order_date >= DATE '2025-01-01' AND amount > 0)) AS revenue,
              count(*) FILTER (WHERE amount > 0) AS orders
       FROM transactions WHERE order_date >= DATE '2025-01-01'`,
    );
    expect(h).toMatchObject({ customers: 1500, activeCustomers: sql.active, orders: sql.orders });
    expect(h.revenue).toBeCloseTo(sql.revenue, 2);
    expect(h.keyAccounts).toBe(await count('key_accounts'));
    expect(h.resolvedWithin24hShare).toBeGreaterThan(0.6);
    expect(h.nps).toBeGreaterThan(-20);
    expect(h.npsResponses).toBeGreaterThan(50);
  });

  it('has no headline without transactions', async () => {
    const empty = await openUnit(':memory:');
    expect(await getHeadline(empty)).toBeNull();
    await empty.close();
  });
});
