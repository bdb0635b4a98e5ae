/**
 * Parsing a use case's options at the edge: one zod schema per option set, shared by the CLI and the HTTP
 * API. Raw values arrive as strings (argv, query strings) or JSON numbers; each field's parser turns them
 * into a core type or reports what it expected. The first problem becomes a `CvmError` carrying
 * `{ field, value, expected }`, so each face can spell the field its own way (a double-dash flag on the command line, the plain name in the API).
 */
import { z } from 'zod';
import { CvmError, invalidOption } from '../../core/errors';
import { msg, renderMessage } from '../../core/messages/catalogue';
import type { Message } from '../../core/messages/message';

/** A raw option value: a string from argv or a query string, or a JSON number or boolean. */
export const rawValue = z.union([z.string(), z.number(), z.boolean()]).optional();

/**
 * A field parser's verdict: the typed value, or what it expected and the message's sentence on why (a
 * catalogue message, rendered in the face's language; plain text stays English).
 */
export type Parsed<T> = { ok: T } | { expected: string; detail: string | Message };

/**
 * The verdict for `text` that is not `what`: `"text" is not what (expected …)`, in Swedish `"text" är inte
 * …` with the phrases the catalogue knows translated (`option.not`).
 */
export function fail(
  text: string,
  what: string,
  expected?: string,
): { expected: string; detail: string | Message } {
  return {
    expected: expected ?? what,
    detail: msg('option.not', { value: text, what, expected: expected ?? null }),
  };
}

/** What an issue carries so that `parseOptions` can build the `CvmError`. */
interface IssueParams {
  expected: string;
  value: unknown;
  /** the sentence as a message, when it is one (the issue's `message` is its English text) */
  detail?: string | Message;
}

/** The issue's English message for zod, and its params with the message kept for the faces. */
function issue(result: { expected: string; detail: string | Message }, value: unknown) {
  const params: IssueParams = { expected: result.expected, value, detail: result.detail };
  const message = typeof result.detail === 'string' ? result.detail : renderMessage(result.detail, 'en');
  return { code: 'custom' as const, message, params };
}

/**
 * A field: an optional raw value turned into `T` by `parse`, `fallback` when absent. `parse` gets the value
 * as text (trimmed) and returns `{ ok }` or what it expected.
 */
export function field<T>(parse: (text: string) => Parsed<T>, fallback: T) {
  return rawValue.transform((raw, ctx): T => {
    if (raw === undefined) return fallback;
    const result = parse(String(raw).trim());
    if ('ok' in result) return result.ok;
    ctx.addIssue(issue(result, raw));
    return z.NEVER;
  });
}

/** A field that must be given. */
export function requiredField<T>(parse: (text: string) => Parsed<T>, expected: string) {
  return rawValue.transform((raw, ctx): T => {
    const result: Parsed<T> =
      raw === undefined
        ? { expected, detail: msg('option.missing', { expected }) }
        : parse(String(raw).trim());
    if ('ok' in result) return result.ok;
    ctx.addIssue(issue(result, raw));
    return z.NEVER;
  });
}

/** An optional field without a default: `undefined` when absent. */
export function optionalField<T>(parse: (text: string) => Parsed<T>) {
  return field<T | undefined>(parse, undefined);
}

/**
 * Parses `raw` with `schema`; the first problem throws an `invalid-input` `CvmError` naming the field, the
 * value and what was expected. Unknown keys are ignored.
 */
export function parseOptions<S extends z.ZodType>(
  schema: S,
  raw: Readonly<Record<string, unknown>>,
): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue?.code === 'custom' && issue.params) {
    const { expected, value, detail } = issue.params as unknown as IssueParams;
    const name = String(issue.path[0] ?? '');
    throw invalidOption(name, value, expected, detail ?? issue.message);
  }
  const name = String(issue?.path[0] ?? '');
  const expected = 'a text, a number, true or false';
  throw new CvmError(
    'invalid-input',
    msg('option.not-accepted', { value: JSON.stringify(raw[name] ?? null), expected }),
    { option: { field: name, value: raw[name], expected } },
  );
}

/** A whole number ≥ `min`. */
export function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER) {
  return (text: string): Parsed<number> => {
    const n = Number(text);
    if (text !== '' && Number.isInteger(n) && n >= min && n <= max) return { ok: n };
    const range =
      max === Number.MAX_SAFE_INTEGER
        ? min === 1
          ? 'a positive whole number'
          : `a whole number ≥ ${min}`
        : `a whole number from ${min} to ${max}`;
    return fail(text, range);
  };
}

/** A finite number ≥ `min` (a decimal comma is accepted). */
export function finiteNumber(min?: number) {
  return (text: string): Parsed<number> => {
    const n = Number(text.replace(',', '.'));
    if (text !== '' && Number.isFinite(n) && (min === undefined || n >= min)) return { ok: n };
    return fail(text, `a number${min !== undefined ? ` ≥ ${min}` : ''}`);
  };
}

/** One of `choices` (case-insensitive). */
export function oneOf<const C extends string>(choices: readonly C[], what: string) {
  return (text: string): Parsed<C> => {
    const found = choices.find((c) => c === text.toLowerCase());
    if (found !== undefined) return { ok: found };
    return fail(text, what, listWords(choices));
  };
}

/** "a, b or c". */
export function listWords(words: readonly string[]): string {
  return words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1] ?? ''}`;
}
