/**
 * The HTTP API in-process on a small database file: sign-in, sessions, CSRF, the report endpoints against
 * `cvm report … --format json` on the same file, errors that name the field, and the report cache (a second
 * request recomputes nothing, an upload invalidates).
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

const dir = mkdtempSync(join(tmpdir(), 'cvm-api-'));
const file = join(dir, 'small.duckdb');
let store: Store;
let api: Api;
const cli: Record<string, unknown> = {};

beforeAll(async () => {
  const db = await Db.open(file);
  // F12: a 1 000, b 100 (b lost). S12: a 900, c 50 (new, its only purchase on the as-of day).
  await db.run(`INSERT INTO transactions (order_id, customer_id, order_date, amount) VALUES
    ('1', 'a', DATE '2024-03-01', 1000), ('2', 'b', DATE '2024-04-01', 100),
    ('3', 'a', DATE '2025-03-01', 900), ('4', 'c', DATE '2025-12-31', 50)`);
  // a (Top) answered after 3 h about delivery; c (Rest) answered after 1 h about billing
  await db.run(`INSERT INTO complaints (complaint_id, customer_id, opened_at, first_response_at, resolved_at,
    category) VALUES
    ('k1', 'a', TIMESTAMP '2025-06-01 10:00:00', TIMESTAMP '2025-06-01 13:00:00',
      TIMESTAMP '2025-06-02 10:00:00', 'delivery'),
    ('k2', 'c', TIMESTAMP '2025-11-01 10:00:00', TIMESTAMP '2025-11-01 11:00:00',
      TIMESTAMP '2025-11-01 12:00:00', 'billing')`);
  db.close();
  // the CLI's answers first: the server's store then holds the file
  const cvm = cliOn(file);
  for (const [name, args] of Object.entries({
    portfolio: ['report', 'portfolio', '--as-of', '2025-12-31'],
    flows: ['report', 'flows', '--as-of', '2025-12-31', '--tiers', 'Top:50,Rest:50', '--window', '12'],
    info: ['info'],
    service: ['report', 'service', '--as-of', '2025-12-31', '--tiers', 'Top:50,Rest:50'],
    segments: ['segments', '--as-of', '2025-12-31'],
    actions: ['actions', '--as-of', '2025-12-31'],
    portfolioSv: [
      '--lang',
      'sv',
      'report',
      'portfolio',
      '--as-of',
      '2025-12-31',
      '--tiers',
      'Top:50,Rest:50',
    ],
  })) {
    const run = cvm('--format', 'json', ...args);
    expect(run.stderr).toBe('');
    cli[name] = JSON.parse(run.stdout);
  }
  store = await openStore(file);
  await store.unit(async (unit) => {
    const actor = { username: 'setup', now: '2026-01-01T00:00:00.000Z' };
    await addUser(unit, { username: 'ada', role: 'analyst', password: 'correct horse' }, actor);
    await addUser(unit, { username: 'vic', role: 'viewer', password: 'viewer pass' }, actor);
  });
  api = createApi({
    store,
    rejectsDir: dir,
    loginLimits: { perUser: 3, perAddress: 100, windowMs: 60_000 },
    log: () => undefined,
  });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sessions', () => {
  it('signs in with the right password only, with an HttpOnly SameSite=Strict cookie', async () => {
    const client = new Client(api.app);
    const wrong = await client.login('ada', 'wrong password');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error: { code: 'unauthorized', message: 'wrong username or password' } });
    expect((await client.login('nobody', 'whatever')).status).toBe(401);
    const ok = await client.login('ada', 'correct horse');
    expect(ok.status).toBe(200);
    expect(ok.body.user).toEqual({ username: 'ada', role: 'analyst' });
    expect(ok.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = ok.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^cvm_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
    expect((await client.get('/api/session')).body).toEqual(ok.body);
  });

  it('marks the cookie Secure over TLS, and ignores X-Forwarded-Proto without a trusted proxy', async () => {
    const direct = new Client(api.app, 'https://cvm.example');
    expect((await direct.login('vic', 'viewer pass')).headers.get('set-cookie')).toContain('Secure');
    // any client can send the header: only a proxy named by --trust-proxy is believed (test/server/proxy.test.ts)
    const claimed = new Client(api.app);
    const answer = await claimed.request(
      'POST',
      '/api/session',
      { username: 'vic', password: 'viewer pass' },
      { 'x-forwarded-proto': 'https' },
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('set-cookie')).not.toContain('Secure');
  });

  it('answers 401 without a session and 403 on a change without the CSRF token', async () => {
    const anonymous = new Client(api.app);
    const none = await anonymous.get('/api/reports/portfolio');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('unauthorized');
    const client = new Client(api.app);
    await client.login('ada', 'correct horse');
    const forged = await client.request('DELETE', '/api/session', undefined, { 'x-csrf-token': 'forged' });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('forbidden');
    expect((await client.get('/api/session')).status).toBe(200);
    expect((await client.request('DELETE', '/api/session')).status).toBe(204);
    expect((await client.get('/api/session')).status).toBe(401);
  });

  it('limits failed sign-ins per username with 429', async () => {
    const client = new Client(api.app);
    for (let i = 0; i < 3; i++) expect((await client.login('vic', `guess ${i}`)).status).toBe(401);
    const limited = await client.login('vic', 'viewer pass');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate-limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await new Client(api.app).login('ada', 'correct horse')).status).toBe(200);
  });
});

describe('reports', () => {
  let client: Client;
  beforeAll(async () => {
    client = new Client(api.app);
    await client.login('ada', 'correct horse');
  });

  it('answers exactly what cvm report … --format json prints for the same options', async () => {
    const portfolio = await client.get('/api/reports/portfolio?asOf=2025-12-31');
    expect(portfolio.status).toBe(200);
    expect(portfolio.body).toEqual(cli.portfolio);
    // hand-computed: two customers in the current window, a 900 and c 50
    expect(portfolio.body.asOf).toBe('2025-12-31');
    const tiers = portfolio.body.tiers as { customers: number; revenue: number }[];
    expect(tiers.reduce((n, t) => n + t.customers, 0)).toBe(2);
    expect(tiers.reduce((n, t) => n + t.revenue, 0)).toBe(950);
    const flows = await client.get('/api/reports/flows?asOf=2025-12-31&tiers=Top:50,Rest:50&window=12');
    expect(flows.status).toBe(200);
    expect(flows.body).toEqual(cli.flows);
    expect((await client.get('/api/info')).body).toEqual(cli.info);
    const service = await client.get('/api/reports/service?asOf=2025-12-31&tiers=Top:50,Rest:50');
    expect(service.status).toBe(200);
    expect(service.body).toEqual(cli.service);
    const byTier = service.body.byTier as {
      tiers: { tier: string; firstResponse: unknown; causes: unknown }[];
    };
    expect(byTier.tiers.map((t) => [t.tier, t.firstResponse, t.causes])).toEqual([
      [
        'Top',
        { n: 1, medianHours: 3, meanHours: 3, p90Hours: 3 },
        [{ cause: 'delivery', complaints: 1, share: 1 }],
      ],
      [
        'Rest',
        { n: 1, medianHours: 1, meanHours: 1, p90Hours: 1 },
        [{ cause: 'billing', complaints: 1, share: 1 }],
      ],
      ['not active', { n: 0, medianHours: null, meanHours: null, p90Hours: null }, []],
    ]);
  });

  it('answers notes in the language asked for, as cvm --lang sv prints them', async () => {
    const sv = await client.get('/api/reports/portfolio?asOf=2025-12-31&tiers=Top:50,Rest:50&lang=sv');
    expect(sv.status).toBe(200);
    expect(sv.body).toEqual(cli.portfolioSv);
    expect(sv.body.notes).toContain(
      'Top: varaktighet odefinierad: ingen kund förlorades (ingen churn), så livslängden är obegränsad',
    );
    const en = await client.get('/api/reports/portfolio?asOf=2025-12-31&tiers=Top:50,Rest:50');
    expect(en.body.notes).toContain(
      'Top: duration undefined: no customer was lost (zero churn), so the lifetime is unbounded',
    );
    const bad = await client.get('/api/reports/portfolio?lang=de');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ field: 'lang', value: 'de' });
  });

  it('answers a bad option in the language asked for', async () => {
    const sv = await client.get('/api/reports/portfolio?asOf=2025-02-30&lang=sv');
    expect(sv.status).toBe(400);
    expect(sv.body.error).toMatchObject({
      code: 'invalid-input',
      field: 'asOf',
      value: '2025-02-30',
      message: 'asOf: "2025-02-30" är inte ett datum (väntat ÅÅÅÅ-MM-DD)',
    });
    const en = await client.get('/api/reports/portfolio?asOf=2025-02-30');
    expect(en.body.error).toMatchObject({
      message: 'asOf: "2025-02-30" is not a date (expected YYYY-MM-DD)',
    });
  });

  it('answers cvm segments and cvm actions exactly, and refuses a rules file on the server', async () => {
    const segments = await client.get('/api/segments?asOf=2025-12-31');
    expect(segments.status).toBe(200);
    expect(segments.body).toEqual(cli.segments);
    // a (900, bought in both windows within its 365-day interval): Super, high → Royals; c (50, new): Middle,
    // medium → Drifters; b bought only in F12
    const rows = (segments.body as { segments: { segment: string; customers: number; value: number }[] })
      .segments;
    expect(rows.filter((r) => r.customers > 0).map((r) => [r.segment, r.customers, r.value])).toEqual([
      ['Royals', 1, 900],
      ['Drifters', 1, 50],
      ['inactive', 1, 0],
    ]);
    const actions = await client.get('/api/actions?asOf=2025-12-31');
    expect(actions.status).toBe(200);
    expect(actions.body).toEqual(cli.actions);
    // b: 639 days without a purchase > 1.5 × 365 → win-back; CLV 100 × 1 year (F12 Middle lost all) × risk
    // 639 / 1 095; c: new on the as-of day, risk 0
    const list = (
      actions.body as { suggestions: { customerId: string; actionId: string; valueAtStake: number }[] }
    ).suggestions;
    expect(list.map((x) => [x.customerId, x.actionId, x.valueAtStake])).toEqual([
      ['b', 'win-back-offer', 58.36],
      ['c', 'welcome-series', 0],
    ]);
    const rules = await client.get('/api/lifecycle?rules=/etc/passwd');
    expect(rules.status).toBe(400);
    expect((rules.body as { error: { field: string } }).error.field).toBe('rules');
  });

  it('names the field, the value and what was expected in a bad option', async () => {
    const bad = await client.get('/api/reports/portfolio?window=13x');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      error: {
        code: 'invalid-input',
        message:
          'window: "13x" is not a window length (expected whole months from 1 to 120, e.g. 12, 6, 3 or 1)',
        field: 'window',
        value: '13x',
        expected: 'whole months from 1 to 120, e.g. 12, 6, 3 or 1',
      },
    });
    const unknown = await client.get('/api/reports/nothing');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not-found');
  });
});

describe('the OpenAPI document', () => {
  it('covers every route, with the option schemas as query parameters', async () => {
    const answer = await new Client(api.app).get('/api/openapi.json');
    expect(answer.status).toBe(200);
    const doc = answer.body as {
      openapi: string;
      paths: Record<string, Record<string, { parameters: { name: string; in: string }[] }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const r of api.routes) {
      const path = r.path.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${r.path}`).toBeDefined();
    }
    const portfolio = doc.paths['/api/reports/portfolio']!.get!.parameters.map((p) => `${p.in}:${p.name}`);
    expect(portfolio).toEqual([
      'query:asOf',
      'query:window',
      'query:tiers',
      'query:value',
      'query:basis',
      'query:horizon',
      'query:discountRate',
      'query:lang',
    ]);
    const account = doc.paths['/api/accounts/{id}']!.get!.parameters.map((p) => `${p.in}:${p.name}`);
    expect(account[0]).toBe('path:id');
    expect(account).toContain('query:discountRate');
  });
});
