/**
 * Authorization over the role × route matrix: every route the app has must have a rule here (a new route
 * without one fails), anonymous requests get 401, a role without the right 403, a role with it anything but
 * 401/403. Then what an account manager sees: only their own key accounts, everywhere, and a foreign account
 * answers exactly like a missing one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDbUnit } from '../../src/data/duckdb/store';
import { ROLES, type Role } from '../../src/data/users/types';
import { Client } from './client';
import { demoApi, type DemoApi } from './demo-api';

const ALL = ['admin', 'analyst', 'account_manager', 'viewer'];
const ANALYSTS = ['admin', 'analyst'];
const ACCOUNTS = ['admin', 'analyst', 'account_manager'];
const ADMINS = ['admin'];

/** Who may call what: the rules, written out once more so that a change to them is a change here too. */
const RULES: Record<string, string[] | 'public' | 'signed-in'> = {
  'POST /api/session': 'public',
  'GET /api/session': 'signed-in',
  'DELETE /api/session': 'signed-in',
  'GET /api/openapi.json': 'public',
  'GET /api/reports/portfolio': ALL,
  'GET /api/reports/flows': ALL,
  'GET /api/reports/retention': ALL,
  'GET /api/reports/cohorts': ALL,
  'GET /api/reports/concentration': ALL,
  'GET /api/reports/service': ALL,
  'GET /api/reports/satisfaction': ALL,
  'GET /api/reports/loyalty-depth': ALL,
  'GET /api/reports/programme': ALL,
  'GET /api/reports/subscription': ALL,
  'GET /api/reports/products': ALL,
  'GET /api/reports/product-churn': ALL,
  'GET /api/customers': ALL,
  'GET /api/customers/:id': ALL,
  'DELETE /api/customers/:id': ADMINS,
  'GET /api/segments': ALL,
  'GET /api/lifecycle': ALL,
  'GET /api/actions': ANALYSTS,
  'GET /api/info': ALL,
  'GET /api/summary': ALL,
  'GET /api/simulate/retention': ALL,
  'GET /api/simulate/bucket': ALL,
  'GET /api/simulate/loyal': ALL,
  'GET /api/accounts': ACCOUNTS,
  'GET /api/accounts/scorecard': ACCOUNTS,
  'PUT /api/accounts/scorecard': ANALYSTS,
  'DELETE /api/accounts/scorecard': ANALYSTS,
  'GET /api/accounts/sensitivity': ACCOUNTS,
  'GET /api/accounts/backtest': ACCOUNTS,
  'GET /api/accounts/dpm': ACCOUNTS,
  'GET /api/accounts/:id': ACCOUNTS,
  'POST /api/accounts/:id/assessments': ACCOUNTS,
  'GET /api/kpi': ALL,
  'GET /api/kpi/status': ALL,
  'GET /api/kpi/quality': ALL,
  'PUT /api/kpi/:kpi': ANALYSTS,
  'DELETE /api/kpi/:kpi': ANALYSTS,
  'POST /api/models/fit': ANALYSTS,
  'POST /api/models/sbg': ANALYSTS,
  'GET /api/models/at-risk': ANALYSTS,
  'GET /api/models/predict': ANALYSTS,
  'GET /api/models/validate': ANALYSTS,
  'POST /api/models/bgbb/validate': ANALYSTS,
  'POST /api/imports/:kind': ANALYSTS,
  'GET /api/imports': ANALYSTS,
  'POST /api/imports/:id/undo': ANALYSTS,
  'GET /api/imports/progress/:token': ANALYSTS,
  'GET /api/imports/:id/rejects': ANALYSTS,
  'GET /api/users': ADMINS,
  'POST /api/users': ADMINS,
  'PATCH /api/users/:username': ADMINS,
  'DELETE /api/users/:username': ADMINS,
  'GET /api/audit': ADMINS,
};

/** Path parameters that exist in the demo but change nothing when a request with no body is refused. */
const fill = (path: string): string =>
  path
    .replace(':id/rejects', '1/rejects')
    .replace(':id/undo', '999/undo')
    .replace(':id', 'KA01')
    .replace(':kind', 'transactions')
    .replace(':kpi', 'nps')
    .replace(':token', 'no-such-upload')
    .replace(':username', 'nobody');

let demo: DemoApi;
beforeAll(async () => {
  demo = await demoApi();
}, 120_000);
afterAll(async () => {
  await demo.close();
});

describe('the role × route matrix', () => {
  it('has a rule for every route of the app, and every rule is a route', () => {
    const routes = demo.api.routes.map((r) => `${r.method} ${r.path}`);
    expect(routes.filter((r) => !(r in RULES))).toEqual([]);
    expect(Object.keys(RULES).filter((r) => !routes.includes(r))).toEqual([]);
    for (const r of demo.api.routes)
      expect(r.roles, `${r.method} ${r.path}`).toEqual(RULES[`${r.method} ${r.path}`]);
  });

  it('answers 401 to anonymous requests and 403 to roles without the right', async () => {
    const clients = Object.fromEntries(
      await Promise.all(ROLES.map(async (role) => [role, await demo.as(role)] as const)),
    ) as Record<Role, Client>;
    const anonymous = new Client(demo.api.app);
    // signing out comes last: the clients stay signed in for the rest
    const routes = [...demo.api.routes].sort(
      (a, b) => Number(a.path === '/api/session') - Number(b.path === '/api/session'),
    );
    for (const r of routes) {
      const rule = RULES[`${r.method} ${r.path}`]!;
      const path = fill(r.path);
      const name = `${r.method} ${path}`;
      if (rule === 'public') continue;
      expect((await anonymous.request(r.method, path)).status, `anonymous ${name}`).toBe(401);
      for (const role of ROLES) {
        const answer = await clients[role].request(r.method, path);
        const allowed = rule === 'signed-in' || rule.includes(role);
        if (allowed) {
          expect([401, 403], `${role} ${name}: ${answer.text}`).not.toContain(answer.status);
          expect(answer.status, `${role} ${name}: ${answer.text}`).toBeLessThan(500);
        } else {
          expect(answer.status, `${role} ${name}`).toBe(403);
          expect(answer.body.error.code).toBe('forbidden');
        }
      }
    }
  }, 120_000);
});

describe("an account manager's key accounts", () => {
  let karin: Client;
  let admin: Client;
  let all: { account: string; manager: string }[];
  beforeAll(async () => {
    karin = await demo.as('account_manager');
    admin = await demo.as('admin');
    all = (await admin.get('/api/accounts')).body.accounts;
  });

  it('lists, totals and plots only their own accounts', async () => {
    const own = all.filter((a) => a.manager === 'Karin Wallin').map((a) => a.account);
    expect(own.length).toBeGreaterThan(0);
    expect(own.length).toBeLessThan(all.length);
    const report = (await karin.get('/api/accounts')).body as {
      accounts: { account: string }[];
      totals: { accounts: number };
    };
    expect(report.accounts.map((a) => a.account)).toEqual(own);
    expect(report.totals.accounts).toBe(own.length);
    const dpm = (await karin.get('/api/accounts/dpm')).body as { points: { account: string }[] };
    expect(dpm.points.map((p) => p.account).sort()).toEqual([...own].sort());
    const sensitivity = (await karin.get('/api/accounts/sensitivity')).text;
    const backtest = (await karin.get('/api/accounts/backtest')).text;
    const summary = (await karin.get('/api/summary')).body;
    expect(summary.headline.keyAccounts).toBe(own.length);
    for (const foreign of all.filter((a) => a.manager !== 'Karin Wallin')) {
      for (const text of [
        JSON.stringify(report),
        JSON.stringify(dpm),
        sensitivity,
        backtest,
        JSON.stringify(summary),
      ])
        expect(text).not.toContain(`"${foreign.account}"`);
    }
  });

  it('answers a foreign account exactly like a missing one', async () => {
    const foreign = all.find((a) => a.manager !== 'Karin Wallin')!.account;
    const own = all.find((a) => a.manager === 'Karin Wallin')!.account;
    expect((await karin.get(`/api/accounts/${own}`)).status).toBe(200);
    const theirs = await karin.get(`/api/accounts/${foreign}`);
    const missing = await karin.get('/api/accounts/KA99');
    expect(theirs.status).toBe(404);
    expect(missing.status).toBe(404);
    const message = (a: { body: { error: { message: string } } }): string => a.body.error.message;
    expect(message(theirs).replace(foreign, 'X')).toBe(message(missing).replace('KA99', 'X'));
    const write = await karin.request('POST', `/api/accounts/${foreign}/assessments`, { factors: {} });
    expect(write.status).toBe(404);
    expect((await admin.get(`/api/accounts/${foreign}`)).status).toBe(200);
  });
});

describe("a customer's page", () => {
  it('shows each role only the key accounts it may see, and answers a missing customer alike', async () => {
    const admin = await demo.as('admin');
    const karin = await demo.as('account_manager');
    const viewer = await demo.as('viewer');
    const all = (await admin.get('/api/accounts')).body.accounts as {
      account: string;
      name: string;
      manager: string;
    }[];
    const own = all.find((a) => a.manager === 'Karin Wallin')!;
    const foreign = all.find((a) => a.manager !== 'Karin Wallin')!;
    const found = await karin.get('/api/customers?q=C00000');
    expect(found.status).toBe(200);
    const id = (found.body.customers as string[])[0]!;
    expect(id).toMatch(/^C00000/);
    // the demo links no key account to a customer: link one of Karin's and one of another manager's
    await demo.store.unit(async (unit) => {
      await (unit as DuckDbUnit).db.run(
        'UPDATE key_accounts SET customer_id = ? WHERE account_id IN (?, ?)',
        [id, own.account, foreign.account],
      );
    });
    const ids = (r: { body: { keyAccounts: { accountId: string }[] } }) =>
      r.body.keyAccounts.map((k) => k.accountId).sort();
    const asAdmin = await admin.get(`/api/customers/${id}?asOf=2025-12-31`);
    expect(asAdmin.status).toBe(200);
    expect(ids(asAdmin)).toEqual([own.account, foreign.account].sort());
    const asKarin = await karin.get(`/api/customers/${id}?asOf=2025-12-31`);
    expect(ids(asKarin)).toEqual([own.account]);
    expect(asKarin.text).not.toContain(`"${foreign.account}"`);
    expect(asKarin.text).not.toContain(foreign.name);
    const asViewer = await viewer.get(`/api/customers/${id}?asOf=2025-12-31`);
    expect(asViewer.body.keyAccounts).toEqual([]);
    expect(asViewer.text).not.toContain(own.name);
    // everything else is the same page for everyone
    const { keyAccounts: _a, ...adminRest } = asAdmin.body;
    const { keyAccounts: _k, ...karinRest } = asKarin.body;
    expect(karinRest).toEqual(adminRest);
    expect(asAdmin.body.summary.orders).toBe(
      (asAdmin.body.months as { orders: number }[]).reduce((s, m) => s + m.orders, 0),
    );
    // a customer that is not in the store answers alike for every role, naming only the id asked for
    for (const client of [admin, karin, viewer]) {
      const missing = await client.get('/api/customers/NO-SUCH-ONE');
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toBe('no customer "NO-SUCH-ONE" in the store');
    }
    const bad = await karin.get(`/api/customers/${id}?windows=99`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('windows');
  });
});

describe('erasing a customer over the API', () => {
  it('counts in a dry run, then erases the same rows, audited; the page is gone after', async () => {
    const admin = await demo.as('admin');
    const id = ((await admin.get('/api/customers?q=C00001')).body.customers as string[])[0]!;
    const page = await admin.get(`/api/customers/${id}?asOf=2025-12-31`);
    expect(page.status).toBe(200);
    const s = page.body.summary as { orders: number; complaints: number; surveys: number; contracts: number };
    expect(s.orders).toBeGreaterThan(0);
    const rows = (r: { body: { kinds: { kind: string; rows: number }[] } }) =>
      Object.fromEntries(r.body.kinds.map((k) => [k.kind, k.rows]));
    const dry = await admin.request('DELETE', `/api/customers/${id}?dryRun=true`);
    expect(dry.status).toBe(200);
    expect(dry.body.dryRun).toBe(true);
    expect(rows(dry)).toMatchObject({
      customers: 1,
      transactions: s.orders,
      complaints: s.complaints,
      surveys: s.surveys,
      contracts: s.contracts,
    });
    expect((await admin.get(`/api/customers/${id}?asOf=2025-12-31`)).status).toBe(200);
    const gone = await admin.request('DELETE', `/api/customers/${id}`);
    expect(gone.status).toBe(200);
    expect(rows(gone)).toEqual(rows(dry));
    expect(gone.body.rowsDeleted).toBe(dry.body.rowsDeleted);
    expect((await admin.get(`/api/customers/${id}?asOf=2025-12-31`)).status).toBe(404);
    const audit = (await admin.get('/api/audit?limit=5')).body as { action: string; target: string }[];
    expect(audit.filter((e) => e.action === 'customer.delete').map((e) => e.target)).toEqual([id]);
    const again = await admin.request('DELETE', `/api/customers/${id}`);
    expect(again.status).toBe(404);
    const bad = await admin.request('DELETE', `/api/customers/${id}?dryRun=yes`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('dryRun');
  });
});
