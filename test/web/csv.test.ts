// The dashboard's CSV export and the parser it reads the server's rejects and predictions files with.
import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../../web/src/csv';

const columns = [
  { key: 'tier', header: 'Tier' },
  { key: 'share', header: 'Share' },
];
const rows = [
  { tier: 'Top 15%', share: 0.25 },
  { tier: 'Mellan; "50%"', share: null },
];

describe('dashboard CSV', () => {
  it('writes English with commas and a decimal point, Swedish with semicolons, decimal comma and a BOM', () => {
    expect(toCsv(columns, rows, 'en')).toBe('Tier,Share\r\nTop 15%,0.25\r\n"Mellan; ""50%""",\r\n');
    expect(toCsv(columns, rows, 'sv')).toBe('\uFEFFTier;Share\r\nTop 15%;0,25\r\n"Mellan; ""50%""";\r\n');
  });

  it('reads the rejects file the import writes, quotes, doubled quotes and commas included', () => {
    const text =
      'row,line,column,value,reason\n' +
      '2,3,order_date,2025-13-01,"""2025-13-01"" is not a valid date (no such day)"\n' +
      '2,3,amount,"12,5O","""12,5O"" is not a number (decimal separator "","")"\n';
    expect(parseCsv(text)).toEqual([
      {
        row: '2',
        line: '3',
        column: 'order_date',
        value: '2025-13-01',
        reason: '"2025-13-01" is not a valid date (no such day)',
      },
      {
        row: '2',
        line: '3',
        column: 'amount',
        value: '12,5O',
        reason: '"12,5O" is not a number (decimal separator ",")',
      },
    ]);
    expect(parseCsv('a,b\r\n1,2')).toEqual([{ a: '1', b: '2' }]);
  });
});
