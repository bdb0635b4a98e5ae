/**
 * The proof that a file's keys are distinct (import-keys.ts, keysDistinct): whole-number keys by a bitmap
 * of their range, other keys by their sorted hashes; a repeat is never missed, and keys that only read
 * as the same number (`7`, `07`) are not taken for repeats by the import.
 */
import { describe, expect, it } from 'vitest';
import { keysDistinct } from '../../src/data/duckdb/import-keys';
import { load, readRejects, tempDir, withMemoryStore, write } from './helpers';
import { join } from 'node:path';

/** keysDistinct over a one-column table of `keys` (null = an empty key). */
async function distinct(keys: readonly (string | null)[]): Promise<boolean> {
  return withMemoryStore(async (store) => {
    await store.db.run('CREATE TEMP TABLE k (id VARCHAR)');
    for (const key of keys) await store.db.run('INSERT INTO k VALUES (?)', [key]);
    return keysDistinct(store.db, 'k', 'id');
  });
}

describe('keysDistinct', () => {
  it('proves distinct whole-number keys distinct and finds a repeat among them', async () => {
    expect(await distinct(['3', '1', '2', null, '5'])).toBe(true);
    expect(await distinct(['3', '1', '2', null, '3'])).toBe(false);
    // the range's ends: the smallest and the largest key repeated
    expect(await distinct(['10', '11', '12', '10'])).toBe(false);
    expect(await distinct(['10', '11', '12', '12'])).toBe(false);
    expect(await distinct(['-9223372036854775808', '9223372036854775807', '0'])).toBe(true);
  });

  it('does not prove keys that read as one number distinct (the exact path decides)', async () => {
    expect(await distinct(['7', '07', '8'])).toBe(false);
  });

  it('proves other keys by their hashes: spread-out numbers, text, a mix', async () => {
    expect(await distinct(['1', '1000000000', '5'])).toBe(true);
    expect(await distinct(['1', '1000000000', '1'])).toBe(false);
    expect(await distinct(['A-1', 'A-2', '3', 'b'])).toBe(true);
    expect(await distinct(['A-1', 'A-2', '3', 'A-2'])).toBe(false);
  });

  it('takes no keys, one key and only empty keys as distinct', async () => {
    expect(await distinct([])).toBe(true);
    expect(await distinct(['x'])).toBe(true);
    expect(await distinct([null, null])).toBe(true);
  });
});

describe('duplicate order numbers in a file', () => {
  const dir = tempDir('keys');

  it('rejects the repeated number and keeps 7 and 07 as two orders', async () => {
    const path = write(
      dir,
      'numbers.csv',
      [
        'order_id,customer_id,order_date,amount',
        '7,c1,2024-01-05,1',
        '07,c2,2024-01-05,2',
        '8,c3,2024-01-06,3',
        '8,c4,2024-01-07,4',
      ].join('\n'),
    );
    await withMemoryStore(async (store) => {
      const rejects = join(dir, 'numbers-rejects.csv');
      const result = await load(store, 'transactions', path, { rejectsPath: rejects });
      expect(result).toMatchObject({ imported: 3, rejected: 1 });
      expect(readRejects(rejects)[1]).toEqual([
        '4',
        '5',
        'order_id',
        '8',
        'duplicate order_id "8" (first on row 3)',
      ]);
    });
  });
});
