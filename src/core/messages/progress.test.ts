import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CvmError, errorText, invalidOption, quoteValue } from '../errors';
import { msg, renderMessage } from './catalogue';
import { sourceFiles } from '../../../test/sources';

const src = join(__dirname, '..', '..');

/**
 * Progress lines and notes written as text: `progress('…')`, `say(phase, f, '…')`, `onNote?.('…')`,
 * `stderrLine('…')`, `message: '…'` (an import's progress) and `description: '…'` (how a file is read).
 */
function writtenProgress(text: string): number[] {
  const patterns = [
    /\bprogress\(\s*[`'"]/g,
    /\.say\(\s*'\w+',\s*[\d.]+,\s*[`'"]/g,
    /\bonNote\??\.?\(\s*[`'"]/g,
    /\bstderrLine\(\s*[`'"]/g,
    /\b(?:message|description)\s*:\s*[`'"]/g,
  ];
  return patterns.flatMap((p) => [...text.matchAll(p)].map((m) => text.slice(0, m.index).split('\n').length));
}

describe('progress lines and notes', () => {
  const places = [
    'app/demo',
    'app/summary.ts',
    'cli/commands/demo.ts',
    'cli/commands/start.ts',
    'cli/commands/import.ts',
    'data/duckdb',
    'data/postgres',
    'data/import',
    'server/static.ts',
  ];
  const files = places.flatMap((p) => sourceFiles(join(src, p)));

  it('are catalogue messages: no progress line, note or import phase written as text', () => {
    expect(files.length).toBeGreaterThan(30);
    const offenders = files.flatMap((path) =>
      writtenProgress(readFileSync(path, 'utf8')).map((line) => `${path.slice(src.length + 1)}:${line}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the scan finds written text where there is some', () => {
    const text = [
      'progress(`loading ${kind}`);',
      "session.say('validating', 0.6, `${ok} rows ok`);",
      "options.onNote?.('left out');",
      "batch.onProgress?.({ phase: 'writing', fraction: 0.6, message: 'writing' });",
      "description: 'XLSX',",
      "progress(msg('progress.demo.loading', { kind, rows }));",
      "session.say('reading', 0.3, msg('progress.import.padded', { file }));",
    ].join('\n');
    expect(writtenProgress(text).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('read in Swedish with the numbers the Swedish way', () => {
    expect(
      renderMessage(msg('progress.demo.generating', { customers: 25000, seed: 7, end: '2025-12-31' }), 'sv'),
    ).toBe('genererar 25\u00a0000 kunder (seed 7, till 2025-12-31)');
    expect(renderMessage(msg('progress.demo.loading', { kind: 'transactions', rows: 1 }), 'sv')).toBe(
      'laddar transactions (1 rad)',
    );
    expect(
      renderMessage(
        msg('progress.import.committed', { importId: 4, seconds: 2.25, rows: 1234, replaced: 1 }),
        'sv',
      ),
    ).toBe('import 4 genomförd på 2,3 s: 1\u00a0234 rader, varav 1 ersätter lagrade rader');
    expect(
      renderMessage(
        msg('progress.import.committed', { importId: 4, seconds: 2.25, rows: 1234, replaced: 1 }),
        'en',
      ),
    ).toBe('committed import 4 in 2.3 s: 1,234 rows, 1 of them replacing stored rows');
    const described = msg('progress.import.described', {
      format: 'CSV',
      delimiter: '";"',
      columnCount: 1,
      header: false,
    });
    expect(
      renderMessage(
        msg('progress.import.reading', {
          file: 'a.txt',
          description: described,
          decimal: ',',
          encoding: 'windows-1252',
          blanks: true,
        }),
        'sv',
      ),
    ).toBe(
      'läser a.txt (CSV, avgränsare ";", 1 kolumn, ingen rubrikrad; decimaltecken ","; teckenkodning windows-1252; flera blanksteg i följd som en avgränsare)',
    );
  });

  it('a note on a left-out part carries the error in the same language, its options spelt by the face', () => {
    const error = invalidOption('windowMonths', 'x', 'a whole number', msg('option.clv-only'));
    const text = errorText(error, (field) => `--${field}`);
    expect(text.option).toBe('--windowMonths');
    const note = msg('progress.summary.contracts-left-out', { reason: text });
    const inner = renderMessage(msg('option.clv-only'), 'sv');
    expect(renderMessage(note, 'sv')).toBe(
      `avtalen är utelämnade ur sammanfattningen: --windowMonths: ${inner}`,
    );
    // `{option:name}` in the error's text is spelt the face's way, in both languages
    const pointing = new CvmError('invalid-input', 'give {option:asOf} too');
    expect(
      renderMessage(
        msg('progress.summary.key-accounts-left-out', { reason: errorText(pointing, (f) => `--${f}`) }),
        'sv',
      ),
    ).toBe('nyckelkunderna är utelämnade ur sammanfattningen: give --asOf too');
  });

  it('a value cut short says how long it was in the language of the message', () => {
    const long = '9'.repeat(97);
    const quoted = quoteValue(long);
    expect(quoted).toBe(`"${'9'.repeat(60)}… (97 characters)"`);
    const problem = msg('reject.not-number', { value: quoted });
    expect(renderMessage(problem, 'en')).toContain('… (97 characters)"');
    expect(renderMessage(problem, 'sv')).toContain(`"${'9'.repeat(60)}… (97 tecken)"`);
    expect(renderMessage(msg('reject.not-number', { value: quoteValue('1'.repeat(12345)) }), 'sv')).toContain(
      '… (12\u00a0345 tecken)"',
    );
  });
});
