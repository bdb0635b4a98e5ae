/**
 * The HTTP API on the PostgreSQL store: the same demo (1 000 customers, seed 42) behind the API on a fresh
 * schema and on embedded DuckDB gives the same reports; an upload lands through COPY and is audited; and
 * the server keeps answering report requests while a large upload is being imported.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemo } from '../../src/app/demo/build';
import { openStore } from '../../src/app/open-store';
import { demoInput } from '../../src/app/options/demo';
import { parseOptions } from '../../src/app/options/parse';
import { addUser } from '../../src/app/users';
import type { Store } from '../../src/data/store';
import { createApi, type Api } from '../../src/server/app';
import { Client } from '../server/client';
import { dropSchemas, freshSchema, storeUrl } from './server';

const dir = mkdtempSync(join(tmpdir(), 'cvm-pg-api-'));
const schema = freshSchema('cvm_api');
const stores: Store[] = [];
let pgApi: Api;
let duckApi: Api;

async function served(location: string): Promise<Api> {
  const store = await openStore(location);
  stores.push(store);
  await store.unit(async (unit) => {
    await buildDemo(unit, parseOptions(demoInput, { customers: 1000 }));
    await addUser(
      unit,
      { username: 'ada', role: 'analyst', password: 'analyst password' },
      { username: 'setup', now: '2026-01-01T00:00:00.000Z' },
    );
  });
  return createApi({ store, rejectsDir: dir, log: () => undefined });
}

async function analyst(api: Api): Promise<Client> {
  const client = new Client(api.app);
  const answer = await client.login('ada', 'analyst password');
  if (answer.status !== 200) throw new Error(`cannot sign in: ${answer.text}`);
  return client;
}

function upload(name: string, text: string): FormData {
  const form = new FormData();
  form.append('file', new File([text], name, { type: 'text/csv' }));
  return form;
}

beforeAll(async () => {
  pgApi = await served(storeUrl(schema));
  duckApi = await served(':memory:');
}, 180_000);
afterAll(async () => {
  for (const store of stores) await store.close();
  rmSync(dir, { recursive: true, force: true });
  await dropSchemas([schema]);
});

describe('the HTTP API on PostgreSQL', () => {
  it.each([
    '/api/reports/portfolio?asOf=2025-12-31',
    '/api/reports/flows?asOf=2025-06-30&tiers=deciles',
    '/api/reports/retention?window=3',
    '/api/reports/service',
    '/api/accounts',
    '/api/kpi/status?asOf=2025-12-31',
    '/api/models/validate?calibrationEnd=2024-12-31&holdoutEnd=2025-12-31',
  ])('answers %s as on DuckDB', async (path) => {
    const [pg, duck] = [await (await analyst(pgApi)).get(path), await (await analyst(duckApi)).get(path)];
    expect(pg.status).toBe(200);
    expect(pg.body).toEqual(duck.body);
  });

  it('keeps answering reports while a large upload is imported, then reports the new rows', async () => {
    const client = await analyst(pgApi);
    const before = await client.get('/api/reports/portfolio?asOf=2025-12-31');
    const rows = ['order_id,customer_id,order_date,amount'];
    for (let i = 0; i < 150_000; i++)
      rows.push(`BIG-${i},BIG-${i % 5000},2025-12-${String(1 + (i % 28)).padStart(2, '0')},10`);
    let uploading = true;
    const upload$ = client
      .request('POST', '/api/imports/transactions', upload('big.csv', rows.join('\n') + '\n'))
      .finally(() => (uploading = false));
    // Reports of other windows (so the cache cannot answer) while the upload runs.
    const during: number[] = [];
    for (let window = 1; uploading && window <= 24; window++) {
      const answer = await client.get(`/api/reports/portfolio?asOf=2025-12-31&window=${window}`);
      expect(answer.status).toBe(200);
      if (uploading) during.push(window);
    }
    const imported = await upload$;
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ imported: 150_000, rejected: 0 });
    expect(during.length).toBeGreaterThan(0);
    const after = await client.get('/api/reports/portfolio?asOf=2025-12-31');
    const members = (r: { body: { tiers: { customers: number }[] } }): number =>
      r.body.tiers.reduce((s, t) => s + t.customers, 0);
    // 5 000 new customers, each with 30 purchases in December
    expect(members(after)).toBe(members(before) + 5000);
  });
});
