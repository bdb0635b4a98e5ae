/**
 * What opening a file gives the validation, whatever the format: a SQL relation with one text column per
 * matched canonical column, in file order. The typed table is created straight from it (for CSV, Parquet
 * and JSON that is DuckDB's reader itself: no intermediate copy of ten million rows), so its rowid + 1 is
 * the record number `k`. Only when there are problems to report is the raw text needed again: then
 * `materialize` reads it into a table with the same order, and `locate` turns record numbers into the row
 * and line numbers users see.
 */
import type { Message } from '../../core/messages/message';
import type { CvmError } from '../../core/errors';
import type { ColumnMapping } from '../import/columns';
import type { DecimalSeparator } from '../import/decimal';
import type { Problem } from '../import/problems';

/** From record `kFrom` on: row = k + rowOffset, line = k + lineOffset (null: the format has no lines). */
export interface LocatedSegment {
  kFrom: number;
  rowOffset: number;
  lineOffset: number | null;
}

export interface Located {
  segments: LocatedSegment[];
  /** records the reader itself could not read (CSV: ragged rows, bad UTF-8, broken quoting) */
  readerProblems: Problem[];
}

export interface OpenedFile {
  mapping: ColumnMapping;
  /** relation (a table name or a parenthesised query) the typed table is created from */
  relation: string;
  /** relation for sampling values (reads the start of the file without side effects) */
  sample: string;
  /** decimal separator to assume when the values do not tell */
  decimalFallback: DecimalSeparator;
  /** how the file is read, for the progress messages */
  description: Message;
  /** a one-line error for a failure while reading `relation` (DuckDB's messages can quote whole lines) */
  readFailure(error: unknown): Promise<CvmError>;
  /**
   * After `relation` was read: a relation that reads the file again with rows shorter than the header padded
   * with empty fields, when the reader rejected short rows and the columns they lack may be optional; null
   * when there is nothing to pad. Later calls of the other members then refer to the padded read.
   */
  padded?(): Promise<string | null>;
  /** records the reader rejected while `relation` was read (after it was read) */
  readerRejected(): Promise<number>;
  /** a table holding `relation`'s rows in the same order (rowid + 1 = k), for re-checking bad rows */
  materialize(): Promise<string>;
  /**
   * Row and line numbers for records up to `untilK` and for the reader's rejects. Called only when there
   * is something to report, because for CSV and NDJSON it reads the file again.
   */
  locate(untilK: number): Promise<Located>;
}
