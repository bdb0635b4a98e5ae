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
  /** XLSX worksheet name; default the first */
  sheet?: string | undefined;
  /** progress callback for large files (fraction 0..1 and a phase name) */
  onProgress?: ((progress: ImportProgress) => void) | undefined;
}

export interface ImportProgress {
  phase: string;
  fraction: number;
}

export interface ImportResult {
  kind: KindName;
  source: string;
  /** rows that landed (new or replacing an earlier import of the same key) */
  imported: number;
  rejected: number;
  /** path of the rejects file, null when nothing was rejected */
  rejectsPath: string | null;
  /** file columns that matched no canonical column and were not loaded */
  ignoredColumns: string[];
}

export interface ImportPort {
  importFile(request: ImportRequest): Promise<ImportResult>;
}
