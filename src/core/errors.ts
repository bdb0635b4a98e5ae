/**
 * The one error class for problems a user can fix (bad file, unknown column, unknown customer, locked
 * database). Expected outcomes are values, bugs are assertions; only this class carries a code, which the
 * CLI (exit code) and the server (HTTP status) each map in exactly one place.
 */

/** What kind of user-fixable problem occurred. */
export type ErrorCode = 'invalid-input' | 'usage' | 'not-found' | 'conflict' | 'data-source';

export class CvmError extends Error {
  readonly code: ErrorCode;

  /** @param message one line that names the thing, the value and what was expected */
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CvmError';
    this.code = code;
  }
}

/** Shorthand for the most common code. */
export function invalidInput(message: string): CvmError {
  return new CvmError('invalid-input', message);
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
