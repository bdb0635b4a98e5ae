/**
 * Business hours and targets per category and priority as a user asks for them: `cvm report service`
 * options and the same fields as query parameters of `GET /api/reports/service`, on a small file with
 * complaints across both DST changes of 2026, a weekend and Easter, checked against hand computation.
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
import { Client } from '../server/client';

const dir = mkdtempSync(join(tmpdir(), 'cvm-business-hours-'));
const file = join(dir, 'office.duckdb');
const cvm = cliOn(file);
let store: Store;
let api: Api;

// Stored UTC. Stockholm office Mon–Fri 08:00–17:00 with Good Friday and Easter Monday closed:
// b1 Fri 16:00 CET → Mon 09:00 CEST (spring forward): 2 business h, 64 calendar h, priority high
// b2 Fri 12:00 CEST → Mon 12:00 CET (fall back): 9 business h, 73 calendar h, billing
// b3 Thu 15:00 → Tue 10:00 CEST over Easter: 4 business h, 115 calendar h, billing, priority low
// b4 Saturday → Sunday: 0 business h, 24 calendar h; b5 still open at the as-of instant
const COMPLAINTS = `complaint_id,customer_id,opened_at,resolved_at,category,priority
b1,x1,2026-03-27 15:00:00,2026-03-30 07:00:00,delivery,high
b2,x2,2026-10-23 10:00:00,2026-10-26 11:00:00,billing,
b3,x3,2026-04-02 13:00:00,2026-04-07 08:00:00,billing,low
b4,x4,2026-05-09 10:00:00,2026-05-10 10:00:00,,
b5,x5,2026-10-30 09:00:00,,delivery,
`;

const OFFICE = ['--as-of', '2026-10-31', '--time-zone', 'Europe/Stockholm'];
const QUERY = 'asOf=2026-10-31&timeZone=Europe/Stockholm';

beforeAll(() => {
  writeFileSync(join(dir, 'transactions.csv'), 'customer_id,order_date,amount\nx1,2026-06-01,500\n');
  writeFileSync(join(dir, 'complaints.csv'), COMPLAINTS);
  for (const kind of ['transactions', 'complaints']) {
    const run = cvm('import', kind, join(dir, `${kind}.csv`));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }
}, 60_000);
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Report = Record<string, unknown> & { withinTarget: number; medianResolutionHours: number | null };

function json(...args: string[]): Report {
  const run = cvm('--format', 'json', 'report', 'service', ...OFFICE, ...args);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Report;
}

describe('cvm report service: business hours and targets', () => {
  it('counts business hours across weekends, Easter and both DST changes', () => {
    const r = json('--holidays', '2026-04-03,2026-04-06');
    // the holidays imply --business-hours; business hours 0, 2, 4, 9: median 3; all four ≤ 24 h, b5 open
    expect(r).toMatchObject({
      clock: 'business',
      businessHours: { opens: '08:00', closes: '17:00', workingDays: [1, 2, 3, 4, 5] },
      medianResolutionHours: 3,
      meanResolutionHours: 3.75,
      withinTarget: 4,
      resolvedWithinTarget: 0.8,
    });
    // without the holidays Good Friday (9 h) and Easter Monday (9 h) count: b3 = 2 + 9 + 9 + 2 = 22 h
    const noEaster = json('--business-hours');
    expect(noEaster.medianResolutionHours).toBe(5.5); // 0, 2, 9, 22
    const calendar = json();
    expect([calendar.clock, calendar.medianResolutionHours, calendar.withinTarget]).toEqual([
      'calendar',
      68.5,
      1,
    ]);
  });

  it('judges each complaint by its priority’s, else its category’s, else the default target', () => {
    const targets = ['--target-by-category', 'billing=5', '--target-by-priority', 'high=1'];
    // business: b1 2 > 1, b2 9 > 5 missed; b3 4 ≤ 5 (billing), b4 0 ≤ 24 within → 2 of 5
    const business = json(...targets, '--holidays', '2026-04-03,2026-04-06');
    expect([business.withinTarget, business.resolvedWithinTarget]).toEqual([2, 0.4]);
    // calendar: only b4 (24 ≤ 24) → 1 of 5
    expect(json(...targets).withinTarget).toBe(1);
    const sv = cvm('--lang', 'sv', 'report', 'service', ...OFFICE, ...targets, '--business-hours');
    expect(sv.status).toBe(0);
    expect(sv.stdout).toContain('kontorstimmar mån–fre 08:00–17:00');
    expect(sv.stdout).toContain('Lösta inom mål');
    expect(sv.stdout).toContain('mål: 24 h som standard; per prioritet: high 1 h; per kategori: billing 5 h');
    const en = cvm('report', 'service', ...OFFICE, ...targets, '--business-hours');
    expect(en.stdout).toContain(
      'targets: 24 h by default; per priority: high 1 h; per category: billing 5 h',
    );
  });

  it('names a bad option, its value and what was expected (exit 2)', () => {
    const cases: [string[], string][] = [
      [['--opens', '25:00'], '--opens: "25:00" is not a time (expected HH:MM from 00:00 to 24:00)'],
      [['--opens', '18:00'], '--closes: closes 17:00 is not later than opens 18:00'],
      [['--working-days', 'fri-mon'], '--working-days: "fri-mon" is not a list of working days'],
      [['--holidays', '2026-13-01'], '--holidays: "2026-13-01" is not a list of days'],
      [['--target-by-category', 'billing'], '--target-by-category: "billing" is not a list of targets'],
      [['--target-by-priority', 'high=0'], '--target-by-priority: "high=0" is not a list of targets'],
    ];
    for (const [args, message] of cases) {
      const run = cvm('report', 'service', ...OFFICE, ...args);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr.split('\n').filter((line) => line !== '')).toHaveLength(1);
    }
  });
});

describe('GET /api/reports/service: business hours and targets', () => {
  it('answers what the CLI prints for the same options, and names a bad field', async () => {
    const cli = json(
      '--holidays',
      '2026-04-03,2026-04-06',
      '--target-by-category',
      'billing=5',
      '--target-by-priority',
      'high=1',
    );
    store = await openStore(file);
    await store.unit((unit) =>
      addUser(
        unit,
        { username: 'vic', role: 'viewer', password: 'viewer pass' },
        { username: 'setup', now: '2026-11-01T00:00:00.000Z' },
      ),
    );
    api = createApi({
      store,
      rejectsDir: dir,
      loginLimits: { perUser: 3, perAddress: 100, windowMs: 60_000 },
      log: () => undefined,
    });
    const client = new Client(api.app);
    await client.login('vic', 'viewer pass');
    const answer = await client.get(
      `/api/reports/service?${QUERY}&holidays=2026-04-03,2026-04-06&targetByCategory=billing=5&targetByPriority=high=1`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(cli);
    expect(answer.body).toMatchObject({ withinTarget: 2, medianResolutionHours: 3 });
    const bad = await client.get(`/api/reports/service?${QUERY}&workingDays=someday`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid-input', field: 'workingDays', value: 'someday' });
  });
});
