/**
 * Re-importing replaces instead of adding: the same file twice, overlapping files, and transactions without
 * order ids (their derived key is stable and follows the documented formula). Every import is logged.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { countAndSum, dump, load, tempDir, withMemoryStore, write } from './helpers';

const dir = tempDir('idempotence');
const HEADER = 'order_id,customer_id,order_date,amount';

describe('re-import', () => {
  it('importing the same file twice leaves counts and sums unchanged and logs both imports', async () => {
    const path = write(
      dir,
      'same.csv',
      [HEADER, 'o1,c1,2024-01-05,10.10', 'o2,c2,2024-01-06,20.20', 'o3,c1,2024-01-07,-5'].join('\n'),
    );
    await withMemoryStore(async (store) => {
      await load(store, 'transactions', path);
      const first = await countAndSum(store, 'transactions', 'amount');
      expect(first).toEqual({ n: 3, total: 25.3 });
      await load(store, 'transactions', path);
      expect(await countAndSum(store, 'transactions', 'amount')).toEqual(first);
      const log = await store.db.all(
        'SELECT import_id, kind, rows_imported, rows_rejected FROM imports ORDER BY import_id',
      );
      expect(log).toEqual([
        { import_id: 1, kind: 'transactions', rows_imported: 3, rows_rejected: 0 },
        { import_id: 2, kind: 'transactions', rows_imported: 3, rows_rejected: 0 },
      ]);
    });
  });

  it('overlapping files do not double count; the later file wins for a shared key', async () => {
    const a = write(
      dir,
      'a.csv',
      [HEADER, 'o1,c1,2024-01-05,1', 'o2,c2,2024-01-06,2', 'o3,c3,2024-01-07,3'].join('\n'),
    );
    const b = write(
      dir,
      'b.csv',
      [HEADER, 'o3,c3,2024-01-07,3', 'o2,c2,2024-01-06,20', 'o4,c4,2024-01-08,4'].join('\n'),
    );
    await withMemoryStore(async (store) => {
      await load(store, 'transactions', a);
      const result = await load(store, 'transactions', b);
      expect(result.imported).toBe(3);
      expect(await countAndSum(store, 'transactions', 'amount')).toEqual({ n: 4, total: 28 });
      expect((await dump(store, 'transactions')).map((r) => [r.order_id, r.amount])).toEqual([
        ['o1', '1.00'],
        ['o2', '20.00'],
        ['o3', '3.00'],
        ['o4', '4.00'],
      ]);
    });
  });
});

describe('transactions without order ids', () => {
  const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

  it('get the documented derived key, stable across re-imports, overlapping files and an empty order_id column', async () => {
    // Two identical purchases on one day are two rows (occurrence 1 and 2), not a duplicate.
    const full = write(
      dir,
      'no-ids.csv',
      [
        'customer_id,order_date,amount,product_line',
        'c1,2024-01-05,10,coffee',
        'c1,2024-01-05,10,coffee',
        'c2,2024-01-06,7.5,',
      ].join('\n'),
    );
    const overlap = write(
      dir,
      'no-ids-later.csv',
      [
        'order_id;customer_id;order_date;amount;product_line',
        ';c2;20240106;7,50;',
        ';c3;2024-01-07;1;tea',
      ].join('\n'),
    );
    await withMemoryStore(async (store) => {
      await load(store, 'transactions', full);
      const keys = (await dump(store, 'transactions')).map((r) => r.order_id).sort();
      expect(keys).toEqual(
        [
          `h:${md5('c1|2024-01-05|10.00||coffee||1')}`,
          `h:${md5('c1|2024-01-05|10.00||coffee||2')}`,
          `h:${md5('c2|2024-01-06|7.50||||1')}`,
        ].sort(),
      );
      await load(store, 'transactions', full);
      expect(await countAndSum(store, 'transactions', 'amount')).toEqual({ n: 3, total: 27.5 });
      await load(store, 'transactions', overlap);
      expect(await countAndSum(store, 'transactions', 'amount')).toEqual({ n: 4, total: 28.5 });
    });
  });
});
