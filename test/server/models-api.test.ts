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
