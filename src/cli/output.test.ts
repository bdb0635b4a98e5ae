import { describe, expect, it } from 'vitest';
import { CvmError } from '../core/errors';
import { formatNumber, render, type Printable } from './output';

describe('output', () => {
  it('groups thousands the Swedish and the English way', () => {
    expect(formatNumber(1284714061, 0, 'sv')).toBe('1\u00a0284\u00a0714\u00a0061');
    expect(formatNumber(1598.37, 2, 'sv')).toBe('1\u00a0598,37');
    expect(formatNumber(-1598.37, 2, 'en')).toBe('-1,598.37');
    expect(formatNumber(-0.001, 2, 'en')).toBe('0.00');
  });

  it('renders aligned tables, CSV and JSON from the same result', () => {
    const printable: Printable = {
      json: { a: 1 },
      tables: [
        {
          name: 'tiers',
          columns: [
            { key: 'tier', label: { en: 'Tier', sv: 'Segment' }, type: 'text' },
            { key: 'clv', label: 'CLV', type: 'money' },
            { key: 'retention', label: 'Retention', type: 'percent' },
          ],
          rows: [
            { tier: 'Super 5%', clv: 106196.2, retention: 0.8858 },
            { tier: 'Bottom 30%', clv: 824, retention: null },
          ],
        },
      ],
    };
    expect(render(printable, { format: 'table', lang: 'sv', currency: 'kr' }).split('\n')).toEqual([
      'Segment            CLV  Retention',
      '──────────  ──────────  ─────────',
      'Super 5%    106\u00a0196 kr     88,6 %',
      'Bottom 30%      824 kr          –',
    ]);
    expect(render(printable, { format: 'csv', lang: 'en', currency: '' })).toBe(
      'tier,clv,retention\nSuper 5%,106196.2,0.8858\nBottom 30%,824,',
    );
    expect(JSON.parse(render(printable, { format: 'json', lang: 'en', currency: '' }))).toEqual({ a: 1 });
  });

  const twoTables: Printable = {
    json: null,
    tables: [
      {
        name: 'first',
        columns: [
          { key: 'name', label: 'Name', type: 'text' },
          { key: 'share', label: 'Share', type: 'percent' },
        ],
        rows: [
          { name: 'Smith; Jones', share: 0.125 },
          { name: 'Åberg', share: 1 },
        ],
      },
      { name: 'second', columns: [{ key: 'n', label: 'N', type: 'int' }], rows: [{ n: 2 }] },
    ],
  };

  it('prints one CSV table: the first, or the one --table names', () => {
    const en = { format: 'csv', lang: 'en', currency: '' } as const;
    expect(render(twoTables, en)).toBe('name,share\nSmith; Jones,0.125\nÅberg,1');
    expect(render(twoTables, { ...en, table: 'second' })).toBe('n\n2');
    expect(render(twoTables, { ...en, format: 'table', table: 'second' })).toBe('N\n─\n2');
    expect(() => render(twoTables, { ...en, table: 'third' })).toThrow(
      '"third" is not a table of this output (first, second)',
    );
    expect(() => render(twoTables, { ...en, table: 'third' })).toThrow(CvmError);
  });

  it('writes Swedish CSV as Swedish Excel reads it: semicolons, decimal comma, a UTF-8 BOM', () => {
    expect(render(twoTables, { format: 'csv', lang: 'sv', currency: 'kr' })).toBe(
      '\ufeffname;share\n"Smith; Jones";0,125\nÅberg;1',
    );
  });
});
