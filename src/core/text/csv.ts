/**
 * The CSV text rules of RFC 4180, in one place: how a field is quoted when CVM writes CSV, and how a record
 * is scanned when it reads CSV. A quote opens a quoted field only at the start of a field (`ab"c` is plain
 * text); inside a quoted field `""` stands for one quote and a lone quote closes the field; delimiters and
 * newlines inside quotes are data.
 *
 * This is core, not data or cli, because it is a pure rule on text and three layers need the same rule: the
 * import (data) reads headers and finds records, the demo (app) writes files, the CLI prints `--format csv`.
 * Core is the one layer all of them may import.
 */

const QUOTE = 0x22;
const LF = 0x0a;

/** One field as written: quoted (quotes doubled) when it holds a quote, the delimiter or a line break. */
export function csvField(text: string, delimiter = ','): string {
  const special =
    text.includes('"') || text.includes(delimiter) || text.includes('\n') || text.includes('\r');
  return special ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * What one character of CSV text is to the scanner: `content` of a field (an escaped quote's second half
 * included), `quote` (quoting syntax, not content), the `delimiter` between fields, or the `newline` that
 * ends a record. A newline or delimiter inside quotes is `content`.
 */
export type CsvRole = 'content' | 'quote' | 'delimiter' | 'newline';

/**
 * A quote-aware scanner fed one character code (UTF-16 code unit or byte; the syntax is ASCII, so both
 * work) at a time. It keeps only the quoting state, so it can walk a file of any size chunk by chunk. A
 * `\r` before a newline is returned as content; callers that want CRLF records drop it.
 */
export class CsvScanner {
  private readonly quoting: boolean;
  /** 1 at the codes that separate fields */
  private readonly delimiters = new Uint8Array(128);
  private inQuotes = false;
  /** a quote was read inside a quoted field: it closes the field unless another quote follows */
  private quotePending = false;
  private fieldStart = true;

  /**
   * `delimiters`: the field delimiter, one ASCII character; several when it is not known yet (any of them
   * then starts a field, which is enough to find where a record ends); null scans lines without quoting
   * (NDJSON).
   */
  constructor(delimiters: string | null) {
    this.quoting = delimiters !== null;
    for (const d of delimiters ?? '') {
      const code = d.charCodeAt(0);
      if (code >= 128) throw new Error(`internal error: CSV delimiter ${JSON.stringify(d)} is not ASCII`);
      this.delimiters[code] = 1;
    }
  }

  /** Whether the text read so far ends inside a quoted field that was never closed. */
  get unterminated(): boolean {
    return this.inQuotes && !this.quotePending;
  }

  /** Whether the last character read is inside a quoted field (a pending closing quote counts as inside). */
  get quoted(): boolean {
    return this.inQuotes;
  }

  /** Reads the next character code and says what it is. */
  next(code: number): CsvRole {
    if (this.inQuotes) {
      if (!this.quotePending) {
        if (code !== QUOTE) return 'content';
        this.quotePending = true;
        return 'quote';
      }
      this.quotePending = false;
      if (code === QUOTE) return 'content';
      this.inQuotes = false; // the pending quote closed the field; this character is read as unquoted
    }
    if (code === LF) {
      this.fieldStart = true;
      return 'newline';
    }
    if (code < 128 && this.delimiters[code] === 1) {
      this.fieldStart = true;
      return 'delimiter';
    }
    if (this.quoting && code === QUOTE && this.fieldStart) {
      this.inQuotes = true;
      this.fieldStart = false;
      return 'quote';
    }
    this.fieldStart = false;
    return 'content';
  }
}

/** Splits one record (without its line end) into its fields, unquoted. */
export function splitCsvRecord(record: string, delimiter: string): string[] {
  const scanner = new CsvScanner(delimiter);
  const fields: string[] = [];
  let field = '';
  for (let i = 0; i < record.length; i++) {
    const role = scanner.next(record.charCodeAt(i));
    if (role === 'content' || role === 'newline') field += record[i];
    else if (role === 'delimiter') {
      fields.push(field);
      field = '';
    }
  }
  fields.push(field);
  return fields;
}

/**
 * Index of the newline that ends the first record of `bytes` (outside quotes), or -1 if there is none.
 * `delimiters` as for CsvScanner: all the candidates when the delimiter is not known yet.
 */
export function csvRecordEnd(bytes: Uint8Array, delimiters: string): number {
  const scanner = new CsvScanner(delimiters);
  for (let i = 0; i < bytes.length; i++) if (scanner.next(bytes[i] ?? 0) === 'newline') return i;
  return -1;
}
