/**
 * A problem found in one row of an imported file, how it reads as a one-line message, and where the
 * rejects file goes. The rejects file has one line per problem (a row with two bad values gives two lines)
 * with the columns `row, line, column, value, reason`.
 */
import { basename } from 'node:path';
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
  /** what is wrong, naming the value and what was expected: `"12,5O" is not a number` */
  reason: string;
}

export const REJECTS_COLUMNS = ['row', 'line', 'column', 'value', 'reason'] as const;

/** The rejects file for `path` when none is given: next to the file, `<file>.rejects.csv`. */
export function defaultRejectsPath(path: string): string {
  return `${path}.rejects.csv`;
}

/** How the `line` of a problem is named for a format ("line 12" in a CSV, "sheet row 12" in a workbook). */
export function lineLabel(format: FileFormat): string {
  return format === 'xlsx' ? 'sheet row' : 'line';
}

/**
 * One-line message for a problem:
 * `transactions.csv row 1043 (line 1044), column amount: "12,5O" is not a number`.
 */
export function describeProblem(path: string, format: FileFormat, problem: Problem): string {
  const where = problem.line === null ? '' : ` (${lineLabel(format)} ${problem.line})`;
  const column = problem.column === null ? '' : `, column ${problem.column}`;
  return `${basename(path)} row ${problem.row}${where}${column}: ${problem.reason}`;
}
