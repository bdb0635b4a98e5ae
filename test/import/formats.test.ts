/**
 * The same records written as comma CSV, semicolon CSV with BOM and decimal commas, XLSX, Parquet, JSON and
 * NDJSON give identical store contents (full table dumps), for transactions (money) and complaints
 * (timestamps). The CSV variants also exercise thousands separators, compact dates and header synonyms.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KindName } from '../../src/core/kinds';
import { dump, load, tempDir, withMemoryStore, write } from './helpers';

const dir = tempDir('formats');
const NBSP = '\u00a0';

const TRANSACTIONS = [
  {
    order_id: 'o1',
    customer_id: 'c1',
    order_date: '2024-01-05',
    amount: '1598.37',
    margin: '400.10',
    product_line: 'Home',
    channel: 'web',
  },
  {
    order_id: 'o2',
    customer_id: 'c2',
    order_date: '2024-02-29',
    amount: '-12.50',
    margin: null,
    product_line: 'Garden',
    channel: 'store',
  },
  {
    order_id: 'o3',
    customer_id: 'c1',
    order_date: '2024-03-01',
    amount: '1234567.89',
    margin: '1000.00',
    product_line: null,
    channel: null,
  },
  {
    order_id: 'o4',
    customer_id: 'c3',
    order_date: '2023-12-31',
    amount: '0.10',
    margin: '0.05',
    product_line: 'Home',
    channel: 'web',
  },
];

const COMPLAINTS = [
  {
    complaint_id: 'k1',
    customer_id: 'c1',
    opened_at: '2024-01-05 09:15:00',
    first_response_at: '2024-01-05 10:00:00',
    resolved_at: '2024-01-06 16:45:30',
    category: 'delivery',
    priority: 'high',
    channel: 'phone',
    outcome: 'accepted',
    satisfaction: '4',
  },
  {
    complaint_id: 'k2',
    customer_id: 'c2',
    opened_at: '2024-02-29 23:59:59',
    first_response_at: null,
    resolved_at: null,
    category: 'billing',
    priority: 'low',
    channel: 'email',
    outcome: null,
    satisfaction: null,
  },
  {
    complaint_id: 'k3',
    customer_id: 'c1',
    opened_at: '2024-03-31 00:00:00',
    first_response_at: '2024-04-01 08:00:00',
    resolved_at: '2024-04-02 12:00:00',
    category: 'product',
    priority: null,
    channel: 'web',
    outcome: 'refused',
    satisfaction: '1',
  },
];

const utc = (iso: string): Date => new Date(`${iso.replace(' ', 'T')}Z`);

async function writeXlsx(name: string, rows: unknown[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Data');
  const sheet = workbook.getWorksheet('Data')!;
  for (const row of rows) sheet.addRow(row);
  const path = join(dir, name);
  await workbook.xlsx.writeFile(path);
  return path;
}

/** Writes `sql` (a SELECT) to a Parquet file with DuckDB. */
async function writeParquet(name: string, sql: string): Promise<string> {
  const path = join(dir, name);
  await withMemoryStore((store) => store.db.run(`COPY (${sql}) TO '${path}' (FORMAT parquet)`));
  return path;
}

async function contentsAfter(kind: KindName, path: string): Promise<Record<string, unknown>[]> {
  return withMemoryStore(async (store) => {
    const result = await load(store, kind, path);
    expect(result.rejected, `${path}: ${result.problems.join('; ')}`).toBe(0);
    return dump(store, kind);
  });
}

describe('transactions in every format', () => {
  const files = {
    'comma CSV': () =>
      write(
        dir,
        't-comma.csv',
        [
          'order_id,customer_id,order_date,amount,margin,product_line,channel',
          'o1,c1,2024-01-05,1598.37,400.10,Home,web',
          'o2,c2,2024-02-29,-12.50,,Garden,store',
          'o3,c1,2024-03-01,"1,234,567.89",1000,,',
          'o4,c3,2023-12-31,0.1,0.05,Home,web',
          '',
        ].join('\n'),
      ),
    'semicolon CSV with BOM and decimal commas': () =>
      write(
        dir,
        't-semicolon.csv',
        '\uFEFF' +
          [
            'Ordernr;KundNr;Orderdatum;Belopp;Marginal;Produktlinje;Kanal',
            'o1;c1;2024-01-05;1 598,37;400,10;Home;web',
            `o2;c2;20240229;-12,50;;Garden;store`,
            `o3;c1;2024-03-01 00:00;1${NBSP}234${NBSP}567,89;1.000;;`,
            'o4;c3;2023-12-31;0,1;0,05;Home;web',
          ].join('\r\n') +
          '\r\n',
      ),
    XLSX: () =>
      writeXlsx('t.xlsx', [
        ['order_id', 'customer_id', 'order_date', 'amount', 'margin', 'product_line', 'channel'],
        ['o1', 'c1', utc('2024-01-05'), 1598.37, 400.1, 'Home', 'web'],
        ['o2', 'c2', utc('2024-02-29'), -12.5, null, 'Garden', 'store'],
        ['o3', 'c1', '2024-03-01', 1234567.89, 1000, null, null],
        ['o4', 'c3', utc('2023-12-31'), 0.1 + 0.0000000000000001, 0.05, 'Home', 'web'],
      ]),
    Parquet: () =>
      writeParquet(
        't.parquet',
        `SELECT * FROM (VALUES
          ('o1', 'c1', DATE '2024-01-05', 1598.37::DECIMAL(18,2), 400.10::DOUBLE, 'Home', 'web'),
          ('o2', 'c2', DATE '2024-02-29', -12.50::DECIMAL(18,2), NULL::DOUBLE, 'Garden', 'store'),
          ('o3', 'c1', DATE '2024-03-01', 1234567.89::DECIMAL(18,2), 1000::DOUBLE, NULL, NULL),
          ('o4', 'c3', DATE '2023-12-31', 0.10::DECIMAL(18,2), 0.05::DOUBLE, 'Home', 'web'))
          t(order_id, customer_id, order_date, amount, margin, product_line, channel)`,
      ),
    'JSON array': () =>
      write(
        dir,
        't.json',
        JSON.stringify([
          {
            order_id: 'o1',
            customer_id: 'c1',
            order_date: '2024-01-05',
            amount: 1598.37,
            margin: 400.1,
            product_line: 'Home',
            channel: 'web',
          },
          {
            order_id: 'o2',
            customer_id: 'c2',
            order_date: '2024-02-29',
            amount: -12.5,
            margin: null,
            product_line: 'Garden',
            channel: 'store',
          },
          { order_id: 'o3', customer_id: 'c1', order_date: '2024-03-01', amount: 1234567.89, margin: 1000 },
          {
            order_id: 'o4',
            customer_id: 'c3',
            order_date: '2023-12-31',
            amount: 0.1,
            margin: 0.05,
            product_line: 'Home',
            channel: 'web',
          },
        ]),
      ),
    NDJSON: () =>
      write(
        dir,
        't.ndjson',
        [
          '{"order_id": "o1", "customer_id": "c1", "order_date": "2024-01-05", "amount": "1598.37", "margin": 400.10, "product_line": "Home", "channel": "web"}',
          '{"order_id": "o2", "customer_id": "c2", "order_date": "2024-02-29", "amount": -12.5, "product_line": "Garden", "channel": "store"}',
          '',
          '{"order_id": "o3", "customer_id": "c1", "order_date": "20240301", "amount": 1234567.89, "margin": 1000}',
          '{"order_id": "o4", "customer_id": "c3", "order_date": "2023-12-31", "amount": 0.1, "margin": "0.05", "product_line": "Home", "channel": "web"}',
        ].join('\n'),
      ),
  };

  for (const [name, make] of Object.entries(files)) {
    it(`stores the same rows from ${name}`, async () => {
      expect(await contentsAfter('transactions', await make())).toEqual(TRANSACTIONS);
    });
  }
});

describe('complaints (timestamps) in every format', () => {
  const header =
    'complaint_id,customer_id,opened_at,first_response_at,resolved_at,category,priority,channel,outcome,satisfaction';
  const files = {
    'comma CSV': () =>
      write(
        dir,
        'c-comma.csv',
        [
          header,
          'k1,c1,2024-01-05T09:15,2024-01-05 10:00:00,2024-01-06 16:45:30,delivery,high,phone,Accepted,4',
          'k2,c2,2024-02-29 23:59:59,,,billing,low,email,,',
          'k3,c1,2024-03-31,2024-04-01T08:00:00,2024-04-02 12:00,product,,web,REFUSED,1',
        ].join('\n'),
      ),
    'semicolon CSV with BOM': () =>
      write(
        dir,
        'c-semicolon.csv',
        '\uFEFF' +
          [
            'Ärendenr;KundNr;Öppnad;Första_svar;Löst;Kategori;Prioritet;Kanal;Utfall;Nöjdhet',
            'k1;c1;2024-01-05 09:15;2024-01-05 10:00;2024-01-06 16:45:30;delivery;high;phone;accepted;4',
            'k2;c2;2024-02-29 23:59:59;;;billing;low;email;;',
            'k3;c1;20240331;2024-04-01 08:00;2024-04-02 12:00:00;product;;web;refused;1,0',
          ].join('\r\n'),
      ),
    XLSX: () =>
      writeXlsx('c.xlsx', [
        header.split(','),
        [
          'k1',
          'c1',
          utc('2024-01-05 09:15:00'),
          utc('2024-01-05 10:00:00'),
          utc('2024-01-06 16:45:30'),
          'delivery',
          'high',
          'phone',
          'accepted',
          4,
        ],
        ['k2', 'c2', utc('2024-02-29 23:59:59'), null, null, 'billing', 'low', 'email', null, null],
        [
          'k3',
          'c1',
          utc('2024-03-31'),
          utc('2024-04-01 08:00:00'),
          '2024-04-02 12:00',
          'product',
          null,
          'web',
          'refused',
          1,
        ],
      ]),
    Parquet: () =>
      writeParquet(
        'c.parquet',
        `SELECT * FROM (VALUES
          ('k1', 'c1', TIMESTAMP '2024-01-05 09:15:00', TIMESTAMP '2024-01-05 10:00:00', TIMESTAMP '2024-01-06 16:45:30', 'delivery', 'high', 'phone', 'accepted', 4),
          ('k2', 'c2', TIMESTAMP '2024-02-29 23:59:59', NULL, NULL, 'billing', 'low', 'email', NULL, NULL),
          ('k3', 'c1', TIMESTAMP '2024-03-31 00:00:00', TIMESTAMP '2024-04-01 08:00:00', TIMESTAMP '2024-04-02 12:00:00', 'product', NULL, 'web', 'refused', 1))
          t(${header})`,
      ),
    'JSON array': () =>
      write(
        dir,
        'c.json',
        JSON.stringify(
          COMPLAINTS.map((c) => ({
            ...c,
            satisfaction: c.satisfaction === null ? null : Number(c.satisfaction),
          })),
        ),
      ),
    NDJSON: () => write(dir, 'c.ndjson', COMPLAINTS.map((c) => JSON.stringify(c)).join('\n') + '\n'),
  };

  for (const [name, make] of Object.entries(files)) {
    it(`stores the same rows from ${name}`, async () => {
      expect(await contentsAfter('complaints', await make())).toEqual(COMPLAINTS);
    });
  }
});
