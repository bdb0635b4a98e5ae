/**
 * Errors in the language asked for: the API's own refusals (sign-in, the sign-in limit, no session, CSRF,
 * a role that may not, an upload too large, an unknown route) and the use cases' errors (an unknown
 * customer, an as-of day before the data, bad tiers) with `?lang=sv`, and the same errors on the command
 * line with `--lang sv`, against a small database file of two orders.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/app/open-store';
import { addUser } from '../../src/app/users';
import { Db } from '../../src/data/duckdb/connection';
import type { Store } from '../../src/data/store';
import { createApi, type Api } from '../../src/server/app';
import { cliOn } from '../cli';
import { Client } from './client';

const dir = mkdtempSync(join(tmpdir(), 'cvm-lang-errors-'));
const file = join(dir, 'two.duckdb');
// the command line runs on a file of its own: the server's store holds its file open
const cliFile = join(dir, 'two-cli.duckdb');
let store: Store;
let api: Api;

/** A store on `path` with two orders and the users ada (analyst), vic and eva (viewers). */
async function twoOrders(path: string): Promise<Store> {
  const db = await Db.open(path);
  await db.run(`INSERT INTO transactions (order_id, customer_id, order_date, amount) VALUES
    ('1', 'a', DATE '2025-01-05', 10), ('2', 'b', DATE '2025-01-06', 20)`);
  db.close();
  const opened = await openStore(path);
  await opened.unit(async (unit) => {
    const actor = { username: 'setup', now: '2026-01-01T00:00:00.000Z' };
    await addUser(unit, { username: 'ada', role: 'analyst', password: 'analyst pass' }, actor);
    await addUser(unit, { username: 'vic', role: 'viewer', password: 'viewer pass' }, actor);
    await addUser(unit, { username: 'eva', role: 'viewer', password: 'viewer pass' }, actor);
  });
  return opened;
}

beforeAll(async () => {
  await (await twoOrders(cliFile)).close();
  store = await twoOrders(file);
  api = createApi({
    store,
    rejectsDir: dir,
    maxUploadBytes: 100,
    loginLimits: { perUser: 2, perAddress: 100, windowMs: 60_000 },
    log: () => undefined,
  });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the API answers errors in the language asked for', () => {
  it('refuses a sign-in, then too many, in Swedish; in English without lang', async () => {
    const client = new Client(api.app);
    const en = await client.request('POST', '/api/session', { username: 'eva', password: 'nope nope' });
    expect(en.body).toEqual({ error: { code: 'unauthorized', message: 'wrong username or password' } });
    const sv = await client.request('POST', '/api/session?lang=sv', { username: 'eva', password: 'nope' });
    expect(sv.status).toBe(401);
    expect(sv.body.error.message).toBe('fel användarnamn eller lösenord');
    // the third try within the window is over the limit of 2: refused before the password is checked
    const limited = await client.request('POST', '/api/session?lang=sv', {
      username: 'eva',
      password: 'viewer pass',
    });
    expect(limited.status).toBe(429);
    const wait = Number(limited.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(1);
    expect(limited.body.error.message).toBe(
      `för många misslyckade inloggningar: försök igen om ${wait} sekunder`,
    );
    const body = await client.request('POST', '/api/session?lang=sv', '[1]');
    expect(body.body.error.message).toBe('väntade ett JSON-objekt { "username": …, "password": … }');
  });

  it('refuses a request without a session, without the CSRF token, or of a role that may not', async () => {
    const client = new Client(api.app);
    const none = await client.get('/api/reports/portfolio?lang=sv');
    expect(none.status).toBe(401);
    expect(none.body.error.message).toBe('inte inloggad: logga in först med POST /api/session');
    expect((await client.login('ada', 'analyst pass')).status).toBe(200);
    const csrf = await client.request('DELETE', '/api/session?lang=sv', undefined, { 'x-csrf-token': 'x' });
    expect(csrf.status).toBe(403);
    expect(csrf.body.error.message).toBe(
      'X-CSRF-Token-huvudet saknas eller är fel: skicka med sessionens csrfToken vid varje ändring',
    );
    const viewer = new Client(api.app);
    expect((await viewer.login('vic', 'viewer pass')).status).toBe(200);
    const role = await viewer.get('/api/imports?lang=sv');
    expect(role.status).toBe(403);
    expect(role.body.error.message).toBe('rollen viewer får inte anropa GET /api/imports');
    const route = await viewer.get('/api/nothing-here?lang=sv');
    expect(route.status).toBe(404);
    expect(route.body.error.message).toBe('ingen sådan API-väg: se /api/openapi.json');
  });

  it('refuses an upload over the limit, and the use cases’ errors, in Swedish', async () => {
    const client = new Client(api.app);
    expect((await client.login('ada', 'analyst pass')).status).toBe(200);
    const form = new FormData();
    form.append('file', new Blob(['order_id,customer_id,order_date,amount\n' + 'x'.repeat(200)]), 'big.csv');
    const big = await client.request('POST', '/api/imports/transactions?lang=sv', form);
    expect(big.status).toBe(413);
    expect(big.body.error.message).toBe(
      'uppladdningen är större än gränsen på 100 byte; importera en så stor fil med cvm import',
    );
    const customer = await client.get('/api/customers/nope?lang=sv');
    expect(customer.status).toBe(404);
    expect(customer.body.error.message).toBe('ingen kund "nope" i databasen');
    const early = await client.get('/api/reports/portfolio?asOf=2024-12-31&lang=sv');
    expect(early.status).toBe(400);
    expect(early.body.error).toMatchObject({
      field: 'asOf',
      value: '2024-12-31',
      message:
        'asOf: 2024-12-31 ligger före den första transaktionen (2025-01-05); datan täcker 2025-01-05 till 2025-01-06',
      expected: 'en dag från och med 2025-01-05',
    });
    const tiers = await client.get('/api/reports/portfolio?tiers=50,40.5&lang=sv');
    expect(tiers.body.error.message).toBe('tiers: andelarna i "50,40.5" summerar till 90,5 %, väntat 100');
    const en = await client.get('/api/reports/portfolio?tiers=50,40.5');
    expect(en.body.error.message).toBe('tiers: the shares in "50,40.5" sum to 90.5 %, expected 100');
  });
});

describe('the command line answers the same errors with --lang sv', () => {
  it('an unknown customer, a role that does not exist, an as-of day before the data', () => {
    const cvm = cliOn(cliFile);
    const customer = cvm('--lang', 'sv', 'customer', 'nope');
    expect(customer.status).toBe(1);
    expect(customer.stderr).toBe('cvm: ingen kund "nope" i databasen\n');
    expect(cvm('customer', 'nope').stderr).toBe('cvm: no customer "nope" in the store\n');
    const role = cvm('--lang', 'sv', 'user', 'set-role', 'vic', 'boss');
    expect(role.status).toBe(2);
    expect(role.stderr).toBe(
      'cvm: --role: "boss" är inte en roll (väntat admin, analyst, account_manager eller viewer)\n',
    );
    const user = cvm('--lang', 'sv', 'user', 'remove', 'nobody');
    expect(user.stderr).toBe('cvm: username: ingen användare nobody\n');
    const early = cvm('--lang', 'sv', 'report', 'portfolio', '--as-of', '2024-12-31');
    expect(early.status).toBe(2);
    expect(early.stderr).toBe(
      'cvm: --as-of: 2024-12-31 ligger före den första transaktionen (2025-01-05); datan täcker 2025-01-05 till 2025-01-06\n',
    );
  });
});
