/**
 * DuckDB implementation of the import port: read the file with DuckDB's own readers (exceljs for XLSX)
 * straight into a typed, validated temporary table, write the rejects file, then land the valid rows in one
 * transaction. Everything before the transaction touches only temporary tables, so a failure or a
 * kill at any point leaves the store as it was; a strict import stops after the rejects file.
 */
import { basename, resolve } from 'node:path';
import { CvmError } from '../../core/errors';
import { KINDS } from '../../core/kinds';
import { msg } from '../../core/messages/catalogue';
import type { Message } from '../../core/messages/message';
import { detectDecimal, type DecimalSeparator } from '../import/decimal';
import { DEFAULT_MAX_UPLOAD_BYTES, checkReadable, removeStaleRejects, spoolStream } from '../import/file';
import { detectEncoding, rewriteAsUtf8, type TextEncodingName } from '../import/encoding';
import { detectFileFormat } from '../import/format';
import { defaultRejectsPath, describeProblem } from '../import/problems';
import {
  WHITESPACE,
  type Cell,
  type ImportPort,
  type ImportRequest,
  type ImportResult,
  type LandingPort,
} from '../import/types';
import type { Db } from './connection';
import { deriveOrderKeys, markDuplicates } from './import-keys';
import { openFile } from './import-read';
import { writeRejects } from './import-rejects';
import { ImportSession } from './import-session';
import { ident } from './import-sql';
import type { OpenedFile } from './import-opened';
import { validationSql, type ValidationSql } from './import-validate';

/** Values sampled to detect the decimal separator. */
const DECIMAL_SAMPLE = 20_000;

/**
 * The import pipeline on a DuckDB connection `db` (the store's own for the DuckDB store, a throw-away
 * in-memory database for other backends), landing through `landing`.
 */
export class DuckDbImports implements ImportPort {
  constructor(
    readonly db: Db,
    private readonly landing: LandingPort,
  ) {}

  async importFile(request: ImportRequest): Promise<ImportResult> {
    if (request.stream === undefined) return this.importPath(request);
    const format = request.format ?? detectFileFormat(request.path);
    const spooled = await spoolStream(
      request.stream,
      request.path,
      request.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    );
    try {
      return await this.importPath({
        ...request,
        format,
        path: spooled.path,
        stream: undefined,
        sourceLabel: request.sourceLabel ?? `upload:${basename(request.path)}`,
      });
    } finally {
      // The rejects file of an upload lives beside the spooled file unless another path was given.
      if (request.rejectsPath === undefined) await spooled.cleanUp();
    }
  }

  private async importPath(request: ImportRequest): Promise<ImportResult> {
    await checkReadable(request.path);
    const format = request.format ?? detectFileFormat(request.path);
    // DuckDB reads UTF-8 with one-character delimiters only: a CSV file in another encoding, or separated
    // by runs of blanks, is read from a tab-separated UTF-8 copy.
    const encoding = format === 'csv' ? (request.encoding ?? (await detectEncoding(request.path))) : null;
    const blanks = format === 'csv' && request.delimiter === WHITESPACE;
    const copy =
      encoding === null || (encoding === 'utf-8' && !blanks)
        ? null
        : await rewriteAsUtf8(request.path, encoding, blanks);
    const session = new ImportSession(this.db, request.onProgress);
    try {
      await session.open();
      const read = {
        path: copy?.path ?? request.path,
        encoding,
        delimiter: blanks ? '\t' : request.delimiter,
      };
      return await runImport(session, this.landing, request, format, read);
    } finally {
      await session.close();
      await copy?.cleanUp();
    }
  }
}

async function runImport(
  session: ImportSession,
  landing: LandingPort,
  request: ImportRequest,
  format: ImportResult['format'],
  read: { path: string; encoding: TextEncodingName | null; delimiter: string | undefined },
): Promise<ImportResult> {
  const { db, names } = session;
  const kind = KINDS[request.kind];
  const file = basename(request.path);
  let clock = performance.now();
  const lap = (): number => {
    const now = performance.now();
    const seconds = (now - clock) / 1000;
    clock = now;
    return seconds;
  };

  const opened = await openFile(
    session,
    { ...request, path: read.path, delimiter: read.delimiter },
    format,
    file,
  );
  const decimal = request.decimal ?? (await sampleDecimal(session, opened));
  session.say(
    'reading',
    0,
    msg('progress.import.reading', {
      file,
      description: opened.description,
      decimal,
      encoding: read.encoding,
      blanks: request.delimiter === WHITESPACE,
    }),
  );
  const timeZone = request.timeZone ?? 'UTC';
  const validate = (relation: string): ValidationSql =>
    validationSql(
      kind,
      opened.mapping.columns,
      decimal,
      { ...names, relation },
      { timeZone, round: request.round === true },
    );
  let validation = validate(opened.relation);
  try {
    // Reading, typing and checking in one pass over the file.
    await session.track('reading', 0, 0.55, () => db.run(validation.typed));
    // Rows shorter than the header whose missing fields may be optional: read again, padded.
    const padded = await opened.padded?.();
    if (padded) {
      session.say('reading', 0.3, msg('progress.import.padded', { file }));
      validation = validate(padded);
      await db.run(`DROP TABLE temp.main.${names.typed}`);
      await db.run(validation.typed);
    }
  } catch (error) {
    throw await opened.readFailure(error);
  }
  const readerRejected = await opened.readerRejected();
  await deriveOrderKeys(session, kind, validation.typedColumns);
  await markDuplicates(session, kind);
  const counts = await db.one<{ ok: number; bad: number; zoned: number; rounded: number }>(
    `SELECT count(*) FILTER (WHERE __ok) AS ok, count(*) FILTER (WHERE NOT __ok AND NOT __blank) AS bad,
       count(*) FILTER (WHERE __ok AND __zoned) AS zoned, count(*) FILTER (WHERE __ok AND __rounded) AS rounded
     FROM ${names.typed}`,
  );
  if (counts.ok + counts.bad + readerRejected === 0) throw noRows(file);
  session.say(
    'validating',
    0.55,
    msg('progress.import.checked', { rows: counts.ok + counts.bad + readerRejected, seconds: lap() }),
  );

  const rejectsPath = request.rejectsPath ?? defaultRejectsPath(request.path);
  let rejected = 0;
  let problems: Message[] = [];
  if (counts.bad > 0 || readerRejected > 0) {
    await db.run(validation.problems(await opened.materialize()));
    const columns = opened.mapping.columns.map((c) => c.spec.name);
    const summary = await writeRejects(session, kind, columns, opened, rejectsPath, request.lang);
    rejected = summary.rows;
    problems = summary.first.map((p) => describeProblem(request.path, format, p));
  } else if (request.rejectsPath === undefined) {
    await removeStaleRejects(rejectsPath);
  }
  session.say(
    'validating',
    0.6,
    msg('progress.import.validated', { ok: counts.ok, rejected, seconds: lap() }),
  );

  // A file of which no row could be used is a failure, not an empty success: nothing is logged.
  const firstProblem = problems[0] ?? [];
  if (counts.ok === 0 && rejected > 0)
    throw new CvmError(
      'invalid-input',
      msg('import.all-rejected', { file, n: rejected, rejectsPath, firstProblem }),
    );
  if (request.strict && rejected > 0)
    throw new CvmError(
      'invalid-input',
      msg('import.strict-rejected', { file, n: rejected, rejectsPath, firstProblem }),
    );

  const warnings = await futureRows(session, request, file);

  // The raw rows are not needed any more: free their memory for the write.
  await db.run(`DROP TABLE IF EXISTS temp.main.${names.stage}`);
  const source = request.sourceLabel ?? resolve(request.path);
  const typed = `temp.main.${names.typed}`;
  const landed = await landing.land({
    kind: request.kind,
    columns: validation.typedColumns,
    source,
    replace: request.replace,
    rows: counts.ok,
    rejected,
    chunks: () => typedChunks(db, typed, validation.typedColumns),
    local: { connection: db, table: typed, where: '__ok' },
    onProgress: request.onProgress,
  });
  session.say(
    'committed',
    1,
    msg('progress.import.committed', {
      importId: landed.importId,
      seconds: lap(),
      rows: counts.ok,
      replaced: landed.replaced,
    }),
  );
  const rule =
    landed.replacedImports.length > 0
      ? 'replaced-import'
      : landed.replaced > 0
        ? 'replaced-keys'
        : 'appended';
  return {
    kind: request.kind,
    source,
    format,
    encoding: read.encoding,
    imported: counts.ok,
    rule,
    replacedByKey: landed.replaced,
    replacedImports: landed.replacedImports,
    earlierImports: landed.earlierImports,
    rejected,
    rejectsPath: rejected > 0 ? rejectsPath : null,
    ignoredColumns: opened.mapping.ignored,
    timeZone,
    zoned: counts.zoned,
    rounded: counts.rounded,
    problems,
    warnings,
    importId: landed.importId,
  };
}

/** Records whose date can only lie in the past when they are imported: a later date is a typo or a test row. */
const PAST_ONLY: Partial<Record<ImportRequest['kind'], string>> = {
  transactions: 'order_date',
  complaints: 'opened_at',
  surveys: 'answered_on',
};

/** A warning for good rows dated after `request.today` (the face's clock), naming how many and the latest. */
async function futureRows(session: ImportSession, request: ImportRequest, file: string): Promise<Message[]> {
  const column = PAST_ONLY[request.kind];
  if (request.today === undefined || column === undefined) return [];
  const row = await session.db.one<{ n: number; latest: string | null }>(
    `SELECT count(*) AS n, CAST(max(CAST(${ident(column)} AS DATE)) AS VARCHAR) AS latest
     FROM ${session.names.typed} WHERE __ok AND CAST(${ident(column)} AS DATE) > CAST(? AS DATE)`,
    [request.today],
  );
  if (row.n === 0) return [];
  return [msg('import.future-rows', { file, n: row.n, today: request.today, latest: row.latest ?? '' })];
}

function noRows(file: string): CvmError {
  return new CvmError('invalid-input', msg('import.no-rows', { file }));
}

/** Detects the decimal separator from the first non-empty values of the money and decimal columns. */
async function sampleDecimal(session: ImportSession, opened: OpenedFile): Promise<DecimalSeparator> {
  const columns = opened.mapping.columns
    .filter((c) => c.spec.type === 'money' || c.spec.type === 'decimal')
    .map((c) => ident(c.spec.name));
  if (columns.length === 0) return opened.decimalFallback;
  let rows: Record<string, string | null>[];
  try {
    rows = await session.db.all<Record<string, string | null>>(
      `SELECT ${columns.join(', ')} FROM ${opened.sample}
       WHERE ${columns.map((c) => `${c} IS NOT NULL`).join(' OR ')} LIMIT ${DECIMAL_SAMPLE}`,
    );
  } catch (error) {
    throw await opened.readFailure(error);
  }
  const values = rows.flatMap((row) => Object.values(row).filter((v): v is string => typeof v === 'string'));
  return detectDecimal(values, opened.decimalFallback);
}

/** Rows per chunk when a lander on another backend reads the typed rows. */
const CHUNK_ROWS = 50_000;

/** The ok rows of the typed table, a chunk at a time, in file order. */
async function* typedChunks(db: Db, table: string, columns: readonly string[]): AsyncIterable<Cell[][]> {
  const list = columns.map(ident).join(', ');
  for (let offset = 0; ; offset += CHUNK_ROWS) {
    const rows = await db.all(
      `SELECT ${list} FROM ${table} WHERE __ok ORDER BY rowid LIMIT ${CHUNK_ROWS} OFFSET ${offset}`,
    );
    if (rows.length === 0) return;
    yield rows.map((row) => columns.map((c) => (row[c] ?? null) as Cell));
  }
}
