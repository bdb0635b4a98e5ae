/**
 * Reading the JSON examples of a Markdown document: the fenced ```json / ```jsonc blocks, each with the
 * command its `<!-- check: cvm … -->` marker names, parsed into patterns (JSON where `…` leaves values,
 * members or elements out) and compared with real output. The rules are in metrics-json.test.ts.
 */
const MARKER = /^<!-- check: cvm (.+?) -->$/;
const ELLIPSIS = '…';

export interface Example {
  /** line of the opening fence in metrics.md (1-based) */
  line: number;
  /** arguments after `cvm`, or null when the block has no marker */
  args: string[] | null;
  text: string;
}

/** The fenced JSON examples of a Markdown text, with the command each one's marker names. */
export function jsonExamples(markdown: string): Example[] {
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
export type Pattern =
  | { kind: 'any' }
  | { kind: 'number'; value: number; decimals: number }
  | { kind: 'string'; value: string }
  | { kind: 'literal'; value: boolean | null }
  | { kind: 'object'; entries: [string, Pattern][]; open: boolean }
  | { kind: 'array'; head: Pattern[]; tail: Pattern[]; gap: boolean };

const TOKEN = /\s*(?:("(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(true|false|null)|([{}[\]:,…]))/y;

/** Parses an example: JSON with `…` where values, members or elements are left out. */
export function parseExample(text: string): Pattern {
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
export function mismatches(pattern: Pattern, actual: unknown, path = '$'): string[] {
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
