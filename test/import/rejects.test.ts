/**
 * Row-level problems: each bad row goes to the rejects file (row, line, column, value, reason; one line per
 * problem) with the exact reason, and every good row of the same file lands.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quoteValue } from '../../src/core/errors';
import { dump, load, readRejects, tempDir, withMemoryStore, write } from './helpers';
import { renderMessages } from '../../src/core/messages/catalogue';

const dir = tempDir('rejects');
const HEADER = ['row', 'line', 'column', 'value', 'reason'];

describe('row-level rejects', () => {
  it('rejects bad dates, numbers and missing values, one line per problem, and loads the rest', async () => {
    const path = write(
      dir,
      'transactions.csv',
      [
        'order_id,customer_id,order_date,amount',
        'o1,c1,2024-01-05,10.00',
        'o2,c2,2023-02-30,12.5',
        'o3,c3,2024-01-07,"12,5O"',
        'o4,,05/01/2024,1.234',
        'o5,c5,2024-01-09,1e3',
        'o6,c6,2024-01-10,7',
      ].join('\n'),
    );
    await withMemoryStore(async (store) => {
      const result = await load(store, 'transactions', path);
      expect(result).toMatchObject({ imported: 2, rejected: 4, rejectsPath: `${path}.rejects.csv` });
      expect(readRejects(`${path}.rejects.csv`)).toEqual([
        HEADER,
        ['2', '3', 'order_date', '2023-02-30', '"2023-02-30" is not a valid date (no such day)'],
        ['3', '4', 'amount', '12,5O', '"12,5O" is not a number'],
        ['4', '5', 'customer_id', '', 'missing value (required)'],
        ['4', '5', 'order_date', '05/01/2024', '"05/01/2024" is not a date (expected YYYY-MM-DD)'],
        [
          '4',
          '5',
          'amount',
          '1.234',
          '"1.234" has 3 decimals; the store keeps 2 (the round option rounds them)',
        ],
        ['5', '6', 'amount', '1e3', '"1e3" is not a number'],
      ]);
      expect(result.problems[0]).toBe(
        'transactions.csv row 2 (line 3), column order_date: "2023-02-30" is not a valid date (no such day)',
      );
      expect(result.problems[1]).toBe(
        'transactions.csv row 3 (line 4), column amount: "12,5O" is not a number',
      );
      expect((await dump(store, 'transactions')).map((r) => [r.order_id, r.amount])).toEqual([
        ['o1', '10.00'],
        ['o6', '7.00'],
      ]);
      // nothing of the import is left behind in the connection
      const left = await store.db.all(
        "SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'cvm_import%'",
      );
      expect(left).toEqual([]);
      expect(await store.db.one("SELECT current_setting('enable_progress_bar') AS bar")).toEqual({
        bar: false,
      });
    });
  });

  it('quotes values in reasons exactly like quoteValue: JSON string, cut at 60 characters', async () => {
    const long = `2024-01-05 "${'9'.repeat(80)}" \\ é`;
    const path = write(
      dir,
      'quote.csv',
      ['customer_id;order_date;amount', `c1;"${long.replace(/"/g, '""')}";1`, 'c2;2024-01-06;2'].join('\n'),
    );
    await withMemoryStore(async (store) => {
      const result = await load(store, 'transactions', path);
      expect(result.problems).toEqual([
        `quote.csv row 1 (line 2), column order_date: ${quoteValue(long)} is not a date (expected YYYY-MM-DD)`,
      ]);
      expect(quoteValue(long)).toBe(`"2024-01-05 \\"${'9'.repeat(48)}… (97 characters)"`);
    });
  });

  it('keeps the first occurrence of a duplicate key and rejects the later ones', async () => {
    const path = write(
      dir,
      'dup.csv',
      [
        'order_id,customer_id,order_date,amount',
        'A,c1,2024-01-05,1',
        'B,c2,2024-01-05,2',
        'A,c3,2024-01-06,3',
        'A,c4,2024-01-07,4',
      ].join('\n'),
    );
    await withMemoryStore(async (store) => {
      const result = await load(store, 'transactions', path, { rejectsPath: join(dir, 'dup-rejects.csv') });
      expect(result).toMatchObject({ imported: 2, rejected: 2, rejectsPath: join(dir, 'dup-rejects.csv') });
      expect(readRejects(join(dir, 'dup-rejects.csv'))).toEqual([
        HEADER,
        ['3', '4', 'order_id', 'A', 'duplicate order_id "A" (first on row 1)'],
        ['4', '5', 'order_id', 'A', 'duplicate order_id "A" (first on row 1)'],
      ]);
      expect((await dump(store, 'transactions')).map((r) => [r.order_id, r.customer_id])).toEqual([
        ['A', 'c1'],
        ['B', 'c2'],
      ]);
    });
  });

  it('checks survey scores against the range of their kind', async () => {
    const path = write(
      dir,
      'surveys.csv',
      [
        'response_id,customer_id,answered_on,kind,score,comment',
        'r1,c1,2024-01-05,nps,10,great',
        'r2,c1,2024-01-05,csat,6,too high for csat',
        'r3,c2,2024-01-05,CES,7,fine',
        'r4,c2,2024-01-05,ces,0,too low for ces',
        'r5,c3,2024-01-05,nps,11,',
        'r6,c3,2024-01-05,star,3,',
        'r7,c3,2024-01-05,csat,4.5,',
        'r8,c4,2024-01-05,ski,100,',
        'r9,c4,2024-01-05,ski,101,',
      ].join('\n'),
    );
    await withMemoryStore(async (store) => {
      const result = await load(store, 'surveys', path);
      expect(result).toMatchObject({ imported: 3, rejected: 6 });
      expect(readRejects(`${path}.rejects.csv`).slice(1)).toEqual([
        ['2', '3', 'score', '6', '"6" is out of range for csat (expected 1–5)'],
        ['4', '5', 'score', '0', '"0" is out of range for ces (expected 1–7)'],
        ['5', '6', 'score', '11', '"11" is out of range for nps (expected 0–10)'],
        ['6', '7', 'kind', 'star', '"star" is not one of nps, csat, ces, ski'],
        ['7', '8', 'score', '4.5', '"4.5" is not a whole number'],
        ['9', '10', 'score', '101', '"101" is out of range for ski (expected 0–100)'],
      ]);
      expect((await dump(store, 'surveys')).map((r) => [r.response_id, r.kind, r.score])).toEqual([
        ['r1', 'nps', '10'],
        ['r3', 'ces', '7'],
        ['r8', 'ski', '100'],
      ]);
    });
  });

  it('rejects complaints resolved or answered before they were opened, and contracts ending before they start', async () => {
    const complaints = write(
      dir,
      'complaints.csv',
      [
        'complaint_id,customer_id,opened_at,first_response_at,resolved_at,outcome,satisfaction',
        'k1,c1,2024-01-05 09:00,2024-01-05 09:30,2024-01-06 10:00,accepted,5',
        'k2,c1,2024-01-05 09:00,,2024-01-04 17:00,refused,3',
        'k3,c2,2024-01-05 09:00,2024-01-05 08:59:59,,maybe,6',
        // 09:30 at +01:00 is 08:30 UTC, before the opening at 09:00 (UTC, the default zone)
        'k4,c2,2024-01-05 09:00,2024-01-05T09:30:00+01:00,,,',
      ].join('\n'),
    );
    const contracts = write(
      dir,
      'contracts.csv',
      [
        'contract_id,customer_id,start_date,end_date,renewed',
        'p1,c1,2024-01-01,2024-12-31,yes',
        'p2,c1,2024-01-01,2023-12-31,nej',
        'p3,c2,2024-01-01,,perhaps',
      ].join('\n'),
    );
    await withMemoryStore(async (store) => {
      expect(await load(store, 'complaints', complaints)).toMatchObject({ imported: 1, rejected: 3 });
      expect(readRejects(`${complaints}.rejects.csv`).slice(1)).toEqual([
        [
          '2',
          '3',
          'resolved_at',
          '2024-01-04 17:00',
          '"2024-01-04 17:00" is before opened_at "2024-01-05 09:00"',
        ],
        [
          '3',
          '4',
          'first_response_at',
          '2024-01-05 08:59:59',
          '"2024-01-05 08:59:59" is before opened_at "2024-01-05 09:00"',
        ],
        ['3', '4', 'outcome', 'maybe', '"maybe" is not one of accepted, refused'],
        ['3', '4', 'satisfaction', '6', '"6" is out of range (expected 1–5)'],
        [
          '4',
          '5',
          'first_response_at',
          '2024-01-05T09:30:00+01:00',
          '"2024-01-05T09:30:00+01:00" is before opened_at "2024-01-05 09:00"',
        ],
      ]);
      expect(await load(store, 'contracts', contracts)).toMatchObject({ imported: 1, rejected: 2 });
      expect(readRejects(`${contracts}.rejects.csv`).slice(1)).toEqual([
        ['2', '3', 'end_date', '2023-12-31', '"2023-12-31" is before start_date "2024-01-01"'],
        [
          '3',
          '4',
          'renewed',
          'perhaps',
          '"perhaps" is not a boolean (expected true/false, yes/no, ja/nej, 1/0, y/n)',
        ],
      ]);
      expect(await dump(store, 'contracts')).toEqual([
        {
          contract_id: 'p1',
          customer_id: 'c1',
          start_date: '2024-01-01',
          end_date: '2024-12-31',
          renewed: 'true',
          product_line: null,
          annual_fee: null,
        },
      ]);
    });
  });

  it('rejects ragged rows and rows with invalid UTF-8 with exact rows and lines, across multi-line fields and blank lines', async () => {
    const bytes = Buffer.concat([
      Buffer.from(
        [
          'response_id,customer_id,answered_on,kind,score,comment',
          'r1,c1,2024-01-05,nps,9,"two',
          'lines"',
          '',
          'r2,c1,2024-01-05,nps,9', // the optional comment left off: imported
          'r3,c1,2024-01-05,nps,9,ok,extra',
          'r4,c1,2024-01-05,nps,9,"a ""quoted"" word"',
          '',
        ].join('\n'),
      ),
      Buffer.from('r5,c1,2024-01-05,nps,9,K\xf6pte\n', 'latin1'),
      Buffer.from('r6,c1,2024-01-05,nps,12,after\n'),
    ]);
    const path = write(dir, 'ragged.csv', bytes);
    const offset = bytes.indexOf(0xf6);
    await withMemoryStore(async (store) => {
      const result = await load(store, 'surveys', path, { encoding: 'utf-8' });
      expect(result).toMatchObject({ imported: 3, rejected: 3 });
      expect(readRejects(`${path}.rejects.csv`).slice(1)).toEqual([
        ['3', '6', '', 'r3,c1,2024-01-05,nps,9,ok,extra', 'has 7 fields, expected 6'],
        [
          '5',
          '8',
          '',
          'r5,c1,2024-01-05,nps,9,K\ufffdpte',
          `invalid UTF-8 (byte 0xF6 at offset ${offset}); the file must be UTF-8`,
        ],
        ['6', '9', 'score', '12', '"12" is out of range for nps (expected 0–10)'],
      ]);
      expect((await dump(store, 'surveys')).map((r) => [r.response_id, r.comment])).toEqual([
        ['r1', 'two\nlines'],
        ['r2', null],
        ['r4', 'a "quoted" word'],
      ]);
    });
  });

  it('imports a 1 MB comment intact and rejects lines and rows over 4 MiB', async () => {
    const mb = 'x'.repeat(1_000_000);
    const huge = 'y'.repeat(5_000_000);
    const path = write(
      dir,
      'long.csv',
      [
        'response_id,customer_id,answered_on,kind,score,comment',
        `r1,c1,2024-01-05,nps,9,${mb}`,
        `r2,c1,2024-01-05,nps,9,${huge}`,
        'r3,c1,2024-01-05,nps,8,short',
      ].join('\n'),
    );
    await withMemoryStore(async (store) => {
      const result = await load(store, 'surveys', path);
      expect(result).toMatchObject({ imported: 2, rejected: 1 });
      expect(readRejects(`${path}.rejects.csv`).slice(1)).toEqual([
        [
          '2',
          '3',
          '',
          `r2,c1,2024-01-05,nps,9,${'y'.repeat(977)}… (cut)`,
          'line is 5000023 bytes long; lines over 4194304 bytes (4 MiB) are rejected',
        ],
      ]);
      const rows = await store.db.all<{ response_id: string; n: number }>(
        'SELECT response_id, length(comment) AS n FROM survey_responses ORDER BY response_id',
      );
      expect(rows).toEqual([
        { response_id: 'r1', n: 1_000_000 },
        { response_id: 'r3', n: 5 },
      ]);

      // Other formats have no lines: the row's values are measured.
      const json = write(
        dir,
        'long.ndjson',
        [
          JSON.stringify({
            response_id: 'r4',
            customer_id: 'c1',
            answered_on: '2024-01-05',
            kind: 'nps',
            score: 9,
            comment: mb,
          }),
          JSON.stringify({
            response_id: 'r5',
            customer_id: 'c1',
            answered_on: '2024-01-05',
            kind: 'nps',
            score: 9,
            comment: huge,
          }),
        ].join('\n'),
      );
      expect(await load(store, 'surveys', json)).toMatchObject({ imported: 1, rejected: 1 });
      expect(readRejects(`${json}.rejects.csv`).slice(1)).toEqual([
        ['2', '2', '', '', 'row is 5000018 bytes long; rows over 4194304 bytes (4 MiB) are rejected'],
      ]);
    });
  });

  it('rejects a record whose quote is never closed (it swallows the rest of the file) and keeps the rows before', async () => {
    const path = write(
      dir,
      'open-quote.csv',
      [
        'customer_id,order_date,amount',
        'c1,2024-01-05,1',
        'c2,"2024-01-05,2',
        'c3,2024-01-05,3',
        'c4,2024-01-05,4',
      ].join('\n'),
    );
    await withMemoryStore(async (store) => {
      const result = await load(store, 'transactions', path);
      expect(result).toMatchObject({ imported: 1, rejected: 1 });
      expect(result.problems).toEqual([
        'open-quote.csv row 2 (line 3): a quoted field is never closed (it runs to the end of the file)',
      ]);
      expect(readRejects(`${path}.rejects.csv`)[1]).toEqual([
        '2',
        '3',
        '',
        'c2,"2024-01-05,2\nc3,2024-01-05,3\nc4,2024-01-05,4',
        'a quoted field is never closed (it runs to the end of the file)',
      ]);
    });
  });

  it('names the worksheet row for XLSX and leaves lines out for JSON arrays', async () => {
    const json = write(
      dir,
      'renewals.json',
      JSON.stringify([
        { account_id: 'A1', due_on: '2024-01-01', renewed: true },
        { account_id: 'A2', due_on: '2024-13-01', renewed: 'ja' },
      ]),
    );
    await withMemoryStore(async (store) => {
      const result = await load(store, 'renewals', json);
      expect(result.problems).toEqual([
        'renewals.json row 2, column due_on: "2024-13-01" is not a valid date (no such day)',
      ]);
      expect(readRejects(`${json}.rejects.csv`).slice(1)).toEqual([
        ['2', '', 'due_on', '2024-13-01', '"2024-13-01" is not a valid date (no such day)'],
      ]);

      // An empty row above the header and two between the data: rows count data, lines count sheet rows.
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('Notes').addRow(['nothing here']);
      const sheet = workbook.addWorksheet('Renewals');
      sheet.getRow(2).values = ['Konto', 'Förfallodatum', 'Förnyad'];
      sheet.getRow(3).values = ['A3', new Date(Date.UTC(2024, 5, 30)), true];
      sheet.getRow(6).values = ['A4', '2024-06-31', 'nej'];
      const xlsx = join(dir, 'renewals.xlsx');
      await workbook.xlsx.writeFile(xlsx);
      const fromSheet = await load(store, 'renewals', xlsx, { sheet: 'Renewals' });
      expect(fromSheet).toMatchObject({ imported: 1, rejected: 1 });
      expect(fromSheet.problems).toEqual([
        'renewals.xlsx row 2 (sheet row 6), column due_on: "2024-06-31" is not a valid date (no such day)',
      ]);
      expect(await dump(store, 'renewals')).toEqual([
        { account_id: 'A1', due_on: '2024-01-01', renewed: 'true' },
        { account_id: 'A3', due_on: '2024-06-30', renewed: 'true' },
      ]);
    });
  });
});

describe('a file of which no row can be used', () => {
  const dir = tempDir('all-rejected');

  it('fails loudly, writes the rejects and logs no import', async () => {
    const path = write(dir, 'bad.csv', 'customer_id,order_date,amount\nc1,2025-13-01,10\nc2,2025-01-02,1O\n');
    await withMemoryStore(async (store) => {
      await expect(load(store, 'transactions', path)).rejects.toMatchObject({
        code: 'invalid-input',
        message: expect.stringMatching(
          /^bad\.csv: all 2 rows were rejected, nothing imported; rejects → .*bad\.csv\.rejects\.csv; first: /,
        ) as unknown,
      });
      expect(readRejects(`${path}.rejects.csv`)).toHaveLength(3);
      expect(await store.meta.recentImports(5)).toEqual([]);
      expect(await dump(store, 'transactions')).toEqual([]);
    });
  });
});

describe('rows dated after today', () => {
  const dir = tempDir('future');

  it('are imported and named in a warning, for the kinds whose dates lie in the past', async () => {
    const path = write(
      dir,
      'future.csv',
      'customer_id,order_date,amount\nc1,2025-01-02,10\nc2,2031-06-01,5\nc3,2030-01-01,7\n',
    );
    await withMemoryStore(async (store) => {
      const result = await load(store, 'transactions', path, { today: '2025-11-27' });
      expect(result.imported).toBe(3);
      expect(renderMessages(result.warnings, 'en')).toEqual([
        'future.csv: 2 rows are dated after today (2025-11-27), the latest 2031-06-01; they were imported, and reports leave them out of the default as-of day',
      ]);
      const none = await load(store, 'transactions', path);
      expect(renderMessages(none.warnings, 'en')).toEqual([]);
    });
  });
});
