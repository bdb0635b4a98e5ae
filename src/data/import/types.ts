/**
 * The import ports. `ImportPort` is the whole import of one file (or upload stream) of one kind: reading,
 * header mapping, typing, validation and the rejects file run on embedded DuckDB for every backend, the
 * fastest reader we have. `LandingPort` is the backend's part: typed, validated rows of one kind into its
 * table in one transaction, replacing stored rows with the same natural key, with the import log entry.
 */
import type { Readable } from 'node:stream';
import type { KindName } from '../../core/kinds';
import type { Lang, Message } from '../../core/messages/message';
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
  /**
   * CSV without a header: the columns of every line, in order (canonical names or headers the vocabulary
   * knows); the first line is data
   */
  columns?: readonly string[] | undefined;
  /** canonical column → header in the file (`customer_id` → `KundNr`) */
  map?: Readonly<Record<string, string>> | undefined;
  /** nothing lands if any row is bad */
  strict?: boolean | undefined;
  /**
   * IANA time zone of the data: a timestamp with a zone (`2025-03-01T23:30:00+01:00`) in a date column gives
   * its local day there, a timestamp without one is wall-clock time there; default UTC
   */
  timeZone?: string | undefined;
  /** round money and decimal values with more decimals than the store keeps (half away from zero) */
  round?: boolean | undefined;
  /**
   * replace what earlier imports of the same kind from the same source brought in: their rows are deleted
   * in the transaction that lands this file (`cvm import --replace`)
   */
  replace?: boolean | undefined;
  /** where rejected rows are written; default `<file>.rejects.csv` next to the file (a temporary file for a stream) */
  rejectsPath?: string | undefined;
  /**
   * language of the rejects file (header and reasons; Swedish with `;` and a BOM, as Swedish Excel opens
   * it); default English. Messages of the result are rendered by the face.
   */
  lang?: Lang | undefined;
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
  message?: Message | undefined;
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
  /**
   * which rule applied: `appended` (nothing stored was replaced), `replaced-keys` (stored rows with the
   * same natural key were replaced), `replaced-import` (`replace`: what earlier imports of this file brought
   * in was removed first; rows of other imports with the same key may have been replaced too)
   */
  rule: ImportRule;
  /** stored rows of other imports that rows of this file replaced because they have the same natural key */
  replacedByKey: number;
  /** with `replace`: the earlier imports of this file whose rows were removed, and how many rows each */
  replacedImports: ReplacedImport[];
  /**
   * earlier imports of the same kind from the same source whose rows are still in the store beside this
   * file's (without `replace`: a corrected file whose rows have no ids adds rows beside them; with it: only
   * imports made before rows carried their import id, which cannot be told apart)
   */
  earlierImports: number[];
  rejected: number;
  /** path of the rejects file, null when nothing was rejected */
  rejectsPath: string | null;
  /** file columns that matched no canonical column and were not loaded */
  ignoredColumns: string[];
  /** the time zone dates and timestamps were read in (IANA name) */
  timeZone: string;
  /** rows with a date or timestamp that carried a time zone (`Z`, `+01:00`) and was converted */
  zoned: number;
  /** rows with a money or decimal value rounded to the store's decimals (`round`) */
  rounded: number;
  /** the first few problems as one-line messages (file, row, line, column, value, reason) */
  problems: Message[];
  /** things a user should know about rows that were imported (dated after today …) */
  warnings: Message[];
  /** id of the entry in the `imports` table */
  importId: number;
}

export type ImportRule = 'appended' | 'replaced-keys' | 'replaced-import';

export interface ReplacedImport {
  importId: number;
  /** rows of that import that were still stored and were removed */
  rows: number;
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
  /** replace what earlier imports of the same kind and source brought in (see ImportRequest.replace) */
  replace?: boolean | undefined;
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
  /** stored rows of other imports the batch replaced (same natural key) */
  replaced: number;
  /** with `replace`: the earlier imports of the same kind and source whose rows were removed */
  replacedImports: ReplacedImport[];
  /** earlier imports of the same kind and source whose rows stay beside the batch's (see ImportResult) */
  earlierImports: number[];
}

export interface LandingPort {
  /** Lands `batch` in one transaction: all of it with its import log entry, or nothing. */
  land(batch: TypedBatch): Promise<Landed>;
}

/** One entry of the import log (`cvm imports list`). */
export interface ImportRecord {
  importId: number;
  kind: KindName;
  /** the file as the import named it: its absolute path, or `upload:<name>` */
  source: string;
  /** "YYYY-MM-DD HH:MM:SS UTC" */
  importedAt: string;
  rowsImported: number;
  rowsRejected: number;
  /**
   * rows of this import still in the store (fewer than imported when later imports replaced some by key);
   * null for imports made before rows carried their import id
   */
  rowsStored: number | null;
  /** `active`, `undone` (`cvm imports undo`) or `replaced` (by a later `import --replace` of the file) */
  state: 'active' | 'undone' | 'replaced';
  /** when it was undone or replaced, "YYYY-MM-DD HH:MM:SS UTC" */
  endedAt: string | null;
  /** the import that replaced it */
  replacedBy: number | null;
}

/** What undoing an import removed. */
export interface UndoneImport {
  importId: number;
  kind: KindName;
  source: string;
  /** the rows of that import that were still stored, all removed */
  rowsRemoved: number;
}

/** The import log and undoing an import. */
export interface ImportLogPort {
  /** every import, newest first */
  list(): Promise<ImportRecord[]>;
  /**
   * Removes, in one transaction, the rows `importId` brought in that are still stored, and marks it undone.
   * Rows it replaced are not brought back. An unknown id is `not-found`; an import already undone or
   * replaced, or made before rows carried their import id, is a `conflict`.
   */
  undo(importId: number): Promise<UndoneImport>;
}
