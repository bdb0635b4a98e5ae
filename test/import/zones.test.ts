/**
 * Timestamps with a time zone (issue 7, item 8): in a date column an instant gives its local business day
 * in the import's time zone (default UTC), never silently another day; in a timestamp column the instant is
 * kept (stored as UTC, as the service report reads it), and a local timestamp is wall-clock time in the
 * import's zone. Parquet TIMESTAMPTZ columns arrive with their offset and follow the same rules. `--round`
 * rounds amounts with real extra decimals (item 7).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliOn } from '../cli';
import { dump, load, readRejects, tempDir, withMemoryStore, write } from './helpers';

const dir = tempDir('zones');

const orders = [
  'order_id,customer_id,order_date,amount',
  'o1,c1,2025-03-01T23:30:00+01:00,10', // 22:30 UTC: 1 March in UTC and in Stockholm
  'o2,c1,2025-03-01T00:30:00+01:00,10', // 23:30 UTC on 28 February; 1 March in Stockholm
  'o3,c1,2025-01-05T10:00:00Z,10',
  'o4,c1,2025-01-05 23:30z,10', // no seconds, lower-case z: 6 January in Stockholm
  'o5,c1,2025-06-30T22:30:00.250-0400,10', // 1 July 02:30 UTC
  'o6,c1,2025-02-30T10:00:00Z,10', // no such day
].join('\n');

describe('dates with a time zone', () => {
  it('take the local day in UTC by default', async () => {
    const path = write(dir, 'orders.csv', orders);
    await withMemoryStore(async (store) => {
      const result = await load(store, 'transactions', path);
      expect(result).toMatchObject({ imported: 5, rejected: 1, zoned: 5, timeZone: 'UTC' });
      expect((await dump(store, 'transactions')).map((r) => [r.order_id, r.order_date])).toEqual([
        ['o1', '2025-03-01'],
        ['o2', '2025-02-28'],
        ['o3', '2025-01-05'],
        ['o4', '2025-01-05'],
        ['o5', '2025-07-01'],
      ]);
      expect(readRejects(`${path}.rejects.csv`)[1]).toEqual([
        '6',
        '7',
        'order_date',
        '2025-02-30T10:00:00Z',
        '"2025-02-30T10:00:00Z" is not a valid date (no such day)',
      ]);
    });
  });

  it('take the local day in the time zone given', async () => {
    const path = write(dir, 'orders-sthlm.csv', orders);
    await withMemoryStore(async (store) => {
      await load(store, 'transactions', path, { timeZone: 'Europe/Stockholm' });
      expect((await dump(store, 'transactions')).map((r) => r.order_date)).toEqual([
        '2025-03-01',
        '2025-03-01',
        '2025-01-05',
        '2025-01-06',
        '2025-07-01',
      ]);
    });
  });
});

describe('timestamps with a time zone', () => {
  const complaints = [
    'complaint_id,customer_id,opened_at,resolved_at',
    'k1,c1,2025-03-01T23:30:00+01:00,2025-03-02T08:00:00Z',
    'k2,c1,2025-03-01 09:00,2025-03-01 10:15',
  ].join('\n');

  it('keep the instant (stored as UTC); local ones are wall-clock time in UTC by default', async () => {
    const path = write(dir, 'complaints.csv', complaints);
    await withMemoryStore(async (store) => {
      expect(await load(store, 'complaints', path)).toMatchObject({ imported: 2, zoned: 1 });
      expect((await dump(store, 'complaints')).map((r) => [r.opened_at, r.resolved_at])).toEqual([
        ['2025-03-01 22:30:00', '2025-03-02 08:00:00'],
        ['2025-03-01 09:00:00', '2025-03-01 10:15:00'],
      ]);
    });
  });

  it('read local ones as wall-clock time in the time zone given', async () => {
    const path = write(dir, 'complaints-sthlm.csv', complaints);
    await withMemoryStore(async (store) => {
      await load(store, 'complaints', path, { timeZone: 'Europe/Stockholm' });
      expect((await dump(store, 'complaints')).map((r) => [r.opened_at, r.resolved_at])).toEqual([
        ['2025-03-01 22:30:00', '2025-03-02 08:00:00'],
        ['2025-03-01 08:00:00', '2025-03-01 09:15:00'],
      ]);
    });
  });

  it('from a Parquet TIMESTAMPTZ column', async () => {
    const path = join(dir, 'tz.parquet');
    await withMemoryStore(async (store) => {
      await store.db.run(
        `COPY (SELECT 'o1' AS order_id, 'c1' AS customer_id,
           TIMESTAMPTZ '2025-03-01 23:30:00+00' AS order_date, 5.5 AS amount) TO '${path}' (FORMAT parquet)`,
      );
    });
    await withMemoryStore(async (store) => {
      expect(await load(store, 'transactions', path, { timeZone: 'Europe/Stockholm' })).toMatchObject({
        imported: 1,
        zoned: 1,
      });
      expect((await dump(store, 'transactions'))[0]?.order_date).toBe('2025-03-02');
    });
    await withMemoryStore(async (store) => {
      await load(store, 'transactions', path);
      expect((await dump(store, 'transactions'))[0]?.order_date).toBe('2025-03-01');
    });
  });
});

describe('--round', () => {
  it('rounds real extra decimals half away from zero; without it they are rejected', async () => {
    const dotted = write(
      dir,
      'precise2.csv',
      [
        'order_id,customer_id,order_date,amount',
        'o1,c1,2025-03-01,12.345',
        'o2,c2,2025-03-02,-0.125',
        'o3,c3,2025-03-03,1.10',
      ].join('\n'),
    );
    await withMemoryStore(async (store) => {
      expect(await load(store, 'transactions', dotted, { round: true })).toMatchObject({
        imported: 3,
        rounded: 2,
      });
      expect((await dump(store, 'transactions')).map((r) => r.amount)).toEqual(['12.35', '-0.13', '1.10']);
    });
  });
});

describe('cvm import --time-zone and --round', () => {
  const cvm = cliOn(join(dir, 'cli.duckdb'));

  it('says how many values were converted and rounded, and refuses an unknown zone', () => {
    const path = write(
      dir,
      'kassa.csv',
      [
        'order_id,customer_id,order_date,amount',
        'o1,c1,2025-03-01T00:30:00+01:00,12.345',
        'o2,c2,2025-03-02,-0.125',
      ].join('\n'),
    );
    const plain = cvm('import', 'transactions', path);
    expect(plain.status).toBe(2);
    expect(plain.stderr).toContain(
      '"12.345" has 3 decimals; the store keeps 2 (the round option rounds them)',
    );
    const rounded = cvm(
      '--format',
      'json',
      'import',
      'transactions',
      path,
      '--round',
      '--time-zone',
      'Europe/Stockholm',
    );
    expect(rounded.status).toBe(0);
    expect(JSON.parse(rounded.stdout)).toMatchObject({
      imported: 2,
      zoned: 1,
      rounded: 2,
      timeZone: 'Europe/Stockholm',
    });
    const table = cvm('import', 'transactions', path, '--round');
    expect(table.stdout).toBe(
      '2 imported\nimport 2: replaced rows with the same natural key: 2\n1 rows with a time zone converted to UTC\n2 rows with amounts rounded (--round)\n',
    );
    expect(cvm('import', 'transactions', path, '--time-zone', 'Mars/Base')).toMatchObject({
      status: 2,
      stderr:
        'cvm: --time-zone: "Mars/Base" is not an IANA time zone (expected e.g. UTC or Europe/Stockholm)\n',
    });
    expect(cvm('--format', 'csv', 'info').stdout).toContain(
      'transactions,transactions,2,order_date,2025-02-28,2025-03-02',
    );
  });
});
