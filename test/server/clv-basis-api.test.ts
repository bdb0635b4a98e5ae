/**
 * `value=clv` on the report endpoints: the same JSON as `cvm report … --value clv --format json` on the
 * CDNOW sample log, cached per data version like any report, and a refusal that names the field.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/app/open-store';
import { addUser } from '../../src/app/users';
import type { Store } from '../../src/data/store';
import { createApi, type Api } from '../../src/server/app';
import { readCdnowLog } from '../cdnow-fixture';
import { cliOn } from '../cli';
import { landRows } from '../conformance/load';
import { Client } from './client';

const dir = mkdtempSync(join(tmpdir(), 'cvm-clv-basis-api-'));
const file = join(dir, 'cdnow.duckdb');
let store: Store;
let api: Api;
const cli: Record<string, unknown> = {};

beforeAll(async () => {
  const loading = await openStore(file);
  await loading.unit((unit) =>
    landRows(
      unit,
      'transactions',
      ['order_id', 'customer_id', 'order_date', 'amount'],
      readCdnowLog().map((t) => [t.orderId, t.customerId, t.day, t.amount]),
    ),
  );
  await loading.close();
  // the CLI's answers first: the server's store then holds the file
  const cvm = cliOn(file);
  for (const [name, args] of Object.entries({
    portfolio: ['report', 'portfolio', '--as-of', '1998-06-30', '--value', 'clv'],
    flows: ['report', 'flows', '--as-of', '1998-06-30', '--value', 'clv', '--horizon', '24'],
    concentration: [
      'report',
      'concentration',
      '--as-of',
      '1998-06-30',
      '--value',
      'clv',
      '--discount-rate',
      '5',
    ],
  })) {
    const run = cvm('--format', 'json', ...args);
    expect(run.stderr).toBe('');
    cli[name] = JSON.parse(run.stdout);
  }
  store = await openStore(file);
  await store.unit((unit) =>
    addUser(
      unit,
      { username: 'vic', role: 'viewer', password: 'viewer pass' },
      { username: 'setup', now: '2026-01-01T00:00:00.000Z' },
    ),
  );
  api = createApi({ store, rejectsDir: dir, log: () => undefined });
}, 120_000);
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/reports/… with value=clv', () => {
  it('answers what the CLI prints, and a second request from the cache', async () => {
    const client = new Client(api.app);
    expect((await client.login('vic', 'viewer pass')).status).toBe(200);
    const portfolio = await client.get('/api/reports/portfolio?asOf=1998-06-30&value=clv');
    expect(portfolio.status).toBe(200);
    expect(portfolio.headers.get('x-cache')).toBe('miss');
    expect(portfolio.body).toEqual(cli.portfolio);
    expect((portfolio.body.tiers as { customers: number }[]).map((t) => t.customers)).toEqual([
      41, 122, 406, 243,
    ]);
    const again = await client.get('/api/reports/portfolio?value=clv&asOf=1998-06-30&horizon=12');
    expect(again.headers.get('x-cache')).toBe('hit');
    const flows = await client.get('/api/reports/flows?asOf=1998-06-30&value=clv&horizon=24');
    expect(flows.body).toEqual(cli.flows);
    const concentration = await client.get(
      '/api/reports/concentration?asOf=1998-06-30&value=clv&discountRate=5',
    );
    expect(concentration.body).toEqual(cli.concentration);
    expect(concentration.body.clv).toMatchObject({ horizonMonths: 12, discountRate: 0.05 });
  }, 60_000);

  it('names the field when the history is too short, or an option of clv comes without it', async () => {
    const client = new Client(api.app);
    await client.login('vic', 'viewer pass');
    const early = await client.get('/api/reports/portfolio?asOf=1997-01-10&window=1&value=clv');
    expect(early.status).toBe(400);
    expect(early.body.error).toMatchObject({ code: 'invalid-input', field: 'value', value: 'clv' });
    expect(early.body.error.message).toMatch(
      /^value: too little history to fit the CLV models as of 1997-01-10/,
    );
    expect(early.body.error.message).toMatch(/choose a later asOf$/);
    const horizon = await client.get('/api/reports/flows?asOf=1998-06-30&horizon=6');
    expect(horizon.status).toBe(400);
    expect(horizon.body.error).toMatchObject({ field: 'horizon', value: '6' });
    expect(horizon.body.error.message).toBe('horizon: applies to value clv only');
  });
});
