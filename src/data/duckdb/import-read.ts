/**
 * Opening a file of any supported format for validation (see import-opened.ts). CSV has its own file;
 * Parquet and JSON go through DuckDB's readers with every matched column cast to text, so one validation
 * serves all formats; XLSX rows come from exceljs and are appended to a temporary table. Values keep their
 * text form: a Parquet DATE becomes "2024-01-05", a DOUBLE its shortest decimal form, a JSON number its
 * decimal form.
 */
import { open } from 'node:fs/promises';
import { CvmError } from '../../core/errors';
import { msg } from '../../core/messages/catalogue';
import { KINDS } from '../../core/kinds';
import { mapColumns } from '../import/columns';
import { findBrokenJsonLine } from '../import/json-lines';
import { scanLayout } from '../import/text-layout';
import type { FileFormat, ImportRequest } from '../import/types';
import { readSheet } from '../import/xlsx';
import { openCsv } from './import-read-csv';
import type { ImportSession } from './import-session';
import { errorDetail, ident, literal } from './import-sql';
import type { LocatedSegment, OpenedFile } from './import-opened';

/** Opens `request.path` as `format`; `file` names it in messages. */
export function openFile(
  session: ImportSession,
  request: ImportRequest,
  format: FileFormat,
  file: string,
): Promise<OpenedFile> {
  if (request.columns !== undefined && format !== 'csv')
    throw new CvmError('invalid-input', msg('file.headerless-csv-only', { file, format }));
  switch (format) {
    case 'csv':
      return openCsv(session, request, file);
    case 'parquet':
      return openParquet(session, request, file);
    case 'json':
      return openJson(session, request, file);
    case 'xlsx':
      return openXlsx(session, request, file);
  }
}

const WHOLE_FILE: LocatedSegment[] = [{ kFrom: 1, rowOffset: 0, lineOffset: null }];

async function openParquet(
  session: ImportSession,
  request: ImportRequest,
  file: string,
): Promise<OpenedFile> {
  const reader = `read_parquet(${literal(request.path)})`;
  const headers = await describe(session, reader, file, 'Parquet');
  return openReader(session, request, file, reader, headers, 'Parquet', () =>
    Promise.resolve({ segments: WHOLE_FILE, readerProblems: [] }),
  );
}

async function openJson(session: ImportSession, request: ImportRequest, file: string): Promise<OpenedFile> {
  const first = await firstCharacter(request.path);
  if (first === null) throw new CvmError('invalid-input', msg('file.empty', { file }));
  // An array is one document (no line per record); anything else is read as one object per line.
  const array = first === '[';
  const options = `format = '${array ? 'array' : 'newline_delimited'}', records = true`;
  // The whole file is sampled for keys, so a key that first appears late is not silently dropped.
  let headers: string[];
  try {
    headers = await describe(
      session,
      `read_json(${literal(request.path)}, ${options}, sample_size = -1)`,
      file,
      'JSON',
    );
  } catch (error) {
    if (!(error instanceof CvmError)) throw error;
    if (!array && /malformed JSON/.test(error.message)) throw await brokenJsonLine(request.path, file, error);
    if (!/non-record JSON/.test(error.message)) throw error;
    const { n } = await session.db.one<{ n: number }>(
      `SELECT count(*) AS n FROM read_json(${literal(request.path)}, format = '${array ? 'array' : 'newline_delimited'}')`,
    );
    throw new CvmError(
      'invalid-input',
      n === 0 ? msg('import.no-records', { file }) : msg('file.json-not-objects', { file }),
    );
  }
  const columns = headers.map((h) => `${literal(h)}: 'VARCHAR'`).join(', ');
  const reader = `read_json(${literal(request.path)}, ${options}, columns = {${columns}})`;
  const label = array ? 'JSON, an array of objects' : 'JSON, one object per line';
  const opened = openReader(session, request, file, reader, headers, label, async (untilK) => {
    if (array) return { segments: WHOLE_FILE, readerProblems: [] };
    const layout = await scanLayout(request.path, {
      delimiter: null,
      hasHeader: false,
      blankIsRecord: false,
      rejected: [],
      untilK,
    });
    return { segments: layout.segments, readerProblems: [] };
  });
  if (array) return opened;
  return {
    ...opened,
    readFailure: async (error) => {
      const failure = await opened.readFailure(error);
      return /malformed JSON/.test(failure.message) ? brokenJsonLine(request.path, file, failure) : failure;
    },
  };
}

/**
 * A malformed-JSON error of a file of one object per line, with the line and record that do not parse
 * found by reading the file again (DuckDB's own line number is one too high when a record is cut off at
 * its end); DuckDB's message when every line parses.
 */
async function brokenJsonLine(path: string, file: string, error: CvmError): Promise<CvmError> {
  const broken = await findBrokenJsonLine(path);
  if (!broken) return error;
  const reason = /: ([^:]*)$/.exec(error.message)?.[1] ?? 'not one JSON object';
  const text = msg('file.json-broken-line', { file, ...broken, detail: reason });
  return new CvmError('invalid-input', text, { cause: error });
}

function openReader(
  session: ImportSession,
  request: ImportRequest,
  file: string,
  reader: string,
  headers: string[],
  label: string,
  locate: OpenedFile['locate'],
): OpenedFile {
  const mapping = mapColumns(KINDS[request.kind], headers, file, request.map);
  const select = mapping.columns
    .map((c) => `CAST(${ident(c.header)} AS VARCHAR) AS ${ident(c.spec.name)}`)
    .join(', ');
  const relation = `(SELECT ${select} FROM ${reader})`;
  return {
    mapping,
    relation,
    sample: relation,
    decimalFallback: '.',
    description: msg('progress.import.described', {
      format: label,
      delimiter: null,
      columnCount: headers.length,
      header: true,
    }),
    readFailure: (error) => Promise.resolve(readerError(file, label, error)),
    readerRejected: () => Promise.resolve(0),
    materialize: async () => {
      await session.db.run(`CREATE TEMP TABLE ${session.names.stage} AS SELECT * FROM ${relation}`);
      return session.names.stage;
    },
    locate,
  };
}

async function openXlsx(session: ImportSession, request: ImportRequest, file: string): Promise<OpenedFile> {
  const rows = readSheet(request.path, file, request.sheet);
  const header = await rows.next();
  if (header.done)
    throw new CvmError('invalid-input', msg('file.sheet-empty', { file, sheet: request.sheet ?? null }));
  const headers = Array.from(header.value.cells, (c) => (c ?? '').trim());
  const mapping = mapColumns(KINDS[request.kind], headers, file, request.map);
  const { db, names } = session;
  const columns = mapping.columns.map((c) => `${ident(c.spec.name)} VARCHAR`).join(', ');
  await db.run(`CREATE TEMP TABLE ${names.stage} (${columns})`);

  // exceljs reads the sheet row by row; the rows go to DuckDB through an appender, and the worksheet row
  // numbers become the segments that turn record numbers into lines.
  const appender = await db.connection.createAppender(names.stage, 'main', 'temp');
  const segments: LocatedSegment[] = [];
  let k = 0;
  let lineOffset = Number.NaN;
  try {
    for await (const row of rows) {
      k++;
      for (const column of mapping.columns) {
        const value = row.cells[column.index];
        if (value === null || value === undefined) appender.appendNull();
        else appender.appendVarchar(value);
      }
      appender.endRow();
      if (row.line - k !== lineOffset) {
        lineOffset = row.line - k;
        segments.push({ kFrom: k, rowOffset: 0, lineOffset });
      }
    }
  } finally {
    appender.closeSync();
  }
  return {
    mapping,
    relation: names.stage,
    sample: names.stage,
    decimalFallback: '.',
    description: msg('progress.import.described', {
      format: 'XLSX',
      delimiter: null,
      columnCount: headers.length,
      header: true,
    }),
    readFailure: (error) => Promise.resolve(readerError(file, 'XLSX', error)),
    readerRejected: () => Promise.resolve(0),
    materialize: () => Promise.resolve(names.stage),
    locate: () => Promise.resolve({ segments, readerProblems: [] }),
  };
}

/** Column names of a DuckDB file reader, or a one-line error when the file is not of that format. */
async function describe(
  session: ImportSession,
  reader: string,
  file: string,
  label: string,
): Promise<string[]> {
  try {
    const columns = await session.db.all<{ column_name: string }>(`DESCRIBE SELECT * FROM ${reader}`);
    return columns.map((c) => c.column_name);
  } catch (error) {
    throw readerError(file, label, error);
  }
}

function readerError(file: string, label: string, error: unknown): CvmError {
  // DuckDB names the file by its full path; the message already starts with the file's name.
  const detail = errorDetail(error).replace(/'[^']*[\\/]([^'\\/]+)'/g, "'$1'");
  const json = /Malformed JSON in file "[^"]*", (.*)$/.exec(detail);
  if (json)
    return new CvmError(
      'invalid-input',
      msg('file.json-malformed', { file, detail: json[1]?.replace(/\.\s*$/, '') ?? '' }),
    );
  if (/IO Error|Permission/i.test(detail))
    return new CvmError('data-source', msg('file.cannot-read', { path: file, detail }), { cause: error });
  return new CvmError('invalid-input', msg('file.cannot-read-as', { file, format: label, detail }), {
    cause: error,
  });
}

/** The first character of the file that is not whitespace or a BOM, or null for an empty file. */
async function firstCharacter(path: string): Promise<string | null> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(4096);
    for (let position = 0; ; position += buffer.length) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) return null;
      for (const b of buffer.subarray(0, bytesRead)) {
        if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0xef && b !== 0xbb && b !== 0xbf)
          return String.fromCharCode(b);
      }
    }
  } finally {
    await handle.close();
  }
}
