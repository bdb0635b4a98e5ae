/**
 * File-level problems stop the import with one clear line (a CvmError with the right code) and leave the
 * store exactly as it was.
 */
import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CvmError, type ErrorCode } from '../../src/core/errors';
import { openUnit, type TestUnit } from './helpers';
import { dump, load, tempDir, write } from './helpers';

const dir = tempDir('file-errors');
let store: TestUnit;
let before: Record<string, unknown>[];

beforeAll(async () => {
  store = await openUnit(join(dir, 'store.duckdb'));
  const good = write(
    dir,
    'good.csv',
    'order_id,customer_id,order_date,amount\no1,c1,2024-01-05,10\no2,c2,2024-01-06,20\n',
  );
  await load(store, 'transactions', good);
  before = await dump(store, 'transactions');
  expect(before).toHaveLength(2);
  return () => store.close();
});

async function expectFailure(path: string, code: ErrorCode, message: string, options = {}): Promise<void> {
  const error = await load(store, 'transactions', path, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CvmError);
  expect((error as CvmError).code).toBe(code);
  expect((error as CvmError).message).toBe(message);
  expect(await dump(store, 'transactions')).toEqual(before);
  const imports = await store.db.one<{ n: number }>('SELECT count(*) AS n FROM imports');
  expect(imports.n).toBe(1);
}

describe('file-level problems', () => {
  it('a missing required column names the file, the column, its accepted names and the columns found', async () => {
    await expectFailure(
      write(dir, 'missing.csv', 'KundNr;Belopp;Extra\nc1;10;x\n'),
      'invalid-input',
      'missing.csv: missing required column order_date (accepted names: order_date, orderdatum, datum, date, ' +
        'köpdatum, kopdatum, purchase_date, transaction_date); columns found: "KundNr", "Belopp", "Extra"; ' +
        'use {option:map} order_date=<header> if it has another name',
    );
  });

  it('an empty file, a blank file and a header without rows', async () => {
    await expectFailure(write(dir, 'empty.csv', ''), 'invalid-input', 'empty.csv is empty');
    await expectFailure(write(dir, 'blank.csv', '\uFEFF \r\n\n'), 'invalid-input', 'blank.csv is empty');
    await expectFailure(
      write(dir, 'header.csv', 'customer_id,order_date,amount\n'),
      'invalid-input',
      'header.csv: no data rows (only a header)',
    );
    await expectFailure(
      write(dir, 'header-blank.csv', 'customer_id;order_date;amount\r\n\r\n;;\r\n'),
      'invalid-input',
      'header-blank.csv: no data rows (only a header)',
    );
    await expectFailure(
      write(dir, 'empty.json', '[ ]'),
      'invalid-input',
      'empty.json: no data rows (no records)',
    );
    await expectFailure(
      write(dir, 'numbers.json', '[1, 2]'),
      'invalid-input',
      'numbers.json: expected objects with one key per column, one per record',
    );
  });

  it('with --encoding utf-8, a header that is not UTF-8 names the line and the byte', async () => {
    await expectFailure(
      write(
        dir,
        'latin1.csv',
        Buffer.from('customer_id,order_date,Belopp \xe4r\nc1,2024-01-05,1\n', 'latin1'),
      ),
      'invalid-input',
      'latin1.csv line 1 (the header): invalid UTF-8 (byte 0xE4 at offset 30); save the file as UTF-8',
      { encoding: 'utf-8' },
    );
  });

  it('a missing file, a directory, an unknown extension', async () => {
    await expectFailure(
      join(dir, 'nope.csv'),
      'not-found',
      `cannot read ${join(dir, 'nope.csv')}: no such file`,
    );
    mkdirSync(join(dir, 'folder.csv'));
    await expectFailure(
      join(dir, 'folder.csv'),
      'invalid-input',
      `${join(dir, 'folder.csv')} is a directory, not a file`,
    );
    const doc = write(dir, 'orders.doc', 'x');
    await expectFailure(
      doc,
      'invalid-input',
      `${doc}: cannot tell the format from the extension ".doc" (expected .csv .txt .tsv .xlsx .parquet .json .ndjson .jsonl); use {option:inputFormat}`,
    );
  });

  it('malformed JSON, a broken workbook, a broken Parquet file', async () => {
    await expectFailure(
      write(
        dir,
        'bad.ndjson',
        '{"customer_id": "c1", "order_date": "2024-01-05", "amount": 1}\n{"customer_id": "c2", \n',
      ),
      'invalid-input',
      'bad.ndjson: malformed JSON in line 2 (the last line), record 2: unexpected end of data',
    );
    await expectFailure(
      write(
        dir,
        'cut.ndjson',
        '{"customer_id": "c1", "order_date": "2024-01-05", "amount": 1}\n{"customer_id": "c2", "order_da',
      ),
      'invalid-input',
      'cut.ndjson: malformed JSON in line 2 (the last line), record 2: unexpected end of data',
    );
    await expectFailure(
      write(
        dir,
        'middle.ndjson',
        '{"customer_id": "c1", "order_date": "2024-01-05", "amount": 1}\n\n{"customer_id": "c2",\n' +
          '{"customer_id": "c3", "order_date": "2024-01-05", "amount": 1}\n',
      ),
      'invalid-input',
      'middle.ndjson: malformed JSON in line 3, record 2: unexpected character',
    );
    await expectFailure(
      write(dir, 'bad.xlsx', 'not a zip'),
      'invalid-input',
      'bad.xlsx: cannot read it as XLSX (invalid signature: 0x20746f6e)',
    );
    await expectFailure(
      write(dir, 'bad.parquet', 'not parquet'),
      'invalid-input',
      "bad.parquet: cannot read it as Parquet (File 'bad.parquet' too small to be a Parquet file)",
    );
  });

  it('more than 100 000 unreadable CSV rows fail the file', async () => {
    const rows = Array.from({ length: 100_001 }, (_, i) => `c${i},2024-01-05,1,2`).join('\n');
    await expectFailure(
      write(dir, 'ragged.csv', `customer_id,order_date,amount\n${rows}\n`),
      'invalid-input',
      'ragged.csv: 100001 rows could not be read as CSV with delimiter "," (first: Expected Number of Columns: 3 ' +
        'Found: 4); check {option:delimiter}, and that the file is UTF-8',
    );
  });

  it('an XLSX sheet that does not exist lists the sheets', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Orders').addRow(['customer_id', 'order_date', 'amount']);
    workbook.addWorksheet('Notes');
    const path = join(dir, 'sheets.xlsx');
    await workbook.xlsx.writeFile(path);
    await expectFailure(
      path,
      'invalid-input',
      'sheets.xlsx: no sheet "Returns" (sheets: "Orders", "Notes")',
      {
        sheet: 'Returns',
      },
    );
    await expectFailure(path, 'invalid-input', 'sheets.xlsx: sheet "Notes" is empty', { sheet: 'Notes' });
  });
});
