/**
 * Warming (`src/server/warm.ts`): once the server listens, the reports the dashboard asks first with its
 * default settings are computed in the background, one at a time, into the report cache under the keys the
 * dashboard's requests use (both languages from one computation); an import moves the data version and
 * they are computed again, once, and so is a change by another process once a request sees it; a request
 * for an answer being warmed waits for that computation; with
 * warming off nothing is computed until asked; errors (an empty store) leave nothing cached and log nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/app/open-store';
import { addUser } from '../../src/app/users';
import type { AnalyticsPort } from '../../src/data/analytics/types';
import type { Store, StoreUnit } from '../../src/data/store';
import { createApi } from '../../src/server/app';
import { startServer, type RunningServer } from '../../src/server/serve';
import { DEFAULT_WARM_TARGETS, Warmer, type WarmTarget } from '../../src/server/warm';
import { Client } from './client';
import { demoApi, USERS, type DemoApi } from './demo-api';

/** Waits until `done()` holds, polling (the warming runs on its own). */
async function until(done: () => boolean, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** What the dashboard's pages ask first with the default settings (web/src/pages, web/src/settings.tsx). */
const DASHBOARD = [
  '/api/summary?window=12',
  '/api/kpi/status',
  '/api/reports/portfolio?window=12&value=revenue',
  '/api/reports/flows?window=12&value=revenue',
  '/api/reports/retention?window=12&value=revenue',
  '/api/reports/cohorts',
  '/api/reports/concentration?window=12&value=revenue',
  '/api/reports/service?window=12&byTier=true',
  '/api/reports/satisfaction?window=12&byTier=true',
];

function upload(name: string, text: string): FormData {
  const form = new FormData();
  form.append('file', new File([text], name, { type: 'text/csv' }));
  return form;
}

/**
 * Counts the units of work open at once (the most ever) and the concentration report's computations (the
 * only caller of `analytics.concentration`), which `gate` can hold.
 */
function instrument(store: Store) {
  const seen = { open: 0, maxOpen: 0, concentration: 0, gate: null as Promise<void> | null };
  const unit = store.unit.bind(store);
  store.unit = <T>(work: (u: StoreUnit) => Promise<T>): Promise<T> =>
    unit(async (u) => {
      seen.open++;
      seen.maxOpen = Math.max(seen.maxOpen, seen.open);
      try {
        const analytics = Object.create(u.analytics) as AnalyticsPort;
        analytics.concentration = async (query) => {
          seen.concentration++;
          if (seen.gate) await seen.gate;
          return u.analytics.concentration(query);
        };
        const view = Object.create(u) as StoreUnit;
        Object.defineProperty(view, 'analytics', { value: analytics });
        return await work(view);
      } finally {
        seen.open--;
      }
    });
  return seen;
}

describe('Warmer', () => {
  const targets: WarmTarget[] = ['a', 'b', 'c'].map((p) => ({ path: p, query: {}, role: 'admin' }));

  it('warms one target at a time, and a newer version abandons the older one after the target under way', async () => {
    let version = 1;
    const done: string[] = [];
    let active = 0;
    let most = 0;
    let hold: (() => void) | null = null;
    const warmer = new Warmer(
      () => Promise.resolve(version),
      async (t, v) => {
        most = Math.max(most, ++active);
        if (v === 1 && t.path === 'b') await new Promise<void>((r) => (hold = r));
        else await new Promise((r) => setTimeout(r, 1));
        done.push(`${v}${t.path}`);
        active--;
      },
      targets,
    );
    warmer.noticed(1); // not started: nothing
    expect(warmer.runs).toBe(0);
    warmer.start();
    await until(() => hold !== null, 'b of version 1 is under way');
    version = 2;
    warmer.noticed(2);
    warmer.noticed(2);
    warmer.noticed(1); // an older version read late changes nothing
    (hold as unknown as () => void)();
    await warmer.idle();
    expect(done).toEqual(['1a', '1b', '2a', '2b', '2c']);
    expect([most, warmer.maxActive, warmer.runs]).toEqual([1, 1, 5]);
    await warmer.check(); // the same version: nothing more
    await warmer.idle();
    expect(warmer.runs).toBe(5);
    await warmer.stop();
    warmer.noticed(3);
    await warmer.idle();
    expect(warmer.runs).toBe(5);
  });
});

describe('warming after start and after an import', () => {
  let demo: DemoApi;
  let server: RunningServer;
  let seen: ReturnType<typeof instrument>;
  /** answers per data version: the dashboard's reports in both languages */
  const answers = DEFAULT_WARM_TARGETS.length * 2;
  beforeAll(async () => {
    demo = await demoApi();
    seen = instrument(demo.store);
    server = await startServer({
      store: demo.store,
      rejectsDir: demo.dir,
      log: () => undefined,
      port: 0,
      host: '127.0.0.1',
      warm: true,
      // every request reads the data version (a change by another process is seen at once)
      recheckMs: 0,
    });
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await demo.close();
  });

  it('caches the default reports without any request, one computation at a time, in both languages', async () => {
    const { cache, warmer } = server.api;
    await until(() => cache.warmed === answers, `${answers} answers are warmed`);
    await warmer.idle();
    expect(warmer.runs).toBe(DEFAULT_WARM_TARGETS.length);
    expect(warmer.maxActive).toBe(1);
    // no request came: the only units of work were warming's, one after the other
    expect(seen.maxOpen).toBe(1);
    expect([cache.hits, cache.misses]).toEqual([0, 0]);
    expect(seen.concentration).toBe(1);

    // the dashboard's requests are all hits, in English and in Swedish, for an admin, an analyst and a viewer
    const clients = new Map<string, Client>();
    for (const role of ['admin', 'analyst', 'viewer'] as const) {
      const client = new Client(server.api.app);
      expect((await client.login(USERS[role].username, USERS[role].password)).status).toBe(200);
      clients.set(role, client);
    }
    const admin = clients.get('admin') as Client;
    // the same figures as a server that computes them when asked
    const computing = createApi({ store: demo.store, rejectsDir: demo.dir, log: () => undefined });
    const fresh = new Client(computing.app);
    expect((await fresh.login(USERS.admin.username, USERS.admin.password)).status).toBe(200);
    for (const path of DASHBOARD)
      for (const lang of ['', 'sv']) {
        const url = lang ? `${path}${path.includes('?') ? '&' : '?'}lang=${lang}` : path;
        const warm = await admin.get(url);
        expect([url, warm.status, warm.headers.get('x-cache')]).toEqual([url, 200, 'hit']);
        const computed = await fresh.get(url);
        expect(computed.headers.get('x-cache')).toBe('miss');
        expect(warm.body, url).toEqual(computed.body);
      }
    for (const role of ['analyst', 'viewer'] as const) {
      const warm = await (clients.get(role) as Client).get('/api/summary');
      expect(warm.headers.get('x-cache')).toBe('hit');
      const other = new Client(computing.app);
      expect((await other.login(USERS[role].username, USERS[role].password)).status).toBe(200);
      expect(warm.body, `${role} summary`).toEqual((await other.get('/api/summary')).body);
    }
    // a viewer's summary leaves the key accounts out, whatever the admin's summary computed first
    expect((await (clients.get('viewer') as Client).get('/api/summary')).body.keyAccounts).toBeNull();
    expect(cache.misses).toBe(0);
    // once warmed (both languages), and by the computing server once per language
    expect(seen.concentration).toBe(3);
    // an account manager's summary is their own: not warmed
    const manager = new Client(server.api.app);
    await manager.login(USERS.account_manager.username, USERS.account_manager.password);
    expect((await manager.get('/api/summary')).headers.get('x-cache')).toBe('miss');
  }, 120_000);

  it('warms again once after an import, and a request during it waits for the same computation', async () => {
    const { cache, warmer } = server.api;
    const analyst = new Client(server.api.app);
    await analyst.login(USERS.analyst.username, USERS.analyst.password);
    const warmedBefore = cache.warmed;
    const concentrationBefore = seen.concentration;
    const misses = cache.misses;
    let release: () => void = () => undefined;
    seen.gate = new Promise<void>((r) => (release = r));
    const added = await analyst.request(
      'POST',
      '/api/imports/transactions',
      upload('extra.csv', 'order_id,customer_id,order_date,amount\nW1,WARM-1,2025-12-31,100\n'),
    );
    expect(added.status).toBe(200);
    // warming reaches the concentration report and is held there
    await until(() => seen.concentration === concentrationBefore + 1, 'warming computes the concentration');
    const hits = cache.hits;
    const asked = analyst.get('/api/reports/concentration?window=12&value=revenue');
    await until(() => cache.hits === hits + 1, 'the request finds the answer under way');
    release();
    seen.gate = null;
    const answer = await asked;
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-cache')).toBe('hit');
    // the one new customer is counted: the answer is of the new data version
    expect(answer.body.customers).toBeGreaterThan(0);
    await until(() => cache.warmed === warmedBefore + answers, 'the new version is warmed');
    await warmer.idle();
    expect(seen.concentration).toBe(concentrationBefore + 1);
    expect(cache.misses).toBe(misses);
    expect(warmer.maxActive).toBe(1);
  }, 120_000);
});

describe('a change by another process', () => {
  it('is warmed once a request notices it', async () => {
    const demo = await demoApi({ recheckMs: 0 });
    const server = await startServer({
      store: demo.store,
      rejectsDir: demo.dir,
      log: () => undefined,
      port: 0,
      host: '127.0.0.1',
      warm: true,
      recheckMs: 0,
    });
    try {
      const { cache, warmer } = server.api;
      const answers = DEFAULT_WARM_TARGETS.length * 2;
      await until(() => cache.warmed === answers, 'the start is warmed');
      await warmer.idle();
      // what the CLI's import does in another process: the data version moves in the store
      await demo.store.unit((unit) => unit.users.bumpDataVersion());
      await new Promise((r) => setTimeout(r, 100));
      expect(cache.warmed).toBe(answers); // nobody has looked yet
      const viewer = new Client(server.api.app);
      await viewer.login(USERS.viewer.username, USERS.viewer.password);
      const seen = await viewer.get('/api/reports/satisfaction?window=12&byTier=true');
      expect(seen.status).toBe(200);
      await until(() => cache.warmed >= 2 * answers - 2, 'the new version is warmed');
      await warmer.idle();
      // satisfaction: computed by the request (a miss; warming then leaves both languages to requests) or
      // found under way; never twice
      const miss = seen.headers.get('x-cache') === 'miss';
      expect(cache.misses).toBe(miss ? 1 : 0);
      expect(cache.warmed).toBe(2 * answers - (miss ? 2 : 0));
    } finally {
      await server.close();
      await demo.close();
    }
  }, 120_000);
});

describe('without warming', () => {
  let demo: DemoApi;
  beforeAll(async () => {
    demo = await demoApi();
  }, 120_000);
  afterAll(async () => {
    await demo.close();
  });

  it('computes nothing until asked, also after an import', async () => {
    const { cache, warmer } = demo.api;
    const analyst = await demo.as('analyst');
    const added = await analyst.request(
      'POST',
      '/api/imports/transactions',
      upload('extra.csv', 'order_id,customer_id,order_date,amount\nN1,COLD-1,2025-12-31,100\n'),
    );
    expect(added.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect([warmer.runs, cache.warmed, cache.misses, cache.sharedMisses]).toEqual([0, 0, 0, 0]);
    const first = await analyst.get('/api/reports/portfolio?window=12&value=revenue');
    expect(first.headers.get('x-cache')).toBe('miss');
    expect(cache.misses).toBe(1);
  }, 60_000);
});

describe('warming an empty store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cvm-warm-empty-'));
  let store: Store;
  let server: RunningServer;
  const logged: string[] = [];
  beforeAll(async () => {
    store = await openStore(join(dir, 'empty.duckdb'));
    await store.unit((unit) =>
      addUser(
        unit,
        { username: 'root', role: 'admin', password: 'admin password' },
        { username: 'setup', now: '2026-01-01T00:00:00.000Z' },
      ),
    );
    server = await startServer({
      store,
      rejectsDir: dir,
      log: (line) => logged.push(line),
      port: 0,
      host: '127.0.0.1',
      warm: true,
    });
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('does not crash or log, and keeps no error', async () => {
    const { warmer } = server.api;
    await until(() => warmer.runs === DEFAULT_WARM_TARGETS.length, 'every target was tried');
    await warmer.idle();
    expect(logged).toEqual([]);
    const admin = new Client(server.api.app);
    expect((await admin.login('root', 'admin password')).status).toBe(200);
    // the report has no data to compute on: the request computes it (no kept error) and answers why
    const portfolio = await admin.get('/api/reports/portfolio?window=12&value=revenue');
    expect(portfolio.headers.get('x-cache')).toBeNull();
    expect(portfolio.status).toBeGreaterThanOrEqual(400);
    expect(portfolio.status).toBeLessThan(500);
    expect(server.api.cache.misses).toBe(1);
  }, 60_000);
});
