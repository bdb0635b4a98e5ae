/**
 * Where each record of a CSV or NDJSON file starts: its data row number and physical line. DuckDB's readers
 * do not report positions of good rows, and their own "line" for rejected rows counts records and blank
 * lines but not the newlines inside quoted fields. This scan walks the bytes once (a newline counter that
 * follows the quoting of core/text/csv.ts, not a parser: it never builds values) and runs only when there is
 * something to report.
 *
 * Row numbering: data rows count from 1 after the header; blank lines are not rows (except in one-column
 * CSV files, where DuckDB reads a blank line as a row with an empty value); a record spanning lines is one
 * row. Lines count every newline in the file, starting at 1.
 */
import { open } from 'node:fs/promises';
import { CsvScanner } from '../../core/text/csv';

/** From staged record `kFrom` on (until the next segment): row = k + rowOffset, line = k + lineOffset. */
export interface Segment {
  kFrom: number;
  rowOffset: number;
  lineOffset: number;
}

/** Where a record the reader rejected sits in the file. */
export interface RecordPlace {
  row: number;
  line: number;
  /** byte offsets of the record: start inclusive, end exclusive (without the newline) */
  start: number;
  end: number;
  /** a quoted field is still open at the end of the file */
  unterminated: boolean;
}

export interface LayoutOptions {
  /** CSV: the delimiter (quotes are then honoured at field starts); null for NDJSON (no quoting across lines) */
  delimiter: string | null;
  hasHeader: boolean;
  /** whether a blank line is a (one-column) record rather than skipped */
  blankIsRecord: boolean;
  /** the reader's "line" numbers of records it rejected: header = 1, each record or blank line + 1 */
  rejected: readonly number[];
  /** stop once this many accepted records have been seen (and every rejected one found) */
  untilK: number;
}

export interface Layout {
  segments: Segment[];
  rejected: Map<number, RecordPlace>;
}

const CHUNK = 1 << 22;

/** Scans the file at `path` as described in the file header. */
export async function scanLayout(path: string, options: LayoutOptions): Promise<Layout> {
  const wanted = new Set(options.rejected);
  const layout: Layout = { segments: [], rejected: new Map() };

  let logical = 0;
  let row = 0;
  let k = 0;
  let rowOffset = Number.NaN;
  let lineOffset = Number.NaN;
  let seenHeader = !options.hasHeader;
  const onRecord = (start: number, end: number, line: number, empty: boolean, open: boolean): void => {
    if (!seenHeader) {
      seenHeader = true;
      logical = 1;
      return;
    }
    logical++;
    if (empty && !options.blankIsRecord) return;
    row++;
    const place = { row, line, start, end, unterminated: open };
    if (wanted.has(logical)) {
      layout.rejected.set(logical, place);
      return;
    }
    k++;
    if (row - k !== rowOffset || line - k !== lineOffset) {
      rowOffset = row - k;
      lineOffset = line - k;
      layout.segments.push({ kFrom: k, rowOffset, lineOffset });
    }
  };
  const done = (): boolean => k >= options.untilK && layout.rejected.size === wanted.size;

  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(CHUNK);
    let position = 0;
    let line = 1;
    let recordStart = 0;
    let recordLine = 1;
    let empty = true;
    const scanner = new CsvScanner(options.delimiter);
    let first = true;
    let previous = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, position);
      if (bytesRead === 0) break;
      let i = 0;
      if (first && bytesRead >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
        i = 3;
        recordStart = 3;
      }
      first = false;
      for (; i < bytesRead; i++) {
        const b = buffer[i] ?? 0;
        const before = previous;
        previous = b;
        if (scanner.next(b) !== 'newline') {
          if (b === 0x0a)
            line++; // inside a quoted field
          else if (b !== 0x0d) empty = false;
          continue;
        }
        onRecord(recordStart, position + i - (before === 0x0d ? 1 : 0), recordLine, empty, false);
        line++;
        recordStart = position + i + 1;
        recordLine = line;
        empty = true;
        if (done()) return layout;
      }
      position += bytesRead;
    }
    if (!empty || scanner.quoted) onRecord(recordStart, position, recordLine, false, scanner.unterminated);
    return layout;
  } finally {
    await handle.close();
  }
}
