/**
 * `cvm --lang sv import` of a file as Swedish Excel saves it (Windows-1252, `;`, decimal comma) with bad
 * rows: the problems on stderr, the rejects file (Swedish header and reasons, `;`, a UTF-8 BOM) and a
 * file error are all in Swedish; the same file in English keeps the English reasons.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, write } from './helpers';

const dir = tempDir('swedish');
const CVM = resolve('bin/cvm.mjs');

function cvm(database: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CVM, '--db', join(dir, database), ...args], {
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Windows-1252: "Ö" is the single byte 0xD6. Rows 2–6 are bad in five ways; rows 1 and 7 land.
const file = write(
  dir,
  'svensk.csv',
  Buffer.concat([
    Buffer.from(
      [
        'OrderNr;KundNr;Orderdatum;Belopp',
        'o1;c1;2025-01-05;99,00',
        'o2;c2;2025-02-30;10,00',
        'o3;c3;2025-01-07;12,5O',
        'o4;;2025-01-08;5,00',
        'o1;c5;2025-01-09;1,00',
        'o6;c6;2025-01-10;12,345',
        'o7;c',
      ].join('\r\n'),
      'latin1',
    ),
    Buffer.from([0xd6]),
    Buffer.from(';2025-01-11;1 234,50\r\n', 'latin1'),
  ]),
);

describe('cvm --lang sv import', () => {
  it('gives the problems and the rejects file in Swedish, as Swedish Excel opens it', () => {
    const run = cvm('sv.duckdb', '--lang', 'sv', 'import', 'transactions', file);
    expect(run).toEqual({
      status: 0,
      stdout: `2 importerade, 5 avvisade → ${file}.rejects.csv\nimport 1: tillagda\nläst som windows-1252\n`,
      stderr: [
        'cvm: svensk.csv rad 2 (rad i filen 3), kolumn order_date: "2025-02-30" är inte ett giltigt datum (dagen finns inte)',
        'cvm: svensk.csv rad 3 (rad i filen 4), kolumn amount: "12,5O" är inte ett tal (decimaltecken ",")',
        'cvm: svensk.csv rad 4 (rad i filen 5), kolumn customer_id: värde saknas (obligatoriskt)',
        `cvm: … se ${file}.rejects.csv för alla problem`,
        '',
      ].join('\n'),
    });
    expect(readFileSync(`${file}.rejects.csv`, 'utf8')).toBe(
      [
        '\ufeffrad;rad i filen;kolumn;värde;orsak',
        '2;3;order_date;2025-02-30;"""2025-02-30"" är inte ett giltigt datum (dagen finns inte)"',
        '3;4;amount;12,5O;"""12,5O"" är inte ett tal (decimaltecken "","")"',
        '4;5;customer_id;;värde saknas (obligatoriskt)',
        '5;6;order_id;o1;"dubblett av order_id ""o1"" (först på rad 1)"',
        '6;7;amount;12,345;"""12,345"" har 3 decimaler; lagret sparar 2 (flaggan round avrundar dem)"',
        '',
      ].join('\n'),
    );
  });

  it('keeps the English reasons and a comma-separated rejects file without --lang sv', () => {
    const rejects = join(dir, 'en.rejects.csv');
    const run = cvm('en.duckdb', 'import', 'transactions', file, '--rejects', rejects);
    expect(run.status).toBe(0);
    expect(readFileSync(rejects, 'utf8').split('\n').slice(0, 2)).toEqual([
      'row,line,column,value,reason',
      '2,3,order_date,2025-02-30,"""2025-02-30"" is not a valid date (no such day)"',
    ]);
    expect(readFileSync(rejects, 'utf8')).toContain(
      '"duplicate order_id ""o1"" (first on row 1)"\n6,7,amount,"12,345","""12,345"" has 3 decimals; the store keeps 2 (the round option rounds them)"',
    );
  });

  it('says how long a value cut short was in Swedish, in the message and in the rejects file', () => {
    const long = 'x'.repeat(100);
    const f = write(
      dir,
      'lång.csv',
      `OrderNr;KundNr;Orderdatum;Belopp\no1;c1;2025-01-05;1,00\no2;c2;${long};1,00\n`,
    );
    const run = cvm('long.duckdb', '--lang', 'sv', 'import', 'transactions', f);
    expect(run.status).toBe(0);
    const quoted = `"${'x'.repeat(60)}… (100 tecken)"`;
    expect(run.stderr).toContain(`kolumn order_date: ${quoted} är inte ett datum`);
    expect(readFileSync(`${f}.rejects.csv`, 'utf8')).toContain(
      `;order_date;${long};"${quoted.replaceAll('"', '""')} är inte ett datum`,
    );
  });

  it('gives file errors and an all-rejected import in Swedish', () => {
    const missing = cvm('sv.duckdb', '--lang', 'sv', 'import', 'transactions', join(dir, 'finns-inte.csv'));
    expect(missing).toEqual({
      status: 1,
      stdout: '',
      stderr: `cvm: kan inte läsa ${join(dir, 'finns-inte.csv')}: filen finns inte\n`,
    });
    const bad = write(dir, 'dålig.csv', 'OrderNr;KundNr;Orderdatum;Belopp\no9;c9;2025-13-01;1,00\n');
    const all = cvm('sv.duckdb', '--lang', 'sv', 'import', 'transactions', bad);
    expect(all.status).toBe(2);
    expect(all.stderr).toBe(
      `cvm: dålig.csv: alla 1 rad avvisades, inget importerades; avvisade → ${bad}.rejects.csv; ` +
        'första: dålig.csv rad 1 (rad i filen 2), kolumn order_date: "2025-13-01" är inte ett giltigt datum (dagen finns inte)\n',
    );
  });

  it('names a bad option and an unknown import in Swedish, and in English without --lang sv', () => {
    expect(cvm('sv.duckdb', '--lang', 'sv', 'report', 'portfolio', '--window', '13x')).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'cvm: --window: "13x" är inte en fönsterlängd (väntat hela månader från 1 till 120, t.ex. 12, 6, 3 eller 1)\n',
    });
    expect(cvm('sv.duckdb', '--lang', 'sv', 'import', 'transaction', file).stderr).toMatch(
      /^cvm: kind: "transaction" är inte en datatyp \(väntat något av customers, transactions, .*\); menade du transactions\?\n$/,
    );
    expect(cvm('sv.duckdb', '--lang', 'sv', 'imports', 'undo', '9')).toEqual({
      status: 1,
      stdout: '',
      stderr: 'cvm: ingen import 9 (importerna är numrerade 1–1)\n',
    });
    expect(cvm('sv.duckdb', 'report', 'portfolio', '--as-of', '2025-02-30').stderr).toBe(
      'cvm: --as-of: "2025-02-30" is not a date (expected YYYY-MM-DD)\n',
    );
  });
});
