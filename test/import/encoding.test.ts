/**
 * CSV files that are not UTF-8: what Excel on Windows writes for "CSV (semikolonavgränsad)" is Windows-1252.
 * Detected (valid UTF-8 is UTF-8, anything else Windows-1252) or given with `encoding`; read from a UTF-8
 * copy, so values, rows and lines come out as in a UTF-8 file.
 */
import { describe, expect, it } from 'vitest';
import { detectEncoding } from '../../src/data/import/encoding';
import { dump, load, readRejects, tempDir, withMemoryStore, write } from './helpers';

const dir = tempDir('encoding');

/** A Swedish Excel export: semicolons, decimal commas, `ö` and `€` (0x80 in Windows-1252). */
const EXCEL = Buffer.from(
  [
    'Ordernr;Kundnr;Orderdatum;Belopp;Produktlinje',
    'o1;c1;2024-01-05;99,50;Köksredskap',
    'o2;c2;2024-01-06;1O,00;Möbler',
    'o3;c3;2024-01-07;12,00;Presentkort \x80',
    '',
  ].join('\r\n'),
  'latin1',
);

describe('text encodings', () => {
  it('reads a Windows-1252 file (detected): every row lands, a bad value rejects only its row', async () => {
    const path = write(dir, 'excel.csv', EXCEL);
    expect(await detectEncoding(path)).toBe('windows-1252');
    await withMemoryStore(async (store) => {
      const result = await load(store, 'transactions', path);
      expect(result).toMatchObject({ encoding: 'windows-1252', imported: 2, rejected: 1 });
      expect((await dump(store, 'transactions')).map((r) => [r.order_id, r.amount, r.product_line])).toEqual([
        ['o1', '99.50', 'Köksredskap'],
        ['o3', '12.00', 'Presentkort €'],
      ]);
      expect(readRejects(`${path}.rejects.csv`).slice(1)).toEqual([
        ['2', '3', 'amount', '1O,00', '"1O,00" is not a number (decimal separator ",")'],
      ]);
    });
  });

  it('reads ISO-8859-1 when told (0x80 is a control character there) and UTF-8 as UTF-8', async () => {
    const path = write(dir, 'latin1.csv', EXCEL);
    await withMemoryStore(async (store) => {
      const result = await load(store, 'transactions', path, { encoding: 'latin1' });
      expect(result).toMatchObject({ encoding: 'latin1', imported: 2 });
      const rows = await dump(store, 'transactions');
      expect(rows.map((r) => r.product_line)).toEqual(['Köksredskap', 'Presentkort \u0080']);
    });
    const utf8 = write(dir, 'utf8.csv', EXCEL.toString('latin1'));
    expect(await detectEncoding(utf8)).toBe('utf-8');
    await withMemoryStore(async (store) => {
      const result = await load(store, 'transactions', utf8);
      expect(result).toMatchObject({ encoding: 'utf-8', imported: 2 });
      expect((await dump(store, 'transactions')).map((r) => r.product_line)).toEqual([
        'Köksredskap',
        'Presentkort \u0080',
      ]);
    });
  });

  it('detects UTF-8 across chunk boundaries and one stray byte far into the file', async () => {
    const chunk = 1 << 22;
    // "ö" (0xC3 0xB6) split across the first chunk boundary is still UTF-8.
    const split = Buffer.concat([Buffer.alloc(chunk - 1, 0x61), Buffer.from('ö€\n')]);
    expect(await detectEncoding(write(dir, 'split.csv', split))).toBe('utf-8');
    const stray = Buffer.concat([split, Buffer.alloc(chunk, 0x61), Buffer.from([0xf6, 0x0a])]);
    expect(await detectEncoding(write(dir, 'stray.csv', stray))).toBe('windows-1252');
    const cutAtEnd = Buffer.concat([Buffer.alloc(10, 0x61), Buffer.from([0xe2, 0x82])]);
    expect(await detectEncoding(write(dir, 'cut.csv', cutAtEnd))).toBe('windows-1252');
  });
});
