/**
 * `cvm import` as a user runs it: the real bin/cvm.mjs in a child process. Exit codes (0 ok, 2 bad input or
 * usage, 1 missing file), the summary line, JSON output, and one-line errors without stack traces.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, write } from './helpers';

const dir = tempDir('cli');
const CVM = resolve('bin/cvm.mjs');
const database = join(dir, 'cli.duckdb');

function cvm(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CVM, '--db', database, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const mixed = write(
  dir,
  'mixed.csv',
  [
    'order_id,customer_id,order_date,amount,note',
    'o1,c1,2024-01-05,10,',
    'o2,c2,2024-01-06,"12,5O",typo',
    'o3,c3,2024-01-07,30,',
  ].join('\n'),
);

describe('cvm import', () => {
  it('prints the counts and the rejects file, the first problem on stderr, and exits 0', () => {
    const result = cvm('import', 'transactions', mixed);
    expect(result).toEqual({
      status: 0,
      stdout: `2 imported, 1 rejected → ${mixed}.rejects.csv\nimport 1: appended\nignored columns: "note"\n`,
      stderr: 'cvm: mixed.csv row 2 (line 3), column amount: "12,5O" is not a number\n',
    });
  });

  it('prints the ImportResult with --format json', () => {
    const result = cvm('--format', 'json', 'import', 'transactions', mixed, '--rejects', join(dir, 'r.csv'));
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      kind: 'transactions',
      source: mixed,
      format: 'csv',
      encoding: 'utf-8',
      imported: 2,
      rule: 'replaced-keys',
      replacedByKey: 2,
      replacedImports: [],
      earlierImports: [],
      rejected: 1,
      rejectsPath: join(dir, 'r.csv'),
      ignoredColumns: ['note'],
      timeZone: 'UTC',
      zoned: 0,
      rounded: 0,
      problems: ['mixed.csv row 2 (line 3), column amount: "12,5O" is not a number'],
      warnings: [],
      importId: 2,
    });
  });

  it('takes --map, --delimiter, --decimal and --input-format', () => {
    const path = write(dir, 'odd.txt', 'Kund|Dag|Summa\nc9|2024-02-01|1.234,50\n');
    const result = cvm(
      'import',
      'transactions',
      path,
      '--map',
      'customer_id=Kund',
      '--map',
      'order_date=Dag,amount=Summa',
      '--delimiter',
      '|',
      '--decimal',
      ',',
      '--input-format',
      'csv',
    );
    expect(result).toEqual({ status: 0, stdout: '1 imported\nimport 3: appended\n', stderr: '' });
  });

  it('says when a CSV file was read as Windows-1252, and takes --encoding', () => {
    const path = write(
      dir,
      'excel.csv',
      Buffer.from('Kundnr;Orderdatum;Belopp;Anteckning\nc7;2024-03-01;99,50;Köpt i butik\n', 'latin1'),
    );
    expect(cvm('import', 'transactions', path)).toEqual({
      status: 0,
      stdout: '1 imported\nimport 4: appended\nread as windows-1252\nignored columns: "Anteckning"\n',
      stderr: '',
    });
    expect(cvm('--verbose', 'import', 'transactions', path, '--encoding', 'latin1').stderr).toContain(
      'decimal separator ","; encoding latin1)',
    );
    expect(cvm('import', 'transactions', path, '--encoding', 'ebcdic')).toMatchObject({
      status: 2,
      stderr: 'cvm: --encoding: "ebcdic" is not an encoding (expected utf-8, windows-1252, latin1)\n',
    });
  });

  it('--verbose --lang sv prints the phase lines in Swedish', () => {
    const file = write(
      dir,
      'verbose.csv',
      ['order_id;customer_id;order_date;amount', 'v1;c1;2024-02-05;10,5', 'v2;c2;2024-02-06;x'].join('\n'),
    );
    const result = cvm('--lang', 'sv', '--verbose', 'import', 'transactions', file);
    expect(result.status).toBe(0);
    const lines = result.stderr.split('\n').filter((l) => l.startsWith('cvm import: '));
    expect(lines[0]).toBe(
      'cvm import: läser verbose.csv (CSV, avgränsare ";", 4 kolumner; decimaltecken ","; teckenkodning utf-8)',
    );
    expect(lines[1]).toMatch(/^cvm import: läste och kontrollerade 2 rader på \d+,\d s$/);
    expect(lines[2]).toMatch(/^cvm import: 1 rad godkänd, 1 avvisad \(\d+,\d s\)$/);
    expect(lines[3]).toBe('cvm import: skriver 1 rad inom transaktionen');
    expect(lines[4]).toMatch(
      /^cvm import: import \d+ genomförd på \d+,\d s: 1 rad, varav 0 ersätter lagrade rader$/,
    );
    expect(result.stderr).not.toMatch(/reading|rows|committed|inside the transaction/);
  });

  it('bad input exits 2 with one line on stderr and no stack trace', () => {
    const path = write(dir, 'nohead.csv', 'KundNr;Belopp\nc1;10\n');
    const result = cvm('import', 'transactions', path);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      'cvm: nohead.csv: missing required column order_date (accepted names: order_date, orderdatum, datum, date, köpdatum, ' +
        'kopdatum, purchase_date, transaction_date); columns found: "KundNr", "Belopp"; use --map order_date=<header> if it has another name',
      '',
    ]);
  });

  it('usage errors exit 2, a missing file exits 1, --help exits 0', () => {
    expect(cvm('import', 'orders', mixed)).toMatchObject({
      status: 2,
      stderr:
        'cvm: kind: "orders" is not a kind (expected one of customers, transactions, contracts, complaints, surveys, accounts, assessments, forecasts, renewals, invoices)\n',
    });
    expect(cvm('import', 'transactions', mixed, '--decimal', 'x')).toMatchObject({
      status: 2,
      stderr: 'cvm: --decimal: "x" is not a decimal separator (expected . or ,)\n',
    });
    expect(cvm('import', 'transactions', mixed, '--map', 'amount')).toMatchObject({
      status: 2,
      stderr: 'cvm: --map: "amount" is not column=header (e.g. customer_id=KundNr)\n',
    });
    const missing = join(dir, 'missing.csv');
    expect(cvm('import', 'transactions', missing)).toMatchObject({
      status: 1,
      stderr: `cvm: cannot read ${missing}: no such file\n`,
    });
    const help = cvm('import', '--help');
    expect(help.status).toBe(0);
    for (const option of [
      '--map',
      '--delimiter',
      '--decimal',
      '--encoding',
      '--strict',
      '--rejects',
      '--sheet',
      '--input-format',
    ])
      expect(help.stdout).toContain(option);
  });
});
