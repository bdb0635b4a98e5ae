/**
 * The import ports. `ImportPort` is the whole import of one file (or upload stream) of one kind: reading,
 * header mapping, typing, validation and the rejects file run on embedded DuckDB for every backend, the
 * fastest reader we have. `LandingPort` is the backend's part: typed, validated rows of one kind into its
 * table in one transaction, replacing stored rows with the same natural key, with the import log entry.
 */
import type { Readable } from 'node:stream';
import type { KindName } from '../../core/kinds';
import type { TextEncodingName } from './encoding';

/** The CSV "delimiter" that stands for runs of spaces and tabs (blanks at the start of a line ignored). */
export const WHITESPACE = 'whitespace';

export type FileFormat = 'csv' | 'xlsx' | 'parquet' | 'json';

export interface ImportRequest {
  kind: KindName;
  /** path of the file to import; for a `stream`, the file name it was uploaded as (its extension tells the format) */
  path: string;
  /** the file's bytes, when they arrive as a stream (an HTTP upload) rather than as a file at `path` */
  stream?: Readable | undefined;
  /** today by the face's clock: good rows dated later are imported and named in a warning */
  today?: string | undefined;
  /** the most bytes a stream may bring; default 1 GiB */
  maxBytes?: number | undefined;
  /** detected from the extension when omitted */
  format?: FileFormat | undefined;
  /** CSV field delimiter, or `WHITESPACE` for runs of blanks; detected when omitted */
  delimiter?: string | undefined;
  /** CSV decimal separator; detected when omitted */
  decimal?: '.' | ',' | undefined;
  /** CSV text encoding; detected when omitted (valid UTF-8 is UTF-8, anything else Windows-1252) */
  encoding?: TextEncodingName | undefined;
  /** canonical column → header in the file (`customer_id` → `KundNr`) */
  map?: Readonly<Record<string, string>> | undefined;
  /** nothing lands if any row is bad */
  strict?: boolean | undefined;
  /** where rejected rows are written; default `<file>.rejects.csv` next to the file (a temporary file for a stream) */
  rejectsPath?: string | undefined;
  /** how the import log names the file; default its absolute path */
  sourceLabel?: string | undefined;
  /** XLSX worksheet name; default the first */
  sheet?: string | undefined;
  /** progress callback for large files (fraction 0..1 and a phase name) */
  onProgress?: ((progress: ImportProgress) => void) | undefined;
}

/**
 * The steps of an import, in order. `writing` starts after the transaction has begun: from then until
 * `committed` the store either keeps its old contents or gets all the new rows, never a part.
 */
export type ImportPhase = 'reading' | 'validating' | 'writing' | 'committed';

export interface ImportProgress {
  phase: ImportPhase;
  /** overall progress of the import, 0..1 */
  fraction: number;
  /** a one-line account of what starts or has finished (phase changes only; absent on progress ticks) */
  message?: string | undefined;
}

export interface ImportResult {
  kind: KindName;
  /** absolute path of the imported file */
  source: string;
  format: FileFormat;
  /** the text encoding a CSV file was read in; null for the other formats */
  encoding: TextEncodingName | null;
  /** rows that landed (new or replacing an earlier import of the same key) */
  imported: number;
  rejected: number;
  /** path of the rejects file, null when nothing was rejected */
  rejectsPath: string | null;
  /** file columns that matched no canonical column and were not loaded */
  ignoredColumns: string[];
  /** the first few problems as one-line messages (file, row, line, column, value, reason) */
  problems: string[];
  /** things a user should know about rows that were imported (dated after today …) */
  warnings: string[];
  /** id of the entry in the `imports` table */
  importId: number;
}

export interface ImportPort {
  importFile(request: ImportRequest): Promise<ImportResult>;
}

/** A typed cell: text, ISO day or instant as a string, money and numbers as numbers, booleans; null = empty. */
export type Cell = string | number | boolean | null;

/** Typed, validated rows of one kind, ready to land. */
export interface TypedBatch {
  kind: KindName;
  /** canonical columns the rows have, in order; other columns of the kind stay empty */
  columns: readonly string[];
  /** how the import log names the file */
  source: string;
  /** rows in the batch, and rows the import rejected (both recorded in the import log) */
  rows: number;
  rejected: number;
  /** the rows, a chunk at a time, cells in `columns` order */
  chunks(): AsyncIterable<readonly (readonly Cell[])[]>;
  /**
   * Where the rows already sit when they were read on the store's own DuckDB connection: a lander on that
   * connection may copy them with one statement instead of reading `chunks()`.
   */
  local?: { connection: unknown; table: string; where: string } | undefined;
  /** progress while writing (fraction of the whole import) */
  onProgress?: ((progress: ImportProgress) => void) | undefined;
}

/** What landing a batch did. */
export interface Landed {
  importId: number;
  /** stored rows the batch replaced (same natural key) */
  replaced: number;
}

export interface LandingPort {
  /** Lands `batch` in one transaction: all of it with its import log entry, or nothing. */
  land(batch: TypedBatch): Promise<Landed>;
}
