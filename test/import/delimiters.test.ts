/**
 * Delimiters beyond the detected ones: whitespace-separated files (the CDNOW master log: runs of blanks,
 * leading blanks), `space` and `tab` by name, and a header read as one column pointing at the delimiter.
 */
import { describe, expect, it } from 'vitest';
import { CvmError } from '../../src/core/errors';
import { importInput } from '../../src/app/options/import';
import { blanksToTabs } from '../../src/data/import/encoding';
import { WHITESPACE } from '../../src/data/import/types';
import { dump, load, tempDir, withMemoryStore, write } from './helpers';

const dir = tempDir('delimiters');

/** CDNOW-style: fixed-width columns padded with blanks, a tab, trailing blanks, CRLF line ends. */
const CDNOW = [
  'customer_id   order_date  quantity  amount',
  '00001 19970101 1 11.77',
  '  00002   19970112\t2  12.00  ',
  '00003 19970102 2 2O.76',
  '',
].join('\r\n');

describe('delimiters', () => {
  it('reads runs of blanks as one delimiter, ignoring leading and trailing blanks; compact dates parse', async () => {
    const path = write(dir, 'cdnow.txt', CDNOW);
    await withMemoryStore(async (store) => {
      const result = await load(store, 'transactions', path, { delimiter: WHITESPACE });
      expect(result).toMatchObject({ imported: 2, rejected: 1, ignoredColumns: ['quantity'] });
      expect(result.problems).toEqual(['cdnow.txt row 3 (line 4), column amount: "2O.76" is not a number']);
      const rows = await dump(store, 'transactions');
      const values = rows.map((r) => [r.customer_id, r.order_date, r.amount]);
      // sorted by customer: the order key derived from the values orders the dump
      expect(values.sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
        ['00001', '1997-01-01', '11.77'],
        ['00002', '1997-01-12', '12.00'],
      ]);
    });
  });

  it('whitespace works with a Windows-1252 file too', async () => {
    const path = write(
      dir,
      'kunder.txt',
      Buffer.from('customer_id order_date amount\nKöp1  20240105 5\n', 'latin1'),
    );
    await withMemoryStore(async (store) => {
      const result = await load(store, 'transactions', path, { delimiter: WHITESPACE });
      expect(result).toMatchObject({ imported: 1, encoding: 'windows-1252' });
      expect((await dump(store, 'transactions')).map((r) => r.customer_id)).toEqual(['Köp1']);
    });
  });

  it('a header read as one column points at the delimiter', async () => {
    const path = write(dir, 'blanks.txt', CDNOW);
    await withMemoryStore(async (store) => {
      const error = await load(store, 'transactions', path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CvmError);
      expect((error as CvmError).message).toBe(
        'blanks.txt: the header has one column with delimiter "," ("customer_id   order_date  quantity  amount"); ' +
          'give {option:delimiter} (whitespace for runs of blanks, tab, space, or the character between columns)',
      );
    });
  });

  it('takes whitespace, space and tab by name', () => {
    const parse = (delimiter: string): unknown =>
      importInput.parse({ kind: 'transactions', delimiter }).delimiter;
    expect(['whitespace', 'space', 'tab', 'Space'].map(parse)).toEqual([WHITESPACE, ' ', '\t', ' ']);
    expect(importInput.safeParse({ kind: 'transactions', delimiter: 'blanks' }).success).toBe(false);
  });

  it('blanksToTabs keeps line ends and empty lines', () => {
    expect(blanksToTabs('  a  b\t c  \r\n\n d e\n')).toBe('a\tb\tc\r\n\nd\te\n');
  });
});
