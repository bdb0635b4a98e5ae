/**
 * The message catalogue: every area's messages in one table, and the typed way to make and render one.
 *
 * Adding a message: add an entry to the area's file (`reports.ts`, `imports.ts`, …; a new area gets a new
 * file spread in below) with its parameters' type and both languages, then return `msg('area.what', { … })`
 * where the sentence is needed. The type checker refuses a missing language, a wrong parameter or an
 * unknown key; `catalogue.test.ts` renders every entry in both languages.
 */
import { Message, messageFormat, type Entry, type Lang } from './message';
import { APP_ERROR_MESSAGES } from './app-errors';
import { DATA_ERROR_MESSAGES } from './data-errors';
import { CLI_MESSAGES } from './cli'; // eslint-disable-line no-restricted-imports -- the command line's message area, not the cli layer
import { IMPORT_MESSAGES } from './imports';
import { OPTION_MESSAGES } from './options';
import { OTHER_MESSAGES } from './other';
import { PROGRESS_MESSAGES } from './progress';
import { REPORT_MESSAGES } from './reports';

export const CATALOGUE = {
  ...REPORT_MESSAGES,
  ...IMPORT_MESSAGES,
  ...OPTION_MESSAGES,
  ...OTHER_MESSAGES,
  ...APP_ERROR_MESSAGES,
  ...DATA_ERROR_MESSAGES,
  ...CLI_MESSAGES,
  ...PROGRESS_MESSAGES,
};

export type MessageKey = keyof typeof CATALOGUE;
export type ParamsOf<K extends MessageKey> = (typeof CATALOGUE)[K] extends Entry<infer P> ? P : never;

/** A message of the catalogue: `msg('flows.no-previous')`, `msg('cohorts.none', { years: 3, asOf })`. */
export function msg<K extends MessageKey>(
  key: K,
  ...params: keyof ParamsOf<K> extends never ? [] : [ParamsOf<K>]
): Message {
  return new Message(key, params[0] ?? {});
}

/** The text of a message in `lang`. */
export function renderMessage(message: Message, lang: Lang): string {
  const e = (CATALOGUE as unknown as Record<string, Entry<Readonly<Record<string, unknown>>> | undefined>)[
    message.key
  ];
  if (e === undefined) return message.key;
  return e[lang](
    message.params,
    messageFormat(lang, (m) => renderMessage(m, lang)),
  );
}

/** What a value is once its messages are rendered: every `Message` becomes its text. */
export type Rendered<T> = T extends Message
  ? string
  : T extends readonly (infer U)[]
    ? Rendered<U>[]
    : T extends object
      ? { [K in keyof T]: Rendered<T[K]> }
      : T;

/** A copy of `value` (arrays and plain objects, walked deeply) with every message rendered in `lang`. */
export function renderMessages<T>(value: T, lang: Lang): Rendered<T> {
  return walk(value, lang) as Rendered<T>;
}

function walk(value: unknown, lang: Lang): unknown {
  if (value instanceof Message) return renderMessage(value, lang);
  if (Array.isArray(value)) return value.map((v) => walk(v, lang));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = walk(v, lang);
    return out;
  }
  return value;
}

export { Message, type Lang } from './message';
