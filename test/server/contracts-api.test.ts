/**
 * The contract reports and the depth of loyalty through the HTTP API: the same JSON as `cvm report …
 * --format json` on the same file, the contract basis on retention, and a bad option named by its field.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/app/open-store';
import { addUser } from '../../src/app/users';
import type { Store } from '../../src/data/store';
import { createApi, type Api } from '../../src/server/app';
import { cliOn } from '../cli';
import { Client } from './client';

const dir = mkdtempSync(join(tmpdir(), 'cvm-contracts-api-'));
const file = join(dir, 'contracts.duckdb');
let store: Store;
let api: Api;
const cli: Record<string, unknown> = {};
let depthCsv = '';

// As of 2025-12-31 with Hi:50,Lo:50: now Hi {A 1800, B 1080}, Lo {D 620, E 320}; before Hi {A, C, B}, Lo {D, F}.
const CONTRACTS = `contract_id,customer_id,start_date,end_date,product_line,annual_fee
k1,A,2020-01-01,,el,1200
k2,A,2020-01-01,,gas,600
k3,B,2021-01-01,,el,1000
k4,B,2025-10-20,,home,400
k5,C,2022-01-01,2025-03-01,el,1100
k6,D,2023-01-01,,el,500
k7,D,2023-01-01,2025-05-27,gas,300
k8,E,2025-03-15,,gas,400
k9,F,2019-06-01,2025-09-01,home,200
`;
const TRANSACTIONS = `order_id,customer_id,order_date,amount,product_line
o1,A,2025-02-01,500,x
o2,A,2025-03-01,300,y
o3,B,2025-06-01,200,x
`;

beforeAll(async () => {
  writeFileSync(join(dir, 'contracts.csv'), CONTRACTS);
  writeFileSync(join(dir, 'transactions.csv'), TRANSACTIONS);
  const cvm = cliOn(file);
  expect(cvm('import', 'contracts', join(dir, 'contracts.csv')).status).toBe(0);
  expect(cvm('import', 'transactions', join(dir, 'transactions.csv')).status).toBe(0);
  const opts = ['--as-of', '2025-12-31', '--tiers', 'Hi:50,Lo:50'];
  for (const [name, args] of Object.entries({
    subscription: ['report', 'subscription', ...opts],
    products: ['report', 'products', ...opts],
    churn: ['report', 'product-churn', ...opts],
    depth: ['report', 'loyalty-depth', ...opts],
    retention: ['report', 'retention', ...opts, '--basis', 'contracts', '--years', '1'],
    concentration: ['report', 'concentration', ...opts, '--basis', 'contracts'],
    depthCustomers: ['report', 'loyalty-depth', ...opts, '--customers', 'all'],
    cohorts: ['report', 'cohorts', '--as-of', '2025-12-31', '--basis', 'contracts', '--cohort', 'year'],
  })) {
    const run = cvm('--format', 'json', ...args);
    expect(run.stderr).toBe('');
    cli[name] = JSON.parse(run.stdout);
  }
  depthCsv = cvm(
    '--format',
    'csv',
    'report',
    'loyalty-depth',
    '--as-of',
    '2025-12-31',
    '--customers',
    '1',
    '--table',
    'customers',
  ).stdout;
  store = await openStore(file);
  await store.unit(async (unit) => {
    const actor = { username: 'setup', now: '2026-01-01T00:00:00.000Z' };
    await addUser(unit, { username: 'vic', role: 'viewer', password: 'viewer pass' }, actor);
  });
  api = createApi({
    store,
    rejectsDir: dir,
    loginLimits: { perUser: 3, perAddress: 100, windowMs: 60_000 },
    log: () => undefined,
  });
}, 60_000);
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('contract reports over HTTP', () => {
  let client: Client;
  beforeAll(async () => {
    client = new Client(api.app);
    await client.login('vic', 'viewer pass');
  });

  it('answers what the CLI prints for the same options', async () => {
    const q = 'asOf=2025-12-31&tiers=Hi:50,Lo:50';
    const subscription = await client.get(`/api/reports/subscription?${q}`);
    expect(subscription.status).toBe(200);
    expect(subscription.body).toEqual(cli.subscription);
    expect(subscription.body.total.customers).toBe(4);
    expect(subscription.body.total.revenue).toBe(3820);
    expect((await client.get(`/api/reports/products?${q}`)).body).toEqual(cli.products);
    expect((await client.get(`/api/reports/product-churn?${q}`)).body).toEqual(cli.churn);
    const depth = await client.get(`/api/reports/loyalty-depth?${q}`);
    expect(depth.body).toEqual(cli.depth);
    expect(depth.body.total).toMatchObject({ customers: 2, depth: 1.5 }); // A bought x and y, B x
    const retention = await client.get(`/api/reports/retention?${q}&basis=contracts&years=1`);
    expect(retention.body).toEqual(cli.retention);
    expect(retention.body.basis).toBe('contracts');
    expect(retention.body.overall).toMatchObject({ previous: 5, retained: 3 });
  });

  it('honours the contract basis on concentration and cohorts, and refuses it on the depth of loyalty', async () => {
    const q = 'asOf=2025-12-31&tiers=Hi:50,Lo:50&basis=contracts';
    const concentration = await client.get(`/api/reports/concentration?${q}`);
    expect(concentration.body).toEqual(cli.concentration);
    // A 1800, B 1080, D 620, E 320 (fees of the window): the subscription table's 3820
    expect(concentration.body).toMatchObject({ basis: 'contracts', customers: 4, total: 3820 });
    const orders = await client.get('/api/reports/concentration?asOf=2025-12-31&basis=orders');
    expect(orders.body).toMatchObject({ basis: 'orders', customers: 2, total: 1000 });
    const cohorts = await client.get('/api/reports/cohorts?asOf=2025-12-31&basis=contracts&cohort=year');
    expect(cohorts.body).toEqual(cli.cohorts);
    expect(cohorts.body.basis).toBe('contracts');
    const depth = await client.get(`/api/reports/loyalty-depth?${q}`);
    expect(depth.status).toBe(400);
    expect(depth.body.error.message).toMatch(/^basis: the depth of loyalty is computed from orders/);
  });

  it('lists the depth of loyalty per customer, and exports it as CSV', async () => {
    const depth = await client.get(
      '/api/reports/loyalty-depth?asOf=2025-12-31&tiers=Hi:50,Lo:50&customers=all',
    );
    expect(depth.body).toEqual(cli.depthCustomers);
    // A bought 500 (x) and 300 (y), B 200 (x): one purchase a line, 12-month window
    expect(depth.body.customers).toEqual([
      {
        customerId: 'A',
        rank: 1,
        tier: 'Hi',
        value: 800,
        tenureYears: expect.closeTo(333 / 365.25, 12),
        frequency: 2,
        volume: 800,
        depth: 2,
        categorySpend: null,
        shareOfWallet: null,
      },
      {
        customerId: 'B',
        rank: 2,
        tier: 'Lo',
        value: 200,
        tenureYears: expect.closeTo(213 / 365.25, 12),
        frequency: 1,
        volume: 200,
        depth: 1,
        categorySpend: null,
        shareOfWallet: null,
      },
    ]);
    expect(depthCsv.trim().split('\n')).toEqual([
      'customerId,rank,tier,value,tenureYears,frequency,volume,depth,categorySpend,shareOfWallet',
      'A,1,Super 5%,800,0.9117043121149897,2,800,2,,',
    ]);
    const bad = await client.get('/api/reports/loyalty-depth?customers=some');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^customers: "some" is not a whole number ≥ 0 or all/);
  });

  it('names the field of a bad option', async () => {
    const bad = await client.get('/api/reports/subscription?revenue=bills');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'revenue: "bills" is not a revenue source (expected fees or invoices)',
    );
  });
});
