/**
 * What a request remembers before the report cache answers it (`src/server/recheck.ts`): the session checks
 * and the data version are read from the store at most once per `recheckMs`, so a cache hit opens no unit
 * of work; every change through the server (sign-out, a role change, a removed user, an import) takes
 * effect at once; a change another process makes in the store is seen once `recheckMs` has passed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRow } from '../../src/data/users/types';
import { Recheck, type SignedIn } from '../../src/server/recheck';
import { Client } from './client';
import { demoApi, USERS, type DemoApi } from './demo-api';

const session = (id: string, expiresAt: string): SignedIn => ({
  session: {
    sessionId: id,
    username: 'ada',
    csrfToken: 't',
    createdAt: '2026-01-01T00:00:00.000Z',
    expiresAt,
  },
  user: {
    username: 'ada',
    role: 'analyst',
    displayName: null,
    passwordHash: 'x',
    createdAt: '2026-01-01T00:00:00.000Z',
  } satisfies UserRow,
});

describe('Recheck', () => {
  it('reads the data version again once it is recheckMs old, or at once after forget', async () => {
    let tick = 0;
    const recheck = new Recheck(1000, () => tick);
    let reads = 0;
    let stored = 5;
    const read = () => Promise.resolve((reads++, stored));
    expect(await recheck.dataVersion(read)).toBe(5);
    stored = 6;
    tick = 999;
    expect(await recheck.dataVersion(read)).toBe(5);
    expect(reads).toBe(1);
    tick = 1000;
    expect(await recheck.dataVersion(read)).toBe(6);
    expect(reads).toBe(2);
    stored = 7;
    recheck.forget();
    expect(await recheck.dataVersion(read)).toBe(7);
    expect(reads).toBe(3);
    expect(recheck.saved).toBe(1);
  });

  it('does not remember a value whose read started before something was forgotten', async () => {
    const recheck = new Recheck(1000, () => 0);
    let release: (v: number) => void = () => undefined;
    const slow = recheck.dataVersion(() => new Promise<number>((r) => (release = r)));
    recheck.forget(); // an import committed while the read was under way
    release(3);
    expect(await slow).toBe(3);
    expect(await recheck.dataVersion(() => Promise.resolve(4))).toBe(4);
  });

  it('remembers a live session until it expires, and no missing one', async () => {
    const recheck = new Recheck(1000, () => 0);
    let reads = 0;
    const live = session('s1', '2026-01-01T12:00:00.000Z');
    const read = () => Promise.resolve((reads++, live));
    expect(await recheck.signedIn('s1', '2026-01-01T11:59:59.999Z', read)).toBe(live);
    expect(await recheck.signedIn('s1', '2026-01-01T11:59:59.999Z', read)).toBe(live);
    expect(reads).toBe(1);
    // at its expiry the store is asked (and says it has none)
    expect(await recheck.signedIn('s1', '2026-01-01T12:00:00.000Z', () => Promise.resolve(null))).toBe(null);
    let misses = 0;
    const none = () => Promise.resolve((misses++, null));
    await recheck.signedIn('nope', '2026-01-01T00:00:00.000Z', none);
    await recheck.signedIn('nope', '2026-01-01T00:00:00.000Z', none);
    expect(misses).toBe(2);
  });
});

describe('the API with remembered checks', () => {
  let demo: DemoApi;
  let tick = 0;
  let units = 0;
  beforeAll(async () => {
    demo = await demoApi({ ticks: () => tick });
    const unit = demo.store.unit.bind(demo.store);
    demo.store.unit = (work) => (units++, unit(work));
  }, 120_000);
  afterAll(async () => {
    await demo.close();
  });

  /** A client signed in as `username`, and its session cookie. */
  async function signIn(username: string, password: string): Promise<{ client: Client; cookie: string }> {
    const client = new Client(demo.api.app);
    const answer = await client.login(username, password);
    expect(answer.status).toBe(200);
    return { client, cookie: (answer.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
  }

  const getWith = async (cookie: string, path: string): Promise<number> =>
    (await demo.api.app.request(`http://localhost${path}`, { headers: { cookie } })).status;

  it('answers a cache hit without opening a unit of work', async () => {
    const viewer = await demo.as('viewer');
    const path = '/api/reports/retention?window=3';
    expect((await viewer.get(path)).headers.get('x-cache')).toBe('miss');
    const before = units;
    const again = await viewer.get(path);
    expect(again.status).toBe(200);
    expect(again.headers.get('x-cache')).toBe('hit');
    expect(units - before).toBe(0);
  });

  it('refuses a signed-out session at once', async () => {
    const { client, cookie } = await signIn(USERS.viewer.username, USERS.viewer.password);
    expect(await getWith(cookie, '/api/reports/service')).toBe(200);
    expect((await client.request('DELETE', '/api/session')).status).toBe(204);
    expect(await getWith(cookie, '/api/reports/service')).toBe(401);
  });

  it('applies a role change and a removal through the API at once', async () => {
    const admin = await demo.as('admin');
    const added = await admin.request('POST', '/api/users', {
      username: 'temp',
      role: 'analyst',
      password: 'temporary password',
    });
    expect(added.status).toBe(200);
    const { cookie } = await signIn('temp', 'temporary password');
    expect(await getWith(cookie, '/api/imports')).toBe(200);
    expect((await admin.request('PATCH', '/api/users/temp', { role: 'viewer' })).status).toBe(200);
    expect(await getWith(cookie, '/api/imports')).toBe(403);
    expect(await getWith(cookie, '/api/reports/service')).toBe(200);
    expect((await admin.request('DELETE', '/api/users/temp')).status).toBe(200);
    expect(await getWith(cookie, '/api/reports/service')).toBe(401);
  });

  it('computes the reports again at once after an upload through the server', async () => {
    const analyst = await demo.as('analyst');
    const path = '/api/reports/portfolio?asOf=2025-12-31';
    await analyst.get(path);
    expect((await analyst.get(path)).headers.get('x-cache')).toBe('hit');
    const form = new FormData();
    const csv = 'order_id,customer_id,order_date,amount\nR1,NEW-R,2025-12-31,100\n';
    form.append('file', new File([csv], 'one.csv', { type: 'text/csv' }));
    expect((await analyst.request('POST', '/api/imports/transactions', form)).status).toBe(200);
    expect((await analyst.get(path)).headers.get('x-cache')).toBe('miss');
  });

  it('sees a change made by another process once recheckMs has passed', async () => {
    const { cookie } = await signIn(USERS.analyst.username, USERS.analyst.password);
    const other = (await signIn(USERS.viewer.username, USERS.viewer.password)).cookie;
    const path = '/api/reports/portfolio?asOf=2025-06-30';
    const cached = async (c: string): Promise<string | null> =>
      (await demo.api.app.request(`http://localhost${path}`, { headers: { cookie: c } })).headers.get(
        'x-cache',
      );
    expect(await cached(cookie)).toBe('miss');
    expect(await cached(other)).toBe('hit');
    // another process (the CLI, a second server) bumps the data version and ends the session in the store
    await demo.store.unit(async (unit) => {
      await unit.users.bumpDataVersion();
      await unit.users.removeSession(cookie.split('=')[1] ?? '');
    });
    tick += 999;
    expect(await cached(cookie)).toBe('hit');
    tick += 1;
    expect(await getWith(cookie, path)).toBe(401);
    expect(await cached(other)).toBe('miss');
  });
});
