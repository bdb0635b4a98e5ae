/**
 * The JSON examples in docs/metrics.md are checked against the real output, so the documentation cannot
 * drift from the code. Each ```json / ```jsonc block must follow a marker naming the command that prints it,
 * `<!-- check: cvm --format json report portfolio --as-of 2025-12-31 -->`; the test runs that command
 * (bin/cvm.mjs, the bundled CLI) on a database holding the seed 002 transaction log, the data the examples
 * were taken from, and compares recursively:
 *
 * - an object has exactly the keys shown, unless it lists `…` among its members (then at least those keys);
 * - an array has exactly the elements shown; with `…` among them the shown ones are its first and last
 *   elements and every element left out has the keys of the array's first element;
 * - `…` as a value stands for any value, a string ending in `…` for any string starting with the rest;
 * - a number equals the real one to the decimals shown (examples are rounded), other values exactly.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeWithLog } from '../analytics/load';
import { seedTransactions } from '../analytics/seed-002';

const MARKER = /^<!-- check: cvm (.+?) -->$/;
const ELLIPSIS = '…';

interface Example {
  /** line of the opening fence in metrics.md (1-based) */
  line: number;
  /** arguments after `cvm`, or null when the block has no marker */
  args: string[] | null;
  text: string;
}

/** The fenced JSON examples of a Markdown text, with the command each one's marker names. */
function jsonExamples(markdown: string): Example[] {
  const lines = markdown.split('\n');
  const examples: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```jsonc?\s*$/.test(lines[i] ?? '')) continue;
    const end = lines.findIndex((l, j) => j > i && l.startsWith('```'));
    if (end < 0) throw new Error(`metrics.md line ${i + 1}: unclosed code block`);
    let above = i - 1;
    while (above > 0 && (lines[above] ?? '').trim() === '') above--;
    const marker = MARKER.exec((lines[above] ?? '').trim());
    examples.push({
      line: i + 1,
      args: marker?.[1] ? marker[1].trim().split(/\s+/) : null,
      text: lines.slice(i + 1, end).join('\n'),
    });
    i = end;
  }
  return examples;
}

/** What an example says about a value. */
type Pattern =
  | { kind: 'any' }
  | { kind: 'number'; value: number; decimals: number }
  | { kind: 'string'; value: string }
  | { kind: 'literal'; value: boolean | null }
  | { kind: 'object'; entries: [string, Pattern][]; open: boolean }
  | { kind: 'array'; head: Pattern[]; tail: Pattern[]; gap: boolean };

const TOKEN = /\s*(?:("(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(true|false|null)|([{}[\]:,…]))/y;

/** Parses an example: JSON with `…` where values, members or elements are left out. */
function parseExample(text: string): Pattern {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.trimEnd().length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) throw new Error(`cannot read the example at ${JSON.stringify(text.slice(at, at + 30))}`);
    tokens.push(m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
  }
  let p = 0;
  const peek = (): string => tokens[p] ?? '';
  const take = (expected?: string): string => {
    const t = tokens[p++];
    if (t === undefined || (expected !== undefined && t !== expected))
      throw new Error(`expected ${expected ?? 'a token'}, read ${t ?? 'the end'} (token ${p})`);
    return t;
  };
  const value = (): Pattern => {
    const t = take();
    if (t === ELLIPSIS) return { kind: 'any' };
    if (t === '{') {
      const entries: [string, Pattern][] = [];
      let open = false;
      while (peek() !== '}') {
        if (peek() === ELLIPSIS) {
          take();
          open = true;
        } else {
          const key = JSON.parse(take()) as string;
          take(':');
          entries.push([key, value()]);
        }
        if (peek() !== '}') take(',');
      }
      take('}');
      return { kind: 'object', entries, open };
    }
    if (t === '[') {
      const head: Pattern[] = [];
      const tail: Pattern[] = [];
      let gap = false;
      while (peek() !== ']') {
        if (peek() === ELLIPSIS) {
          take();
          gap = true;
          if (peek() === ',') take(); // the comma after a line of its own `…` is optional
        } else {
          (gap ? tail : head).push(value());
          if (peek() !== ']') take(',');
        }
      }
      take(']');
      return { kind: 'array', head, tail, gap };
    }
    if (t.startsWith('"')) return { kind: 'string', value: JSON.parse(t) as string };
    if (t === 'true' || t === 'false' || t === 'null')
      return { kind: 'literal', value: JSON.parse(t) as boolean | null };
    if (/^-?\d/.test(t))
      return { kind: 'number', value: Number(t), decimals: /\.(\d+)/.exec(t)?.[1]?.length ?? 0 };
    throw new Error(`unexpected ${t} (token ${p})`);
  };
  const pattern = value();
  if (p !== tokens.length) throw new Error(`text after the example's value (token ${p})`);
  return pattern;
}

const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Where `actual` differs from `pattern`, one line per difference (empty when it matches). */
function mismatches(pattern: Pattern, actual: unknown, path = '$'): string[] {
  switch (pattern.kind) {
    case 'any':
      return [];
    case 'number':
      if (typeof actual !== 'number') return [`${path}: expected a number, got ${typeOf(actual)}`];
      // half a unit in the last decimal shown, and a little for the binary representation
      return Math.abs(actual - pattern.value) <= 0.5 * 10 ** -pattern.decimals * (1 + 1e-9)
        ? []
        : [`${path}: the example shows ${pattern.value}, the output is ${actual}`];
    case 'string': {
      if (typeof actual !== 'string') return [`${path}: expected a string, got ${typeOf(actual)}`];
      const prefix = pattern.value.endsWith(ELLIPSIS) ? pattern.value.slice(0, -1).trimEnd() : null;
      const ok = prefix === null ? actual === pattern.value : actual.startsWith(prefix);
      return ok
        ? []
        : [
            `${path}: the example shows ${JSON.stringify(pattern.value)}, the output is ${JSON.stringify(actual)}`,
          ];
    }
    case 'literal':
      return actual === pattern.value
        ? []
        : [`${path}: the example shows ${String(pattern.value)}, the output is ${JSON.stringify(actual)}`];
    case 'object': {
      if (typeOf(actual) !== 'object') return [`${path}: expected an object, got ${typeOf(actual)}`];
      const record = actual as Record<string, unknown>;
      const shown = new Set(pattern.entries.map(([k]) => k));
      const problems: string[] = [];
      for (const key of shown)
        if (!(key in record)) problems.push(`${path}.${key}: in the example, not in the output`);
      if (!pattern.open)
        for (const key of Object.keys(record))
          if (!shown.has(key)) problems.push(`${path}.${key}: in the output, not in the example`);
      for (const [key, p] of pattern.entries)
        if (key in record) problems.push(...mismatches(p, record[key], `${path}.${key}`));
      return problems;
    }
    case 'array': {
      if (!Array.isArray(actual)) return [`${path}: expected an array, got ${typeOf(actual)}`];
      const shown = pattern.head.length + pattern.tail.length;
      if (pattern.gap ? actual.length < shown : actual.length !== shown)
        return [
          `${path}: the example shows ${pattern.gap ? 'at least ' : ''}${shown} elements, the output has ${actual.length}`,
        ];
      const problems: string[] = [];
      pattern.head.forEach((p, i) => problems.push(...mismatches(p, actual[i], `${path}[${i}]`)));
      const from = actual.length - pattern.tail.length;
      pattern.tail.forEach((p, i) =>
        problems.push(...mismatches(p, actual[from + i], `${path}[${from + i}]`)),
      );
      const first: unknown = actual[0];
      if (pattern.gap && typeOf(first) === 'object') {
        const keys = Object.keys(first as object)
          .sort()
          .join(',');
        for (let i = pattern.head.length; i < from; i++) {
          const element: unknown = actual[i];
          if (
            typeOf(element) !== 'object' ||
            Object.keys(element as object)
              .sort()
              .join(',') !== keys
          )
            problems.push(`${path}[${i}]: not shaped like the first element`);
        }
      }
      return problems;
    }
  }
}

const examples = jsonExamples(readFileSync(resolve('docs/metrics.md'), 'utf8'));
let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cvm-docs-'));
  db = join(dir, 'seed.duckdb');
  const store = await storeWithLog(seedTransactions(), db);
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the JSON examples of docs/metrics.md', () => {
  it('are all marked with the command that prints them', () => {
    expect(examples.length).toBeGreaterThan(0);
    expect(examples.filter((e) => e.args === null).map((e) => `line ${e.line}`)).toEqual([]);
  });

  it.each(
    examples
      .filter((e) => e.args !== null)
      .map((e) => [`line ${e.line}: cvm ${e.args!.join(' ')}`, e] as const),
  )('%s gives the example', (_, example) => {
    const run = spawnSync(process.execPath, ['bin/cvm.mjs', '--db', db, ...example.args!], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(mismatches(parseExample(example.text), JSON.parse(run.stdout))).toEqual([]);
  });
});

describe('the example checker', () => {
  const output = { a: 1.2345, b: 'text and more', c: [{ x: 1 }, { x: 2 }, { x: 3 }], d: null };
  it('accepts what an example shows, rounded and shortened', () => {
    expect(
      mismatches(parseExample('{ "a": 1.23, "b": "text …", "c": [{ "x": 1 }, …], "d": null }'), output),
    ).toEqual([]);
    expect(mismatches(parseExample('{ "a": …, "c": [{ "x": 1 }, …, { "x": 3 }], … }'), output)).toEqual([]);
  });
  it('refuses a wrong value, a missing or an extra key, a wrong length', () => {
    expect(mismatches(parseExample('{ "a": 1.24, "b": …, "c": …, "d": null }'), output)).toHaveLength(1);
    expect(mismatches(parseExample('{ "a": …, "b": …, "c": … }'), output)).toHaveLength(1);
    expect(mismatches(parseExample('{ "a": …, "b": …, "c": …, "d": …, "e": … }'), output)).toHaveLength(1);
    expect(mismatches(parseExample('{ "c": [{ "x": 1 }, { "x": 2 }], … }'), output)).toHaveLength(1);
    expect(mismatches(parseExample('{ "c": [{ "x": 1 }, …, { "y": 3 }], … }'), output)).toHaveLength(2);
  });
});
