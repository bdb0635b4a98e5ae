/** The import port: loading one file of one kind into the store, validated, in one transaction. */
import type { KindName } from '../../core/kinds';

export type FileFormat = 'csv' | 'xlsx' | 'parquet' | 'json';

export interface ImportRequest {
  kind: KindName;
  /** path of the file to import */
  path: string;
  /** detected from the extension when omitted */
  format?: FileFormat | undefined;
  /** CSV field delimiter; detected when omitted */
  delimiter?: string | undefined;
  /** CSV decimal separator; detected when omitted */
  decimal?: '.' | ',' | undefined;
  /** canonical column → header in the file (`--map customer_id=KundNr`) */
  map?: Readonly<Record<string, string>> | undefined;
  /** nothing lands if any row is bad */
  strict?: boolean | undefined;
  /** where rejected rows are written; default `<file>.rejects.csv` next to the file */
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
  /** rows that landed (new or replacing an earlier import of the same key) */
  imported: number;
  rejected: number;
  /** path of the rejects file, null when nothing was rejected */
  rejectsPath: string | null;
  /** file columns that matched no canonical column and were not loaded */
  ignoredColumns: string[];
  /** the first few problems as one-line messages (file, row, line, column, value, reason) */
  problems: string[];
  /** id of the entry in the `imports` table */
  importId: number;
}

export interface ImportPort {
  importFile(request: ImportRequest): Promise<ImportResult>;
}
