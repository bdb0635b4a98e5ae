/** `cvm start`, `cvm demo` and `cvm info` as a user runs them: a real process on a real database file. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliOn } from '../cli';

const dir = mkdtempSync(join(tmpdir(), 'cvm-demo-cli-'));
const db = join(dir, 'cvm.duckdb');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cvm = cliOn(db);

describe('cvm start / demo / info', () => {
  it('start builds the demo into an empty database and prints the summary', () => {
    const run = cvm('start', '--no-serve', '--customers', '1500');
    expect(run.stderr).toContain('holds no data: building the demo data set');
    expect(run.stderr).toMatch(/demo built and loaded in [\d.]+ s/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^customers\s+customers\s+1,500\s+acquired_on\s+\d{4}-\d{2}-\d{2}\s+2025-12-\d\d$/m,
    );
    expect(run.stdout).toContain('customers with transactions: 1,500');
    expect(run.stdout).toContain('Last 12 months, as of 2025-12-31 (the latest order)');
    expect(run.stdout).toMatch(
      /Customers\s+Active\s+Revenue\s+Orders\s+Complaints\s+Resolved ≤ 24 h\s+NPS\s+NPS n\s+Key accounts/,
    );
  }, 60_000);

  it('start on a database with data only summarises it', () => {
    const run = cvm('--format', 'json', 'start', '--no-serve');
    expect(run.status).toBe(0);
    expect(run.stderr).not.toContain('building');
    const json = JSON.parse(run.stdout) as {
      headline: { customers: number; asOf: string; keyAccounts: number };
    };
    expect(json.headline).toMatchObject({ customers: 1500, asOf: '2025-12-31' });
    expect(json.headline.keyAccounts).toBeGreaterThanOrEqual(12);
  }, 60_000);

  it('demo refuses a database with data (exit 1) unless --replace, and checks its options (exit 2)', () => {
    const refused = cvm('demo', '--customers', '1000');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/already holds data .*use --replace/);
    const bad = cvm('demo', '--customers', 'many');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--customers: "many" is not a whole number from 1 to 5000000');
    const replaced = cvm('demo', '--customers', '1000', '--seed', '3', '--replace');
    expect(replaced.status).toBe(0);
    expect(replaced.stdout).toMatch(/Demo data: 1,000 customers, seed 3, 3 years ending 2025-12-31/);
    expect(replaced.stdout).toMatch(/^customers\s+1,000\s*$/m);
  }, 60_000);

  it('demo --lang sv says what it generates and loads in Swedish, the numbers the Swedish way', () => {
    const run = cvm('--lang', 'sv', 'demo', '--customers', '1200', '--seed', '5', '--replace');
    expect(run.status).toBe(0);
    const lines = run.stderr.split('\n');
    expect(lines[0]).toBe('cvm: genererar 1\u00a0200 kunder (seed 5, till 2025-12-31)');
    // one line per loaded kind: its name as typed and the rows of the table the demo printed
    expect(lines).toContain('cvm: laddar customers (1\u00a0200 rader)');
    const rows = run.stdout.match(/^transactions\s+([\d\u00a0]+)\s*$/m)?.[1];
    expect(rows).toBeDefined();
    expect(lines).toContain(`cvm: laddar transactions (${rows} rader)`);
    expect(run.stderr).not.toMatch(/generating|loading|rows\)/);
    // a count in a Swedish title is grouped the Swedish way
    expect(cvm('--lang', 'sv', 'lifecycle').stdout.split('\n')[0]).toBe(
      'Livscykelfaser, per 2025-12-31 (1\u00a0200 kunder)',
    );
    const en = cvm('demo', '--customers', '1000', '--seed', '3', '--replace');
    expect(en.stderr.split('\n')).toContain('cvm: generating 1,000 customers (seed 3, ending 2025-12-31)');
    expect(en.stderr.split('\n')).toContain('cvm: loading customers (1,000 rows)');
  }, 60_000);

  it('info lists rows per table as csv', () => {
    const run = cvm('--format', 'csv', 'info');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('kind,table,rows,dateColumn,from,to\ncustomers,customers,1000,acquired_on,');
    expect(run.stdout).toMatch(
      /\ncontracts,contracts,[1-9]\d*,start_date,\d{4}-\d{2}-\d{2},\d{4}-\d{2}-\d{2}\n/,
    );
  }, 60_000);
});

describe('an interrupted first start', () => {
  it('says so, keeps nothing of the half-built demo, and the next start builds it whole', async () => {
    const fresh = join(dir, 'interrupted.duckdb');
    const child = spawn(process.execPath, ['bin/cvm.mjs', '--db', fresh, 'start', '--customers', '20000'], {
      env: { ...process.env, TZ: 'Pacific/Chatham' },
    });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no loading line: ${stderr}`)), 60_000);
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // customers have landed and transactions are loading: the moment a half demo used to stay behind
        if (stderr.includes('loading transactions') && !child.killed) {
          clearTimeout(timer);
          child.kill('SIGINT');
          resolve();
        }
      });
    });
    expect(await exited).toBe(130);
    expect(stderr).toContain('cvm: interrupted; nothing of an unfinished import or demo was kept');
    const info = spawnSync(process.execPath, ['bin/cvm.mjs', '--db', fresh, '--format', 'json', 'info'], {
      encoding: 'utf8',
    });
    const tables = (JSON.parse(info.stdout) as { tables: { kind: string; rows: number }[] }).tables;
    expect(tables.every((t) => t.rows === 0)).toBe(true);
    const again = spawnSync(
      process.execPath,
      ['bin/cvm.mjs', '--db', fresh, 'start', '--no-serve', '--customers', '1000'],
      {
        encoding: 'utf8',
      },
    );
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('holds no data: building the demo data set');
  }, 120_000);
});
