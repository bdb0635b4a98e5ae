/**
 * The one place that maps errors to HTTP: a `CvmError` becomes its status and `{ error: { code, message,
 * field?, value?, expected? } }` with option names spelt as the API spells them (the plain field name) and
 * the message in the request's language (`?lang=sv`);
 * anything else is a 500 `internal` whose body says nothing about the code (the stack goes to the log).
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CvmError, optionMessage, type ErrorCode } from '../core/errors';
import { msg, renderMessage } from '../core/messages/catalogue';
import type { Lang, Message } from '../core/messages/message';
import { svPhrase } from '../core/messages/options';

export type ApiErrorCode =
  | 'invalid-input'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'too-large'
  | 'rate-limited'
  | 'internal';

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; field?: string; value?: string; expected?: string };
}

const STATUS: Record<ApiErrorCode, ContentfulStatusCode> = {
  'invalid-input': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'rate-limited': 429,
  internal: 500,
};

/**
 * An error the server raises itself (no session, a role that may not, a body too large …): its message is
 * a catalogue message, rendered in the request's language; `message` is its English text.
 */
export class HttpError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly text: Message,
  ) {
    super(renderMessage(text, 'en'));
    this.name = 'HttpError';
  }
}

/** The API spells an option by its field name: `window`, `asOf`. */
export const apiOption = (field: string): string => field;

const FROM_CVM: Record<ErrorCode, ApiErrorCode> = {
  'invalid-input': 'invalid-input',
  'not-found': 'not-found',
  conflict: 'conflict',
  // a file the user uploaded that cannot be read is their input; a store that fails is ours
  'data-source': 'invalid-input',
};

/** The status and body of an error; `log` receives what a 500 hides from the client. */
export function errorResponse(
  error: unknown,
  log: (line: string) => void,
  lang: Lang = 'en',
): { status: ContentfulStatusCode; body: ApiErrorBody } {
  if (error instanceof HttpError)
    return {
      status: STATUS[error.code],
      body: { error: { code: error.code, message: renderMessage(error.text, lang) } },
    };
  if (error instanceof CvmError) {
    const code = FROM_CVM[error.code];
    const option = error.option;
    return {
      status: STATUS[code],
      body: {
        error: {
          code,
          message: optionMessage(error, apiOption, lang),
          ...(option
            ? {
                field: option.field,
                value: typeof option.value === 'string' ? option.value : JSON.stringify(option.value ?? null),
                expected: (lang === 'sv' ? svPhrase(option.expected) : option.expected).replace(
                  /\{option:(\w+)\}/g,
                  '$1',
                ),
              }
            : {}),
        },
      },
    };
  }
  log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return {
    status: 500,
    body: {
      error: { code: 'internal', message: renderMessage(msg('api.internal'), lang) },
    },
  };
}

export function statusOf(code: ApiErrorCode): ContentfulStatusCode {
  return STATUS[code];
}
