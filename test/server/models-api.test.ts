/**
 * The models endpoints that take their data in the request: `POST /api/models/sbg` gives the same fit,
 * curve and DERL as `cvm model fit sbg` on the Fader & Hardie (2007) regular cohort, and names bad fields.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

const dir = mkdtempSync(join(tmpdir(), 'cvm-models-api-'));
const file = join(dir, 'cdnow.duckdb');
let store: Store;
let api: Api;
// years 0..7 of the regular segment, 1,000 customers
const surviving = readFileSync('test/fixtures/sbg/sbg_fader_hardie_2007_survival.csv', 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1, 9)
  .map((line) => Math.round(Number(line.split(',')[1]) * 10));

let cliAtRisk: unknown;
let cliCustomer: { model: unknown };

beforeAll(async () => {
  // the CDNOW 1/10 sample log in the store; the CLI's at-risk answer first (the server then holds the file)
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
  const run = cliOn(file)(
    ...['--format', 'json', 'model', 'at-risk', '--calibration-end', '1997-09-30', '--limit', '3'],
    ...['--max-p-alive', '30'],
  );
  expect(run.stderr).toBe('');
  cliAtRisk = JSON.parse(run.stdout);
  cliCustomer = JSON.parse(
    cliOn(file)('--format', 'json', 'customer', '1', '--as-of', '1997-09-30').stdout,
  ) as typeof cliCustomer;
  store = await openStore(file);
  await store.unit((unit) =>
    addUser(
      unit,
      { username: 'ada', role: 'analyst', password: 'correct horse' },
      { username: 'setup', now: '2026-01-01T00:00:00.000Z' },
    ),
  );
  api = createApi({ store, rejectsDir: dir, log: () => undefined });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('POST /api/models/sbg', () => {
  it('fits α 0.704, β 1.182 on the regular cohort, the same as the CLI', async () => {
    const client = new Client(api.app);
    expect((await client.login('ada', 'correct horse')).status).toBe(200);
    const answer = await client.request('POST', '/api/models/sbg', {
      surviving,
      periods: 10,
      discountRate: 12,
    });
    expect(answer.status).toBe(200);
    const { alpha, beta } = answer.body.params as { alpha: number; beta: number };
    expect(alpha.toFixed(3)).toBe('0.704');
    expect(beta.toFixed(3)).toBe('1.182');
    expect(answer.body.curve).toHaveLength(11);
    expect(answer.body.discountRate).toBe(0.12);
    const csv = join(dir, 'regular.csv');
    writeFileSync(csv, ['period,surviving', ...surviving.map((s, t) => `${t},${s}`)].join('\n'));
    const run = cliOn(join(dir, 'unused.duckdb'))(
      '--format',
      'json',
      'model',
      'fit',
      'sbg',
      '--summary',
      csv,
      '--periods',
      '10',
      '--discount-rate',
      '12',
    );
    expect(run.stderr).toBe('');
    expect({ ...answer.body, source: 'regular.csv' }).toEqual(JSON.parse(run.stdout));
  }, 60_000);

  it('names the field of bad data; the store fit refuses sbg', async () => {
    const client = new Client(api.app);
    await client.login('ada', 'correct horse');
    const rising = await client.request('POST', '/api/models/sbg', { surviving: [100, 80, 90] });
    expect(rising.status).toBe(400);
    expect(rising.body.error.message).toMatch(/non-increasing|rise/);
    const both = await client.request('POST', '/api/models/sbg', { surviving: [100, 80], lifetimes: [] });
    expect(both.status).toBe(400);
    expect(both.body.error.message).toMatch(/either surviving .* or lifetimes/);
    const store = await client.request('POST', '/api/models/fit', { model: 'sbg' });
    expect(store.status).toBe(400);
    expect(store.body.error.message).toMatch(/POST it to \/api\/models\/sbg/);
  });
});

describe('GET /api/customers/:id: P(alive) and predicted CLV', () => {
  it('answers what cvm customer prints and what at-risk lists, fitting once for every customer', async () => {
    const client = new Client(api.app);
    await client.login('ada', 'correct horse');
    const before = { hits: api.cache.hits, misses: api.cache.misses, fits: api.cache.sharedMisses };
    const one = await client.request('GET', '/api/customers/1?asOf=1997-09-30');
    expect(one.status).toBe(200);
    expect(one.body.model).toEqual(cliCustomer.model);
    // the page and the fit were computed
    expect(api.cache.misses - before.misses).toBe(1);
    expect(api.cache.sharedMisses - before.fits).toBe(1);
    const risky = (cliAtRisk as { rows: { customerId: string; pAlive: number; clv: number }[] }).rows[0]!;
    const other = await client.request('GET', `/api/customers/${risky.customerId}?asOf=1997-09-30`);
    expect(other.status).toBe(200);
    // a second customer: their page is computed, the fit is the one kept for this data version
    expect(api.cache.misses - before.misses).toBe(2);
    expect(api.cache.sharedMisses - before.fits).toBe(1);
    expect(api.cache.hits - before.hits).toBe(0);
    const model = other.body.model as { pAlive: number; clv: number; horizonMonths: number };
    expect(model.pAlive).toBeCloseTo(risky.pAlive, 12);
    expect(model.clv).toBeCloseTo(risky.clv, 8);
    expect(model.horizonMonths).toBe(12);
    // other model options: another fit
    const longer = await client.request('GET', '/api/customers/1?asOf=1997-09-30&horizon=24');
    expect(longer.body.model.horizonMonths).toBe(24);
    expect(api.cache.misses - before.misses).toBe(3);
    expect(api.cache.sharedMisses - before.fits).toBe(2);
  }, 60_000);
});

describe('POST /api/models/bgbb/validate', () => {
  // the donations patterns (Fader, Hardie & Shang 2010) with a made-up holdout: mean transactions per donor
  // over the next 5 opportunities, rising with the calibration frequency
  const rows = readFileSync('test/fixtures/donations/donations.csv', 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',').map(Number) as [number, number, number, number]);
  const patterns = rows.map(([x, tx, n, weight]) => ({ x, tx, n, weight, holdout: Math.min(5, x * 0.6) }));

  it('gives the same validation as the CLI on the same rows as a file, and the published fit', async () => {
    const client = new Client(api.app);
    await client.login('ada', 'correct horse');
    const answer = await client.request('POST', '/api/models/bgbb/validate', {
      patterns,
      holdoutOpportunities: 5,
    });
    expect(answer.status).toBe(200);
    const body = answer.body as {
      customers: number;
      holdoutActual: number;
      fit: { params: Record<string, number> };
      tracking: unknown[];
      byFrequency: { x: string; customers: number; actual: number }[];
    };
    expect(body.customers).toBe(11104);
    expect(body.holdoutActual).toBeCloseTo(
      patterns.reduce((s, p) => s + p.weight * p.holdout, 0),
      8,
    );
    expect(body.fit.params.alpha!.toFixed(3)).toBe('1.204');
    expect(body.fit.params.delta!.toFixed(3)).toBe('2.783');
    expect(body.tracking).toHaveLength(5);
    expect(body.byFrequency[0]).toEqual({
      x: '0',
      customers: 3464,
      actual: 0,
      predicted: expect.any(Number),
    });
    const csv = join(dir, 'donations-holdout.csv');
    writeFileSync(
      csv,
      [
        'x,t_x,n,weight,holdout',
        ...patterns.map((p) => [p.x, p.tx, p.n, p.weight, p.holdout].join(',')),
      ].join('\n'),
    );
    const cvm = cliOn(join(dir, 'unused.duckdb'));
    const run = cvm(
      '--format',
      'json',
      'model',
      'validate',
      '--model',
      'bgbb',
      '--summary',
      csv,
      '--holdout-opportunities',
      '5',
    );
    expect(run.stderr).toBe('');
    expect({ ...answer.body, source: 'donations-holdout.csv' }).toEqual({
      ...JSON.parse(run.stdout),
      fit: { ...JSON.parse(run.stdout).fit, source: 'request' },
    });
    const late = cvm(
      'model',
      'validate',
      '--model',
      'bgbb',
      '--summary',
      csv,
      '--holdout-opportunities',
      '2',
    );
    expect(late.status).toBe(2);
    expect(late.stderr.trim()).toBe(
      'cvm: donations-holdout.csv: row 17, column holdout: 2.4 is more than the 2 holdout opportunities (expected a number of transactions from 0 to 2)',
    );
  }, 60_000);

  it('names what is missing; the store validation sends bgbb here', async () => {
    const client = new Client(api.app);
    await client.login('ada', 'correct horse');
    const none = await client.request('POST', '/api/models/bgbb/validate', { patterns });
    expect(none.status).toBe(400);
    expect(none.body.error.message).toMatch(/holdout counts cover/);
    const high = await client.request('POST', '/api/models/bgbb/validate', {
      patterns: [{ x: 1, tx: 2, n: 6, holdout: 4 }],
      holdoutOpportunities: 3,
    });
    expect(high.status).toBe(400);
    expect(high.body.error.message).toMatch(
      /pattern 1: holdout 4 is not a number of transactions from 0 to 3/,
    );
    const get = await client.get('/api/models/validate?model=bgbb');
    expect(get.status).toBe(400);
    expect(get.body.error.message).toMatch(/POST them to \/api\/models\/bgbb\/validate/);
  });
});

describe('GET /api/models/at-risk', () => {
  it('answers what cvm model at-risk prints as JSON, on the same store', async () => {
    const client = new Client(api.app);
    await client.login('ada', 'correct horse');
    const answer = await client.get('/api/models/at-risk?calibrationEnd=1997-09-30&limit=3&maxPAlive=30');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(cliAtRisk);
    expect((answer.body as { rows: unknown[]; customers: number }).rows).toHaveLength(3);
    expect((answer.body as { customers: number }).customers).toBe(2357);
    const bad = await client.get('/api/models/at-risk?topPercent=200');
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { message: string } }).error.message).toMatch(/percentage from 0 to 100/);
  }, 60_000);
});
