/**
 * An import is one transaction: the real CLI, killed with SIGKILL while it writes 2 M rows inside the
 * transaction, leaves the database exactly as the previous import left it, and the database works
 * afterwards. `--strict` with a bad row changes nothing either.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openUnit } from './helpers';
import { tempDir, withMemoryStore, write } from './helpers';

const dir = tempDir('kill');
const CVM = resolve('bin/cvm.mjs');
const database = join(dir, 'kill.duckdb');
const small = join(dir, 'small.csv');
const big = join(dir, 'big.csv');

interface Snapshot {
  rows: number;
  total: number;
  customers: number;
  imports: { import_id: number; rows_imported: number }[];
}

async function snapshot(): Promise<Snapshot> {
  const store = await openUnit(database);
  try {
    const { rows, total, customers } = await store.db.one<{ rows: number; total: number; customers: number }>(
      'SELECT count(*) AS rows, sum(amount) AS total, count(DISTINCT customer_id) AS customers FROM transactions',
    );
    const imports = await store.db.all<{ import_id: number; rows_imported: number }>(
      'SELECT import_id, rows_imported FROM imports ORDER BY import_id',
    );
    return { rows, total, customers, imports };
  } finally {
    await store.close();
  }
}

function cvm(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CVM, '--db', database, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let before: Snapshot;

beforeAll(async () => {
  await withMemoryStore(async (store) => {
    const rows = (n: number, prefix: string): string =>
      `SELECT '${prefix}' || i AS order_id, 'c' || (i % 5000) AS customer_id,
         DATE '2023-01-01' + CAST(i % 700 AS INTEGER) AS order_date, CAST((i % 10000) / 100.0 + 1 AS DECIMAL(18,2)) AS amount
       FROM range(${n}) t(i)`;
    await store.db.run(`COPY (${rows(1000, 's')}) TO '${small}' (HEADER)`);
    await store.db.run(`COPY (${rows(2_000_000, 'b')}) TO '${big}' (HEADER)`);
  });
  expect(cvm('import', 'transactions', small)).toMatchObject({
    status: 0,
    stdout: '1,000 imported\nimport 1: appended\n',
  });
  before = await snapshot();
  expect(before).toMatchObject({
    rows: 1000,
    customers: 1000,
    imports: [{ import_id: 1, rows_imported: 1000 }],
  });
});

describe('one transaction per import', () => {
  it('SIGKILL while writing inside the transaction leaves the store exactly as before', async () => {
    const child = spawn(process.execPath, [
      CVM,
      '--db',
      database,
      'import',
      'transactions',
      big,
      '--verbose',
    ]);
    let stderr = '';
    let killedAt = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      if (!killedAt && stderr.includes('inside the transaction')) {
        killedAt = stderr;
        child.kill('SIGKILL');
      }
    });
    const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
      (done) => child.on('exit', (code, signal) => done({ code, signal })),
    );
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGKILL' });
    expect(killedAt).toContain('cvm import: writing 2,000,000 rows inside the transaction');
    expect(stderr).not.toContain('committed');
    expect(await snapshot()).toEqual(before);

    // The database is sound afterwards: the same import, not interrupted, lands in full.
    expect(cvm('import', 'transactions', big)).toMatchObject({
      status: 0,
      stdout: '2,000,000 imported\nimport 2: appended\n',
    });
    const after = await snapshot();
    expect(after.rows).toBe(2_001_000);
    expect(after.imports.map((i) => i.rows_imported)).toEqual([1000, 2_000_000]);
  }, 120_000);

  it('--strict with a bad row imports nothing, writes the rejects, exits 2', async () => {
    const current = await snapshot();
    const path = write(
      dir,
      'strict.csv',
      [
        'order_id,customer_id,order_date,amount',
        'x1,c1,2024-01-05,1',
        'x2,c2,2024-01-05,"12,5O"',
        'x3,c3,2024-01-05,3',
      ].join('\n'),
    );
    const result = cvm('import', 'transactions', path, '--strict');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `cvm: strict.csv: 1 row rejected, nothing imported (--strict); rejects → ${path}.rejects.csv; ` +
        'first: strict.csv row 2 (line 3), column amount: "12,5O" is not a number\n',
    );
    expect(existsSync(`${path}.rejects.csv`)).toBe(true);
    expect(await snapshot()).toEqual(current);
  });
});
