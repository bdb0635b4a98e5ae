/**
 * The one error class for problems a user can fix (bad file, unknown column, bad option value, unknown
 * customer, locked database). Expected outcomes are values, bugs are assertions; only this class carries a
 * code, which the CLI (exit code) and the server (HTTP status) each map in exactly one place.
 *
 * A problem with one option of a use case (`window`, `asOf`, `map` …) also carries the option's `field`
 * (its name in the typed input, camelCase), the `value` given and what was `expected`. The message then
 * starts without the field's name: each face prefixes it the way its users spell the option (`--window` on
 * the command line, `window` in the HTTP API), through `optionMessage`. A message that points the user to
 * another option writes it as `{option:name}`, rendered the same way.
 */

import { msg, renderMessage } from './messages/catalogue';
import { Message, type Lang } from './messages/message';
import type { ErrorText } from './messages/progress';

/** What kind of user-fixable problem occurred. */
export type ErrorCode = 'invalid-input' | 'not-found' | 'conflict' | 'data-source';

/** The option a problem is about. */
export interface OptionProblem {
  /** the option's name in the use case's typed input, e.g. `windowMonths` is given as `window` */
  field: string;
  /** the value as given */
  value: unknown;
  /** what would have been accepted, in words */
  expected: string;
}

export class CvmError extends Error {
  readonly code: ErrorCode;
  readonly option: OptionProblem | undefined;
  /** the message as a catalogue message, rendered in the face's language; `message` is its English text */
  readonly text: Message | undefined;

  /**
   * @param message one line that names the thing, the value and what was expected; for an option problem
   *   the text after the option's name; a catalogue message (`msg(…)`) is rendered in the face's language
   */
  constructor(
    code: ErrorCode,
    message: string | Message,
    options?: { cause?: unknown; option?: OptionProblem },
  ) {
    super(
      message instanceof Message ? renderMessage(message, 'en') : message,
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = 'CvmError';
    this.code = code;
    this.option = options?.option;
    this.text = message instanceof Message ? message : undefined;
  }
}

/** Shorthand for the most common code. */
export function invalidInput(message: string): CvmError {
  return new CvmError('invalid-input', message);
}

/**
 * A bad option value: `field` is the option's name, `detail` the rest of the message
 * (default: `"<value>" is not <expected>`).
 */
export function invalidOption(
  field: string,
  value: unknown,
  expected: string,
  detail?: string | Message,
): CvmError {
  const text =
    detail ??
    msg('option.not', {
      value: typeof value === 'string' ? value : String(value),
      what: expected,
      expected: null,
    });
  return new CvmError('invalid-input', text, { option: { field, value, expected } });
}

/**
 * The one-line message of an error in `lang` (a catalogue message; a plain text is as written), with an
 * option problem's field and every `{option:name}` in the text spelt by `spell` (e.g. `--window` on the
 * command line).
 */
export function optionMessage(error: CvmError, spell: (field: string) => string, lang: Lang = 'en'): string {
  const message = error.text === undefined ? error.message : renderMessage(error.text, lang);
  const text = message.replace(/\{option:(\w+)\}/g, (_, name: string) => spell(name));
  return error.option ? `${spell(error.option.field)}: ${text}` : text;
}

/**
 * An error as a part of another message (a note that says why something was left out): its message, the
 * option's name and the options its text points to spelt by `spell`, rendered later in the face's language.
 */
export function errorText(error: CvmError, spell: (field: string) => string = (f) => f): ErrorText {
  const names = [...error.message.matchAll(/\{option:(\w+)\}/g)].map((m) => m[1] ?? '');
  return {
    text: error.text ?? error.message,
    option: error.option ? spell(error.option.field) : null,
    spelt: Object.fromEntries(names.map((name) => [name, spell(name)])),
  };
}

/** Asserts an invariant; a failure is a bug in CVM, not a user error. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`internal error: ${message}`);
}

/** Quotes a user value for an error message, shortened so a 1 MB field never floods the terminal. */
export function quoteValue(value: unknown, max = 60): string {
  const text = String(value);
  const short = text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
  return JSON.stringify(short);
}
