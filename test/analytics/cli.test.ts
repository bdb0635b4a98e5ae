/** The report and simulate commands as a user runs them: `node bin/cvm.mjs …` on a small database file. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../../src/data/duckdb/connection';
import { cliOn } from '../cli';
import { renderMessages } from '../../src/core/messages/catalogue';

const dir = mkdtempSync(join(tmpdir(), 'cvm-cli-'));
const file = join(dir, 'small.duckdb');

const cvm = cliOn(file);

beforeAll(async () => {
  const db = await Db.open(file);
  // F12: a 1 000, b 100 (b lost). S12: a 900, c 50 (new, its only purchase on the as-of day).
  await db.run(`INSERT INTO transactions (order_id, customer_id, order_date, amount) VALUES
    ('1', 'a', DATE '2024-03-01', 1000), ('2', 'b', DATE '2024-04-01', 100),
    ('3', 'a', DATE '2025-03-01', 900), ('4', 'c', DATE '2025-12-31', 50)`);
  db.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cvm report and simulate', () => {
  it('follows cohorts quarter by quarter unless told otherwise', () => {
    const quarterly = cvm('report', 'cohorts', '--format', 'json');
    expect(quarterly.status).toBe(0);
    expect(JSON.parse(quarterly.stdout)).toMatchObject({ periodMonths: 3 });
    const yearly = cvm('report', 'cohorts', '--format', 'json', '--window', '12');
    expect(JSON.parse(yearly.stdout)).toMatchObject({ periodMonths: 12 });
  });

  it('prints one CSV table per output, chosen by --table, with tier names as headers', () => {
    const cohorts = cvm('report', 'cohorts', '--format', 'csv');
    expect(cohorts.status).toBe(0);
    const lines = cohorts.stdout.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('cohort,'))).toHaveLength(1);
    expect(lines).not.toContain('');
    const trend = cvm('report', 'retention', '--as-of', '2025-12-31', '--format', 'csv', '--table', 'trend');
    expect(trend.stdout.split('\n')[0]).toBe(
      'asOf,retention,duration,Super 5%,Top 15%,Middle 50%,Bottom 30%',
    );
    const sv = cvm('report', 'retention', '--as-of', '2025-12-31', '--format', 'csv', '--lang', 'sv');
    expect(sv.stdout.startsWith('\ufefflabel;previous;retained;lost;retention;churn;duration\n')).toBe(true);
    const unknown = cvm('report', 'retention', '--format', 'csv', '--table', 'trends');
    expect(unknown).toEqual({
      status: 2,
      stdout: '',
      stderr: 'cvm: --table: "trends" is not a table of this output (tiers, trend, tenure)\n',
    });
  });

  it('writes one CSV file per table with --out', () => {
    const out = join(dir, 'flows-csv');
    const r = cvm('report', 'flows', '--as-of', '2025-12-31', '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${join(out, 'previous.csv')}\n${join(out, 'flows.csv')}\n`);
    expect(readFileSync(join(out, 'previous.csv'), 'utf8').split('\n')[0]).toBe(
      'label,customers,purchases,revenue,revenuePerCustomer',
    );
    expect(readFileSync(join(out, 'flows.csv'), 'utf8').endsWith('\n')).toBe(true);
  });

  it('prints the portfolio as documented JSON', () => {
    const r = cvm(
      'report',
      'portfolio',
      '--format',
      'json',
      '--as-of',
      '2025-12-31',
      '--tiers',
      'Top:50,Rest:50',
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown> & {
      tiers: Record<string, unknown>[];
      total: Record<string, unknown>;
    };
    expect(Object.keys(json)).toEqual([
      'basis',
      'asOf',
      'windowMonths',
      'value',
      'windows',
      'tiers',
      'total',
      'notes',
    ]);
    expect(json).toMatchObject({ basis: 'orders', asOf: '2025-12-31', windowMonths: 12, value: 'revenue' });
    for (const key of [
      'tier',
      'customers',
      'purchases',
      'revenue',
      'purchasesPerCustomer',
      'revenuePerPurchase',
      'revenuePerCustomer',
      'retention',
      'duration',
      'clv',
      'clvIndex',
      'value',
    ])
      expect(json.tiers[0]).toHaveProperty(key);
    // Top: a, retained from Top (F12 a 1 000 > b 100): zero churn → null duration with a note.
    expect(json.tiers[0]).toMatchObject({
      tier: 'Top',
      customers: 1,
      revenue: 900,
      retention: 1,
      duration: null,
    });
    expect(json.tiers[1]).toMatchObject({
      tier: 'Rest',
      customers: 1,
      revenue: 50,
      retention: 0,
      duration: 1,
      clv: 50,
    });
    expect(json.total).toMatchObject({ customers: 2, retention: 0.5, duration: 2, clv: 950, value: null });
    expect(renderMessages(json.notes, 'en')).toContain(
      'Top: duration undefined: no customer was lost (zero churn), so the lifetime is unbounded',
    );
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
  });

  it('prints the notes in Swedish with --lang sv, in the table and in the JSON', () => {
    const table = cvm('--lang', 'sv', 'report', 'portfolio', '--tiers', 'Top:50,Rest:50');
    expect(table.status).toBe(0);
    expect(table.stdout).toContain(
      'obs: Top: varaktighet odefinierad: ingen kund förlorades (ingen churn), så livslängden är obegränsad',
    );
    expect(table.stdout).not.toContain('note:');
    expect(table.stdout).toMatch(/^Kundkategori +Medlemmar/m);
    const json = JSON.parse(
      cvm('--lang', 'sv', '--format', 'json', 'report', 'portfolio', '--tiers', 'Top:50,Rest:50').stdout,
    ) as { notes: string[] };
    expect(renderMessages(json.notes, 'en')).toContain(
      'Top: varaktighet odefinierad: ingen kund förlorades (ingen churn), så livslängden är obegränsad',
    );
  });

  it('prints the flows as a table that reads like the seed, in Swedish with kronor', () => {
    const r = cvm('--lang', 'sv', 'report', 'flows', '--tiers', 'Top:50,Rest:50');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Kundflöden mellan kundkategorier, per 2025-12-31 (12 månader)');
    expect(r.stdout).toMatch(/Fortsatt aktiva – Top +1 +1 +900 kr +900 kr/);
    expect(r.stdout).toMatch(/Förlorade – Rest +1 +1 +100 kr/);
  });

  it('exits 2 naming the value when the tier shares do not sum to 100', () => {
    const r = cvm('report', 'portfolio', '--tiers', '5,15,50');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('cvm: --tiers: the shares in "5,15,50" sum to 70 %, expected 100\n');
  });

  it('simulates the leaking bucket and the loyal customer of the seed', () => {
    const bucket = cvm(
      'simulate',
      'bucket',
      '--acquisition',
      '10',
      '--churn',
      '5',
      '--years',
      '20',
      '--format',
      'json',
    );
    expect(bucket.status).toBe(0);
    const b = JSON.parse(bucket.stdout) as { doublingYears: number; sizes: { size: number }[] };
    expect(Math.round(b.doublingYears)).toBe(14);
    expect(b.sizes).toHaveLength(21);
    const loyal = cvm('simulate', 'loyal', '--format', 'json');
    expect(loyal.status).toBe(0);
    expect(JSON.parse(loyal.stdout)).toMatchObject({
      ordinary: { lifetime: 5000 },
      loyal: { lifetime: 9000 },
    });
  });
});

describe('databases a command should not open', () => {
  const run = (db: string, ...args: string[]): { status: number | null; stderr: string } => {
    const r = spawnSync(process.execPath, ['bin/cvm.mjs', '--db', db, ...args], { encoding: 'utf8' });
    return { status: r.status, stderr: r.stderr };
  };

  it('a reading command never creates a database at a mistyped path', () => {
    const typo = join(dir, 'smal.duckdb');
    expect(run(typo, 'report', 'portfolio')).toEqual({
      status: 1,
      stderr: `cvm: no database at ${typo}: check the path, or create it by importing data or building the demo\n`,
    });
    expect(run(typo, 'info').status).toBe(1);
    expect(existsSync(typo)).toBe(false);
  });

  it('a SQLite file is named as such, and nothing is downloaded', () => {
    const sqlite = join(dir, 'other.sqlite');
    writeFileSync(sqlite, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4080)]));
    expect(run(sqlite, 'info')).toEqual({
      status: 1,
      stderr: `cvm: cannot open database ${sqlite}: it is not a DuckDB database (it looks like SQLite); give --db a DuckDB file\n`,
    });
  });

  it('an import of which every row is rejected exits 2 and says so', () => {
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, 'customer_id,order_date,amount\nc1,2025-13-01,10\n');
    const r = run(file, 'import', 'transactions', csv);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^cvm: bad\.csv: all 1 row was rejected, nothing imported; rejects → /);
  });
});

describe('cvm --version', () => {
  it('prints the package version', () => {
    const r = spawnSync(process.execPath, ['bin/cvm.mjs', '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      `${(JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version}\n`,
    );
  });
});
