import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CvmError, optionMessage } from '../errors';
import { msg, renderMessage } from './catalogue';
import { Message } from './message';
import { svPhrase } from './options';
import { sourceFiles } from '../../../test/sources';

const src = join(__dirname, '..', '..');

/** The top-level arguments of each call of `callee` in `text`, with the line it starts on. */
function calls(text: string, callee: string): { line: number; args: string[] }[] {
  const out: { line: number; args: string[] }[] = [];
  const pattern = new RegExp(`(?<![\\w.])${callee}(?:<[^>()]*>)?\\(`, 'g');
  for (const m of text.matchAll(pattern)) {
    const args: string[] = [];
    let depth = 0;
    let quote: string | null = null;
    let current = '';
    for (let i = m.index + m[0].length; i < text.length; i++) {
      const ch = text[i] as string;
      if (quote !== null) {
        current += ch;
        if (ch === '\\') current += text[++i] ?? '';
        else if (ch === quote) quote = null;
        continue;
      }
      if (ch === "'" || ch === '"' || ch === '`') quote = ch;
      if ('([{'.includes(ch)) depth++;
      if (')]}'.includes(ch)) {
        if (depth === 0) break;
        depth--;
      }
      if (ch === ',' && depth === 0) {
        args.push(current.trim());
        current = '';
      } else current += ch;
    }
    if (current.trim() !== '') args.push(current.trim());
    out.push({ line: text.slice(0, m.index).split('\n').length, args });
  }
  return out;
}

const isText = (arg: string | undefined): boolean => arg !== undefined && /^[`'"]/.test(arg);
const files = [...sourceFiles(join(src, 'app')), ...sourceFiles(join(src, 'server'))];

describe('errors of the use cases and the HTTP API', () => {
  it('are catalogue messages: no CvmError, HttpError, invalidInput or option detail with written text', () => {
    expect(files.length).toBeGreaterThan(60);
    const offenders = files.flatMap((path) => {
      const text = readFileSync(path, 'utf8');
      const where = (line: number, what: string): string => `${path.slice(src.length + 1)}:${line} ${what}`;
      return [
        ...calls(text, 'new CvmError')
          .filter((c) => isText(c.args[1]))
          .map((c) => where(c.line, 'CvmError')),
        ...calls(text, 'new HttpError')
          .filter((c) => isText(c.args[1]))
          .map((c) => where(c.line, 'HttpError')),
        ...calls(text, 'invalidInput').map((c) => where(c.line, 'invalidInput takes text')),
        ...calls(text, 'invalidOption')
          .filter((c) => isText(c.args[3]))
          .map((c) => where(c.line, 'invalidOption detail')),
        // a field parser's sentence on why, or an error body the server writes itself
        ...[...text.matchAll(/\b(?:detail|message)\s*:\s*[`'"]/g)].map((m) =>
          where(text.slice(0, m.index).split('\n').length, 'written text'),
        ),
      ];
    });
    expect(offenders).toEqual([]);
  });

  it('the scan finds written text where there is some', () => {
    const text = [
      "throw new CvmError('not-found', `no customer ${id}`);",
      "throw new HttpError('forbidden', 'no');",
      "throw invalidOption('window', w, 'a window', 'is too long, (really)');",
      "throw invalidOption('window', w, 'a window', msg('option.clv-only'));",
    ].join('\n');
    expect(calls(text, 'new CvmError')[0]?.args).toEqual(["'not-found'", '`no customer ${id}`']);
    expect(isText(calls(text, 'new HttpError')[0]?.args[1])).toBe(true);
    const [written, message] = calls(text, 'invalidOption');
    expect(written?.args).toHaveLength(4);
    expect(isText(written?.args[3])).toBe(true);
    expect(isText(message?.args[3])).toBe(false);
  });

  it('read in Swedish with the numbers the Swedish way', () => {
    expect(renderMessage(msg('api.rate-limited', { seconds: 1 }), 'sv')).toBe(
      'för många misslyckade inloggningar: försök igen om 1 sekund',
    );
    expect(renderMessage(msg('api.rate-limited', { seconds: 30 }), 'en')).toBe(
      'too many failed sign-ins: try again in 30 seconds',
    );
    const amounts = msg('basis.mostly-without-amount', {
      missing: 1200,
      transactions: 2000,
      share: 60,
      limit: 50,
    });
    expect(renderMessage(amounts, 'en')).toMatch(/but 1200 of the 2000 transactions have no amount \(60 %/);
    expect(renderMessage(amounts, 'sv')).toMatch(
      /^rapporten rangordnar kunder efter värde, men 1\u00a0200 av de 2\u00a0000 transaktionerna saknar belopp \(60 %, mer än 50 %\)/,
    );
    const demo = msg('demo.not-empty', {
      location: 'cvm.duckdb',
      tables: [
        { kind: 'transactions', rows: 12345 },
        { kind: 'customers', rows: 1 },
      ],
    });
    expect(renderMessage(demo, 'en')).toMatch(
      /already holds data \(transactions: 12,345 rows, customers: 1 rows\)/,
    );
    expect(renderMessage(demo, 'sv')).toMatch(
      /^databasen cvm.duckdb innehåller redan data \(transactions: 12\u00a0345 rader, customers: 1 rad\)/,
    );
    const error = new CvmError('invalid-input', msg('option.clv-only'), {
      option: { field: 'horizon', value: '12', expected: 'an option of value clv' },
    });
    expect(optionMessage(error, (f) => `--${f}`, 'sv')).toBe('--horizon: gäller endast value clv');
  });
});

/** A zod schema's fields, through its transforms. */
function shapeOf(schema: unknown): Record<string, unknown> | null {
  let s = schema as { shape?: Record<string, unknown>; _zod?: { def?: { in?: unknown } } } | undefined;
  for (let i = 0; i < 5 && s !== undefined; i++) {
    if (s.shape !== undefined) return s.shape;
    s = s._zod?.def?.in as typeof s;
  }
  return null;
}

/** Values no option takes, or only some do. */
const BAD = [
  '\u0001',
  '-1',
  '0',
  '1',
  '2',
  '1001',
  '99999999',
  'x',
  'a..b',
  '5..1',
  'Top:5',
  '25:00',
  'mon-x',
];

/** Whether `phrase` needs no Swedish: words or symbols the user types (`orders`, `nps, csat, ces`). */
const typed = (phrase: string): boolean => /^(?:[\w.:-]+, )*[\w.:-]+$/.test(phrase) || !/\s/.test(phrase);

/** The phrases of an option problem (its `expected`, and the message's): what an option takes, in words. */
function phrasesOf(expected: unknown, text: unknown): string[] {
  const out = typeof expected === 'string' ? [expected] : [];
  const walk = (m: unknown): void => {
    if (!(m instanceof Message)) return;
    for (const [name, value] of Object.entries(m.params)) {
      if (value instanceof Message) walk(value);
      else if ((name === 'what' || name === 'expected') && typeof value === 'string') out.push(value);
    }
  };
  walk(text);
  return out;
}

describe('option phrases', () => {
  it('every phrase an option schema of app/options uses is known in Swedish', async () => {
    const phrases = new Set<string>();
    const dir = join(src, 'app', 'options');
    let fields = 0;
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
      const module = (await import(join(dir, name))) as Record<string, unknown>;
      for (const schema of Object.values(module)) {
        const shape = shapeOf(schema);
        if (shape === null) continue;
        // every problem of the input, not only the first one a face reports
        const attempt = (raw: Record<string, unknown>): void => {
          try {
            const result = (schema as z.ZodType).safeParse(raw);
            for (const issue of result.error?.issues ?? []) {
              const params = (issue as { params?: { expected?: unknown; detail?: unknown } }).params;
              for (const p of phrasesOf(params?.expected, params?.detail)) phrases.add(p);
            }
          } catch (error) {
            // a check across options throws as the faces see it
            if (!(error instanceof CvmError)) throw error;
            for (const p of phrasesOf(error.option?.expected, error.text)) phrases.add(p);
          }
        };
        attempt({});
        for (const key of Object.keys(shape)) {
          fields += 1;
          for (const bad of BAD) attempt({ [key]: bad });
          attempt({ [key]: { not: 'a value' } });
        }
      }
    }
    expect(fields).toBeGreaterThan(80);
    expect(phrases.size).toBeGreaterThan(40);
    const english = [...phrases].filter((p) => !typed(p) && svPhrase(p) === p);
    expect(english).toEqual([]);
  });

  it('every phrase written where an option is checked in app/ and server/ is known in Swedish', () => {
    // the phrase arguments: invalidOption(field, value, EXPECTED), fail(text, WHAT, EXPECTED),
    // requiredField(parse, EXPECTED), oneOf(choices, WHAT); and `expected = '…'` / `expected: '…'`
    const at: [string, number[]][] = [
      ['invalidOption', [2]],
      ['fail', [1, 2]],
      ['requiredField', [1]],
      ['oneOf', [1]],
    ];
    let seen = 0;
    const english = files.flatMap((path) => {
      const text = readFileSync(path, 'utf8');
      const where = (line: number, phrase: string): string =>
        `${path.slice(src.length + 1)}:${line} ${phrase}`;
      const args = at.flatMap(([callee, positions]) =>
        calls(text, callee).flatMap((c) => positions.map((i) => ({ line: c.line, arg: c.args[i] ?? '' }))),
      );
      const assigned = [...text.matchAll(/\bexpected\s*[:=]\s*([`'"][^`'"\n]*[`'"])/g)].map((m) => ({
        line: text.slice(0, m.index).split('\n').length,
        arg: m[1] ?? '',
      }));
      return [...args, ...assigned].flatMap(({ line, arg }) => {
        // a template within a template is left to the test above, which renders it
        if (!isText(arg) || arg.slice(1, -1).includes('`')) return [];
        seen += 1;
        // a template's values stand in as a number, as they are when the error is thrown
        const phrase = arg.slice(1, -1).replace(/\$\{[^}]*\}/g, '7');
        return !typed(phrase) && svPhrase(phrase) === phrase ? [where(line, phrase)] : [];
      });
    });
    expect(seen).toBeGreaterThan(60);
    expect(english).toEqual([]);
  });
});
