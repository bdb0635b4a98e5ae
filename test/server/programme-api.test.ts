/**
 * The loyalty-programme report through the HTTP API: the same JSON as `cvm report programme --format json`
 * on the same file (the hand-computed case of test/programme/fixture.ts), notes in the language asked
 * for, and a bad option named by its field.
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
import { PROGRAMME_CUSTOMERS, PROGRAMME_TRANSACTIONS } from '../programme/fixture';
import { Client } from './client';

const dir = mkdtempSync(join(tmpdir(), 'cvm-programme-api-'));
const file = join(dir, 'programme.duckdb');
let store: Store;
let api: Api;
let cli: unknown;
const csv = (rows: readonly (readonly (string | null)[])[]): string =>
  rows.map((r) => r.map((c) => c ?? '').join(',')).join('\n') + '\n';

beforeAll(async () => {
  writeFileSync(join(dir, 'customers.csv'), csv([PROGRAMME_CUSTOMERS.columns, ...PROGRAMME_CUSTOMERS.rows]));
  writeFileSync(
    join(dir, 'transactions.csv'),
    csv([PROGRAMME_TRANSACTIONS.columns, ...PROGRAMME_TRANSACTIONS.rows]),
  );
  const cvm = cliOn(file);
  expect(cvm('import', 'customers', join(dir, 'customers.csv')).status).toBe(0);
  expect(cvm('import', 'transactions', join(dir, 'transactions.csv')).status).toBe(0);
  const run = cvm(
    '--format',
    'json',
    'report',
    'programme',
    '--as-of',
    '2025-12-31',
    '--window',
    '3',
    '--tiers',
    'A:50,B:50',
  );
  expect(run.stderr).toBe('');
  cli = JSON.parse(run.stdout);
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

describe('the programme report over HTTP', () => {
  let client: Client;
  beforeAll(async () => {
    client = new Client(api.app);
    await client.login('vic', 'viewer pass');
  });

  it('answers what the CLI prints for the same options, with the hand-computed figures', async () => {
    const r = await client.get('/api/reports/programme?asOf=2025-12-31&window=3&tiers=A:50,B:50');
    expect(r.status).toBe(200);
    expect(r.body).toEqual(cli);
    expect(r.body.naive.total.members).toMatchObject({ customers: 3, volume: 1600, retention: 0.5 });
    expect(r.body.matched.total).toMatchObject({ matchedMembers: 2, controls: 2, unmatchedMembers: 1 });
    expect(r.body.matched.total.frequency.did).toBe(6);
    const sv = await client.get('/api/reports/programme?asOf=2025-12-31&window=3&tiers=A:50,B:50&lang=sv');
    expect((sv.body.notes as string[]).join(' ')).toMatch(/självselektion/);
  });

  it('refuses the contract basis and a bad window, naming the field', async () => {
    const basis = await client.get('/api/reports/programme?basis=contracts');
    expect(basis.status).toBe(400);
    expect(basis.body.error.message).toMatch(/^basis: the programme effect is computed from orders/);
    const window = await client.get('/api/reports/programme?window=0');
    expect(window.status).toBe(400);
    expect(window.body.error.message).toMatch(/^window: "0"/);
  });
});
