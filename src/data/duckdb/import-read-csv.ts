/**
 * Reading a CSV file with DuckDB's parallel reader: every field as text, the header
 * and delimiter from our own look at the first lines (csv-head.ts), RFC 4180 quoting. Records the reader
 * cannot read (wrong number of fields, invalid UTF-8, broken quoting) land in DuckDB's rejects table instead
 * of failing the file; `locate` turns them into row-level problems with exact rows and lines.
 *
 * Line limit: a line over MAX_ROW_BYTES (4 MiB; a 1 MB survey comment is fine) is rejected by the reader
 * as a row of its own, like the other formats' rows over the limit; the rest of the file imports.
 */
import { open } from 'node:fs/promises';
import { CvmError, quoteValue } from '../../core/errors';
import { msg } from '../../core/messages/catalogue';
import type { Message } from '../../core/messages/message';
import { KINDS } from '../../core/kinds';
import { mapColumns } from '../import/columns';
import { splitCsvRecord } from '../../core/text/csv';
import { readCsvHead } from '../import/csv-head';
import type { Problem } from '../import/problems';
import { scanLayout, type RecordPlace } from '../import/text-layout';
import type { ImportRequest } from '../import/types';
import { findInvalidUtf8, hexByte } from '../import/utf8';
import type { ImportSession } from './import-session';
import { errorDetail, ident, literal } from './import-sql';
import type { OpenedFile } from './import-opened';
import { MAX_ROW_BYTES } from './import-validate';

/** The longest line DuckDB's reader takes; longer ones are rejected rows. */
const MAX_LINE_BYTES = MAX_ROW_BYTES;
/** More unreadable records than this means the file is not the CSV we think it is. */
const MAX_READER_REJECTS = 100_000;
/** Characters of a rejected record kept in the rejects file's value column. */
const RECORD_TEXT = 1000;
const WHOLE_RECORD_BYTES = 8 * 1024 * 1024;

interface ReaderError {
  line: number;
  error_type: string;
  error_message: string;
}

/** Opens a CSV file: reads its header, maps the columns, and describes how DuckDB reads the rest. */
export async function openCsv(
  session: ImportSession,
  request: ImportRequest,
  file: string,
): Promise<OpenedFile> {
  const { db, names } = session;
  const head = await readCsvHead(request.path, file, request.delimiter);
  // A file without a header: the first line is data, the columns are named by the request.
  const headerless = request.columns !== undefined;
  const headers = request.columns ? [...request.columns] : head.headers;
  const mapping = mapHeaders(request, headers, head.delimiter, file);
  const columns = headers.map((_, i) => `${literal(`c${i}`)}: 'VARCHAR'`).join(', ');
  const select = mapping.columns.map((c) => `c${c.index} AS ${ident(c.spec.name)}`).join(', ');
  const delimiter = head.delimiter === '\t' ? 'tab' : JSON.stringify(head.delimiter);
  // Rows shorter than the header are read padded with empty fields once the first read found some and the
  // columns after the last required one are optional (DuckDB pads only with its single-threaded reader when
  // quoted fields span lines, so padding is not the default).
  let padded = false;
  const reader = (rejects: string): string =>
    `(SELECT ${select} FROM read_csv(${literal(request.path)}, auto_detect = false, header = ${!headerless},
       all_varchar = true, delim = ${literal(head.delimiter)}, quote = '"', escape = '"', columns = {${columns}},
       max_line_size = ${MAX_LINE_BYTES}, ${padded ? 'null_padding = true, parallel = false, ' : ''}${rejects}))`;
  // Every read skips the same unreadable records, so all of them see the same records in the same order;
  // only the main read stores what it skipped.
  const skipping = 'ignore_errors = true';
  const errorsTable = (): string => (padded ? `${names.csvErrors}_padded` : names.csvErrors);
  const storing = (): string =>
    `store_rejects = true, rejects_table = '${errorsTable()}', rejects_scan = '${names.csvScans}${padded ? '_padded' : ''}'`;
  let errors: ReaderError[] | null = null;
  const readerErrors = async (): Promise<ReaderError[]> => {
    errors ??= await db.all<ReaderError & Record<string, unknown>>(
      `SELECT line, error_type, error_message FROM ${errorsTable()} ORDER BY line`,
    );
    return errors;
  };
  // The fields a row needs: up to the last required column (the rest may be left off the end).
  const needed = 1 + Math.max(-1, ...mapping.columns.filter((c) => c.spec.required).map((c) => c.index));
  const rejectedLines = async (): Promise<number[]> => [
    ...new Set((await readerErrors()).map((e) => e.line)),
  ];

  return {
    mapping,
    relation: reader(storing()),
    sample: reader(skipping),
    padded: async () => {
      if (padded || needed >= headers.length) return null;
      if (!(await readerErrors()).some((e) => e.error_type === 'MISSING COLUMNS')) return null;
      padded = true;
      errors = null;
      return reader(storing());
    },
    decimalFallback: head.delimiter === ';' ? ',' : '.',
    description: msg('progress.import.described', {
      format: 'CSV',
      delimiter,
      columnCount: headers.length,
      header: !headerless,
    }),
    readFailure: (error) => Promise.resolve(readFailure(request.path, file, error)),
    readerRejected: async () => {
      const lines = await rejectedLines();
      if (lines.length > MAX_READER_REJECTS)
        throw new CvmError(
          'invalid-input',
          msg('file.rows-unreadable', {
            file,
            n: lines.length,
            delimiter,
            first: (await readerErrors())[0]?.error_message.split('\n')[0] ?? '',
          }),
        );
      return lines.length;
    },
    materialize: async () => {
      await db.run(`CREATE TEMP TABLE ${names.stage} AS SELECT * FROM ${reader(skipping)}`);
      return names.stage;
    },
    locate: async (untilK) => {
      const layout = await scanLayout(request.path, {
        delimiter: head.delimiter,
        hasHeader: !headerless,
        blankIsRecord: headers.length === 1,
        rejected: await rejectedLines(),
        untilK,
      });
      const readerProblems: Problem[] = [];
      const handle = await open(request.path, 'r');
      try {
        for (const error of await readerErrors()) {
          const place = layout.rejected.get(error.line);
          if (!place) continue; // cannot happen when the scan agrees with DuckDB; never invent a location
          // Whole records (to count fields and find the bad byte) unless absurdly long.
          const length = place.end - place.start;
          const bytes = new Uint8Array(length <= WHOLE_RECORD_BYTES ? length : 4 * RECORD_TEXT);
          await handle.read(bytes, 0, bytes.length, place.start);
          readerProblems.push({
            row: place.row,
            line: place.line,
            column: null,
            value: shorten(new TextDecoder().decode(bytes)),
            reason: readerReason(error, place, bytes, head.delimiter, headers.length),
          });
        }
      } finally {
        await handle.close();
      }
      return { segments: layout.segments, readerProblems };
    },
  };
}

/**
 * Maps the header to the kind's columns. A header read as one column while the kind needs more most likely
 * means the delimiter is wrong (a whitespace-separated file, say): the error then points at the delimiter,
 * not at the mapping.
 */
function mapHeaders(
  request: ImportRequest,
  headers: readonly string[],
  delimiter: string,
  file: string,
): ReturnType<typeof mapColumns> {
  try {
    return mapColumns(KINDS[request.kind], headers, file, request.map);
  } catch (error) {
    if (!(error instanceof CvmError) || headers.length !== 1) throw error;
    const named = delimiter === '\t' ? 'tab' : JSON.stringify(delimiter);
    throw new CvmError(
      'invalid-input',
      msg('file.one-column-header', { file, delimiter: named, header: quoteValue(headers[0] ?? '', 60) }),
      { cause: error },
    );
  }
}

function readerReason(
  error: ReaderError,
  place: RecordPlace,
  bytes: Uint8Array,
  delimiter: string,
  expected: number,
): Message {
  switch (error.error_type) {
    case 'MISSING COLUMNS':
    case 'TOO MANY COLUMNS': {
      const found = splitCsvRecord(new TextDecoder().decode(bytes), delimiter).length;
      return found === 1
        ? msg('reject.one-field', { expected: String(expected) })
        : msg('reject.field-count', { found: String(found), expected: String(expected) });
    }
    case 'INVALID ENCODING': {
      const at = findInvalidUtf8(bytes);
      return at >= 0
        ? msg('reject.invalid-utf8', { byte: hexByte(bytes[at] ?? 0), offset: String(place.start + at) })
        : msg('reject.invalid-utf8-somewhere');
    }
    case 'LINE SIZE OVER MAXIMUM':
      return msg('reject.line-too-long', { bytes: String(place.end - place.start) });
    case 'UNQUOTED VALUE':
      return place.unterminated ? msg('reject.unclosed-quote') : msg('reject.text-after-quote');
    default:
      return msg('reject.unreadable', { detail: error.error_message.split('\n')[0] ?? error.error_type });
  }
}

/** Turns a failure of DuckDB's reader into a one-line file-level error. */
function readFailure(path: string, file: string, error: unknown): CvmError {
  const detail = errorDetail(error);
  if (/IO Error|Permission|No such file/i.test(detail))
    return new CvmError(
      'data-source',
      msg('file.cannot-read', { path, detail: detail.replace(/^IO Error: /, '') }),
      { cause: error },
    );
  return new CvmError('invalid-input', msg('file.cannot-read-as', { file, format: 'CSV', detail }), {
    cause: error,
  });
}

function shorten(text: string): string {
  const line = text.replace(/^[\r\n]+/, '');
  return line.length > RECORD_TEXT ? `${line.slice(0, RECORD_TEXT)}… (cut)` : line;
}
