/**
 * A problem found in one row of an imported file, how it reads as a one-line message, and where the
 * rejects file goes. The rejects file has one line per problem (a row with two bad values gives two lines)
 * with the columns `row, line, column, value, reason` (`REJECTS_HEADER` in the catalogue, in either language).
 */
import { basename } from 'node:path';
import { msg } from '../../core/messages/catalogue';
import type { Message } from '../../core/messages/message';
import type { FileFormat } from './types';

export interface Problem {
  /** 1-based data row (the header is not a row; blank lines are skipped) */
  row: number;
  /** physical line in the file (CSV, NDJSON) or worksheet row (XLSX); null when the format has none */
  line: number | null;
  /** canonical column name, null for a problem with the whole row */
  column: string | null;
  /** the value as read, null when the problem is with the whole row */
  value: string | null;
  /** what is wrong, naming the value and what was expected: `"12,5O" is not a number` (a `reject.*` message) */
  reason: Message;
}

/** The rejects file for `path` when none is given: next to the file, `<file>.rejects.csv`. */
export function defaultRejectsPath(path: string): string {
  return `${path}.rejects.csv`;
}

/**
 * One-line message for a problem:
 * `transactions.csv row 1043 (line 1044), column amount: "12,5O" is not a number` (the `line` of a
 * workbook is its "sheet row").
 */
export function describeProblem(path: string, format: FileFormat, problem: Problem): Message {
  return msg('import.problem', {
    file: basename(path),
    row: problem.row,
    line: problem.line,
    sheet: format === 'xlsx',
    column: problem.column,
    reason: problem.reason,
  });
}
