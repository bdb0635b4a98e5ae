import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, msg, renderMessage, renderMessages, type MessageKey } from './catalogue';
import { LANGS, Message } from './message';
import { sourceFiles } from '../../../test/sources';

/** A value for every parameter name the catalogue uses; numbers where none is named. */
const SAMPLE: Record<string, unknown> = {
  asOf: '2025-12-31',
  today: '2026-01-15',
  last: '2031-02-03',
  first: '2023-01-01',
  start: '2022-12-31',
  end: '2024-12-31',
  since: '2025-06-30',
  previousDay: '2024-12-31',
  subject: 'Top 15%',
  tier: 'Tier 2',
  ids: 'A1, A2',
  source: 'summary.csv',
  model: 'BG/NBD',
  timeUnit: 'week',
  previousWindow: true,
  detail: 'BFGS: 200 iterations',
  id: 'retention',
  kpi: 'NPS',
  lowest: 'not positive',
  revenue: 'fees',
  activity: true,
  renewed: false,
  reasons: [],
  tiers: [
    { tier: 'Top 15%', n: 12 },
    { tier: 'Tier 2', n: 3 },
  ],
  reason: new Message('weights.too-few', { n: 12, minimum: 30 }),
  firstProblem: new Message('reject.missing', {}),
  warning: new Message('import.no-rows', { file: 'a.csv' }),
  problems: [new Message('reject.not-number', { value: '"12,5O"' })],
  columns: [new Message('map.accepted-names', { column: 'order_date', names: 'order_date, datum' })],
  file: 'transactions.csv',
  sheet: null,
  value: '2025-13-01',
  what: 'a date',
  expected: 'YYYY-MM-DD',
  note: new Message('flows.no-previous', {}),
  tables: [{ kind: 'transactions', rows: 1234 }],
};
const params = new Proxy(SAMPLE, { get: (s, name: string) => (name in s ? s[name] : 1234.5) });

describe('the message catalogue', () => {
  const keys = Object.keys(CATALOGUE) as MessageKey[];

  it('has every message in English and in Swedish, and they differ', () => {
    expect(keys.length).toBeGreaterThan(60);
    for (const key of keys) {
      const e = CATALOGUE[key] as unknown as Record<string, unknown>;
      for (const lang of LANGS) expect(typeof e[lang], `${key} lacks ${lang}`).toBe('function');
      const [en, sv] = LANGS.map((lang) => renderMessage(new Message(key, params), lang));
      expect(en, key).not.toMatch(/NaN|\[object|^$/);
      expect(sv, key).not.toMatch(/undefined|NaN|\[object|^$/);
      if (key !== 'kpi.row-note') expect(sv, key).not.toBe(en);
    }
  });

  it('formats numbers inside a message the language’s way and translates the tier names', () => {
    const note = msg('simulate.clamped-low', { tier: 'Top 15%', retention: 0.886, delta: -95.5 });
    expect(renderMessage(note, 'en')).toBe(
      'Top 15%: retention 88.6 % -95.5 points is below 0 %; clamped to 0 %',
    );
    expect(renderMessage(note, 'sv')).toBe(
      'Topp 15%: retention 88,6 % -95,5 procentenheter är under 0 %; satt till 0 %',
    );
    const many = msg('basis.without-amount', {
      missing: 12345,
      transactions: 69659,
      share: 18,
      activity: false,
    });
    expect(renderMessage(many, 'en')).toMatch(/^12,345 of the 69,659 transactions have no amount \(18 %\)/);
    expect(renderMessage(many, 'sv')).toMatch(
      /^12\u00a0345 av de 69\u00a0659 transaktionerna saknar belopp \(18 %\)/,
    );
  });

  it('renders messages nested in a result and leaves everything else as it is', () => {
    const figures = Float64Array.of(1, 2);
    const result = {
      asOf: '2025-12-31',
      notes: [msg('flows.no-previous')],
      rows: [{ note: msg('kpi.no-active', { asOf: '2025-12-31' }), value: null }],
      figures,
    };
    const sv = renderMessages(result, 'sv');
    expect(sv).toEqual({
      asOf: '2025-12-31',
      notes: ['inga kunder var aktiva i föregående fönster'],
      rows: [{ note: 'inga aktiva kunder i fönstret till 2025-12-31', value: null }],
      figures,
    });
    expect(JSON.stringify(renderMessages(result, 'en'))).toContain(
      'no customers were active in the previous window',
    );
  });
});

describe('notes and warnings', () => {
  it('are never written as bare text: each is a catalogue message (or a label in both languages)', () => {
    const root = join(__dirname, '..', '..');
    // `notes.push('…')`, `notes: ['…']`, `note: '…'`, `warnings: ['…']`, `reason: '…'` with a literal
    const bare =
      /\b(?:notes\.push|warnings\.push|out\.push)\(\s*[`'"]|\b(?:notes|warnings)\s*:\s*\[\s*[`'"]|\b(?:note|reason)\s*:\s*[`'"]/g;
    const offenders = sourceFiles(root)
      .filter((path) => !path.includes(join('core', 'messages')))
      .flatMap((path) => {
        const text = readFileSync(path, 'utf8');
        return [...text.matchAll(bare)].map(
          (m) => `${path.slice(root.length + 1)}:${text.slice(0, m.index).split('\n').length}`,
        );
      });
    expect(offenders).toEqual([]);
  });
});

describe('import errors', () => {
  it('are catalogue messages: the import code throws no CvmError with written text', () => {
    const root = join(__dirname, '..', '..');
    const files = [
      ...sourceFiles(join(root, 'data', 'import')),
      ...sourceFiles(join(root, 'data', 'duckdb')).filter((p) => /[\\/]import[^\\/]*\.ts$/.test(p)),
    ];
    expect(files.length).toBeGreaterThan(15);
    const written = /new CvmError\(\s*'[\w-]+',\s*[`'"]/g;
    const offenders = files.flatMap((path) => {
      const text = readFileSync(path, 'utf8');
      return [...text.matchAll(written)].map(
        (m) => `${path.slice(root.length + 1)}:${text.slice(0, m.index).split('\n').length}`,
      );
    });
    expect(offenders).toEqual([]);
  });
});

describe('option problems', () => {
  it('say in Swedish what an option takes, for the phrases the catalogue knows', () => {
    const not = msg('option.not', { value: '13', what: 'a whole number from 1 to 12', expected: null });
    expect(renderMessage(not, 'en')).toBe('"13" is not a whole number from 1 to 12');
    expect(renderMessage(not, 'sv')).toBe('"13" är inte ett heltal från 1 till 12');
    const date = msg('option.not', { value: '2025-13-01', what: 'a date', expected: 'YYYY-MM-DD' });
    expect(renderMessage(date, 'sv')).toBe('"2025-13-01" är inte ett datum (väntat ÅÅÅÅ-MM-DD)');
    const kind = msg('option.did-you-mean', {
      detail: msg('option.not', {
        value: 'transaction',
        what: 'a kind',
        expected: 'one of customers, transactions',
      }),
      near: 'transactions',
    });
    expect(renderMessage(kind, 'sv')).toBe(
      '"transaction" är inte en datatyp (väntat något av customers, transactions); menade du transactions?',
    );
  });
});
