/**
 * Files shaped as users have them (issue 7, item 9): rows that leave optional trailing fields off, files
 * without a header (`--no-header --columns`), and orders without an amount (activity only).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliOn } from '../cli';
import { countAndSum, dump, load, readRejects, tempDir, withMemoryStore, write } from './helpers';

const dir = tempDir('shapes');

describe('rows shorter than the header', () => {
  it('import when only optional trailing fields are missing; a missing required field is named', async () => {
    const path = write(
      dir,
      'short.csv',
      [
        'order_id,customer_id,order_date,amount,margin,channel',
        'o1,c1,2025-01-02,10,4,web',
        'o2,c2,2025-01-03,20', // margin and channel left off
        'o3,c3,2025-01-04,30,"12',
        '"', // a quoted field spanning lines (the padded read is single-threaded)
        'o4,c4', // order_date is required
        'o5,c5,2025-01-06,50,5,store,extra',
      ].join('\n'),
    );
    await withMemoryStore(async (store) => {
      const result = await load(store, 'transactions', path);
      expect(result).toMatchObject({ imported: 3, rejected: 2 });
      expect(
        (await dump(store, 'transactions')).map((r) => [r.order_id, r.amount, r.margin, r.channel]),
      ).toEqual([
        ['o1', '10.00', '4.00', 'web'],
        ['o2', '20.00', null, null],
        ['o3', '30.00', '12.00', null],
      ]);
      expect(readRejects(`${path}.rejects.csv`).slice(1)).toEqual([
        ['4', '6', 'order_date', '', 'missing value (required)'],
        ['5', '7', '', 'o5,c5,2025-01-06,50,5,store,extra', 'has 7 fields, expected 6'],
      ]);
    });
  });

  it('still reject short rows when the columns they lack are required', async () => {
    const path = write(
      dir,
      'required.csv',
      ['customer_id,amount,order_date', 'c1,10,2025-01-02', 'c2,20'].join('\n'),
    );
    await withMemoryStore(async (store) => {
      expect(await load(store, 'transactions', path)).toMatchObject({ imported: 1, rejected: 1 });
      expect(readRejects(`${path}.rejects.csv`)[1]).toEqual([
        '2',
        '3',
        '',
        'c2,20',
        'has 2 fields, expected 3',
      ]);
    });
  });
});

describe('a file without a header', () => {
  it('imports with the columns named in order, the first line as data', async () => {
    const path = write(
      dir,
      'master.txt',
      ['00001 19970101 1 11.77', '00002  19970112 2 89.00', '00001 19970102 x 9'].join('\n'),
    );
    await withMemoryStore(async (store) => {
      const result = await load(store, 'transactions', path, {
        delimiter: 'whitespace',
        columns: ['customer_id', 'order_date', 'quantity', 'amount'],
      });
      expect(result).toMatchObject({ imported: 3, rejected: 0, ignoredColumns: ['quantity'] });
      expect(await countAndSum(store, 'transactions', 'amount')).toEqual({ n: 3, total: 109.77 });
      expect((await dump(store, 'transactions')).map((r) => r.order_date).sort()).toEqual([
        '1997-01-01',
        '1997-01-02',
        '1997-01-12',
      ]);
    });
  });

  it('names rows and lines from the first line', async () => {
    const path = write(dir, 'plain.csv', ['c1,2025-01-02,10', 'c2,2025-13-01,20'].join('\n'));
    await withMemoryStore(async (store) => {
      await load(store, 'transactions', path, { columns: ['customer_id', 'order_date', 'amount'] });
      expect(readRejects(`${path}.rejects.csv`)[1]).toEqual([
        '2',
        '2',
        'order_date',
        '2025-13-01',
        '"2025-13-01" is not a valid date (no such day)',
      ]);
    });
  });
});

describe('cvm import --no-header --columns', () => {
  const cvm = cliOn(join(dir, 'cli.duckdb'));
  it('imports, and refuses one without the other', () => {
    const path = write(dir, 'kassa.csv', 'c1;2025-01-02;10,50\nc2;2025-01-03;5\n');
    expect(
      cvm('import', 'transactions', path, '--no-header', '--columns', 'customer_id,order_date,amount'),
    ).toMatchObject({
      status: 0,
      stdout: '2 imported\nimport 1: appended\n',
    });
    expect(cvm('import', 'transactions', path, '--no-header')).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'cvm: --no-header: a file without a header needs its columns named in order with --columns (e.g. customer_id,order_date,amount)\n',
    });
    expect(cvm('import', 'transactions', path, '--columns', 'customer_id,order_date,amount').stderr).toBe(
      'cvm: --columns: names the columns of a file without a header: give it with --no-header, or use --map to rename headers\n',
    );
  });
});
