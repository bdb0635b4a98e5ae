/**
 * Amounts as they come out of other tools: binary floating-point artefacts (pandas, Parquet DOUBLE) are
 * rounded to the cent; a real extra decimal is rejected with how many decimals it has.
 */
import { describe, expect, it } from 'vitest';
import { dump, load, readRejects, tempDir, withMemoryStore, write } from './helpers';

const dir = tempDir('amounts');

describe('amounts', () => {
  it('rounds float artefacts to the cent and rejects real extra precision', async () => {
    const path = write(
      dir,
      'pandas.csv',
      [
        'order_id,customer_id,order_date,amount',
        'o1,c1,2024-01-05,29.610000000000003',
        'o2,c2,2024-01-05,0.30000000000000004',
        'o3,c3,2024-01-05,-1598.3700000000001',
        'o4,c4,2024-01-05,12.345',
        'o5,c5,2024-01-05,12.3400',
        'o6,c6,2024-01-05,99999999.98999999',
      ].join('\n'),
    );
    await withMemoryStore(async (store) => {
      const result = await load(store, 'transactions', path);
      expect(result).toMatchObject({ imported: 5, rejected: 1 });
      expect((await dump(store, 'transactions')).map((r) => [r.order_id, r.amount])).toEqual([
        ['o1', '29.61'],
        ['o2', '0.30'],
        ['o3', '-1598.37'],
        ['o5', '12.34'],
        ['o6', '99999999.99'],
      ]);
      expect(readRejects(`${path}.rejects.csv`).slice(1)).toEqual([
        [
          '4',
          '5',
          'amount',
          '12.345',
          '"12.345" has 3 decimals; the store keeps 2 (the round option rounds them)',
        ],
      ]);
    });
  });

  it('reads currency codes and symbols before or after the number, and parentheses as a minus', async () => {
    const semicolons = write(
      dir,
      'kronor.csv',
      [
        'order_id;customer_id;order_date;amount',
        'o1;c1;2024-01-05;99,00 kr',
        'o2;c2;2024-01-05;kr 99,50',
        'o3;c3;2024-01-05;SEK 1 234',
        'o4;c4;2024-01-05;€ 3,50',
        'o5;c5;2024-01-05;(12,50)',
        'o6;c6;2024-01-05;12,5O kr',
        'o7;c7;2024-01-05;(-5)',
      ].join('\n'),
    );
    await withMemoryStore(async (store) => {
      const result = await load(store, 'transactions', semicolons);
      expect(result).toMatchObject({ imported: 5, rejected: 2 });
      expect((await dump(store, 'transactions')).map((r) => [r.order_id, r.amount])).toEqual([
        ['o1', '99.00'],
        ['o2', '99.50'],
        ['o3', '1234.00'],
        ['o4', '3.50'],
        ['o5', '-12.50'],
      ]);
      expect(
        readRejects(`${semicolons}.rejects.csv`)
          .slice(1)
          .map((r) => r[4]),
      ).toEqual([
        '"12,5O kr" is not a number (decimal separator ",")',
        '"(-5)" is not a number (decimal separator ",")',
      ]);
    });
    const dollars = write(
      dir,
      'dollars.csv',
      [
        'order_id,customer_id,order_date,amount',
        'o1,c1,2024-01-05,$12.50',
        'o2,c2,2024-01-05,(12.50)',
        'o3,c3,2024-01-05,"USD 1,234.5"',
        'o4,c4,2024-01-05,£7',
      ].join('\n'),
    );
    await withMemoryStore(async (store) => {
      expect(await load(store, 'transactions', dollars)).toMatchObject({ imported: 4, rejected: 0 });
      expect((await dump(store, 'transactions')).map((r) => r.amount)).toEqual([
        '12.50',
        '-12.50',
        '1234.50',
        '7.00',
      ]);
    });
  });
});
