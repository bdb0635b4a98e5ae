/**
 * DuckDB implementation of the import port: read the file with DuckDB's own readers (exceljs for XLSX)
 * straight into a typed, validated temporary table, write the rejects file, then land the valid rows in one
 * transaction. Everything before the transaction touches only temporary tables, so a failure or a
 * kill at any point leaves the store as it was; `--strict` stops after the rejects file.
 */
import { basename, resolve } from 'node:path';
import { CvmError } from '../../core/errors';
import { KINDS } from '../../core/kinds';
import { detectDecimal, type DecimalSeparator } from '../import/decimal';
import { checkReadable, removeStaleRejects } from '../import/file';
import { detectFileFormat } from '../import/format';
import { defaultRejectsPath, describeProblem } from '../import/problems';
import type { ImportPort, ImportRequest, ImportResult } from '../import/types';
import type { Db } from './connection';
import { deriveOrderKeys, markDuplicates } from './import-keys';
import { openFile } from './import-read';
import { writeRejects } from './import-rejects';
import { ImportSession } from './import-session';
import { ident } from './import-sql';
import type { OpenedFile } from './import-opened';
import { validationSql } from './import-validate';
import { landRows } from './import-write';

/** Values sampled to detect the decimal separator. */
const DECIMAL_SAMPLE = 20_000;

export class DuckDbImports implements ImportPort {
  constructor(readonly db: Db) {}

  async importFile(request: ImportRequest): Promise<ImportResult> {
    await checkReadable(request.path);
    const format = request.format ?? detectFileFormat(request.path);
    const session = new ImportSession(this.db, request.onProgress);
    await session.open();
    try {
      return await runImport(session, request, format);
    } finally {
      await session.close();
    }
  }
}

async function runImport(
  session: ImportSession,
  request: ImportRequest,
  format: ImportResult['format'],
): Promise<ImportResult> {
  const { db, names } = session;
  const kind = KINDS[request.kind];
  const file = basename(request.path);
  let clock = performance.now();
  const lap = (): string => {
    const now = performance.now();
    const seconds = ((now - clock) / 1000).toFixed(1);
    clock = now;
    return `${seconds} s`;
  };

  const opened = await openFile(session, request, format, file);
  const decimal = request.decimal ?? (await sampleDecimal(session, opened));
  session.say('reading', 0, `reading ${file} (${opened.description}; decimal separator "${decimal}")`);
  const validation = validationSql(kind, opened.mapping.columns, decimal, {
    ...names,
    relation: opened.relation,
  });
  try {
    // Reading, typing and checking in one pass over the file.
    await session.track('reading', 0, 0.55, () => db.run(validation.typed));
  } catch (error) {
    throw await opened.readFailure(error);
  }
  const readerRejected = await opened.readerRejected();
  await deriveOrderKeys(session, kind, validation.typedColumns);
  await markDuplicates(session, kind);
  const counts = await db.one<{ ok: number; bad: number }>(
    `SELECT count(*) FILTER (WHERE __ok) AS ok, count(*) FILTER (WHERE NOT __ok AND NOT __blank) AS bad FROM ${names.typed}`,
  );
  if (counts.ok + counts.bad + readerRejected === 0) throw noRows(file);
  session.say(
    'validating',
    0.55,
    `read and checked ${counts.ok + counts.bad + readerRejected} rows in ${lap()}`,
  );

  const rejectsPath = request.rejectsPath ?? defaultRejectsPath(request.path);
  let rejected = 0;
  let problems: string[] = [];
  if (counts.bad > 0 || readerRejected > 0) {
    await db.run(validation.problems(await opened.materialize()));
    const columns = opened.mapping.columns.map((c) => c.spec.name);
    const summary = await writeRejects(session, kind, columns, opened, rejectsPath);
    rejected = summary.rows;
    problems = summary.first.map((p) => describeProblem(request.path, format, p));
  } else if (request.rejectsPath === undefined) {
    await removeStaleRejects(rejectsPath);
  }
  session.say('validating', 0.6, `${counts.ok} rows ok, ${rejected} rejected (${lap()})`);

  if (request.strict && rejected > 0)
    throw new CvmError(
      'invalid-input',
      `${file}: ${rejected} row${rejected === 1 ? '' : 's'} rejected, nothing imported (--strict); ` +
        `rejects → ${rejectsPath}; first: ${problems[0] ?? ''}`,
    );

  // The raw rows are not needed any more: free their memory for the write.
  await db.run(`DROP TABLE IF EXISTS temp.main.${names.stage}`);
  const source = request.sourceLabel ?? resolve(request.path);
  const landed = await landRows(session, kind, validation.typedColumns, source, counts.ok, rejected);
  session.say(
    'committed',
    1,
    `committed import ${landed.importId} in ${lap()}: ${counts.ok} rows, ${landed.replaced} of them replacing stored rows`,
  );
  return {
    kind: request.kind,
    source,
    format,
    imported: counts.ok,
    rejected,
    rejectsPath: rejected > 0 ? rejectsPath : null,
    ignoredColumns: opened.mapping.ignored,
    problems,
    importId: landed.importId,
  };
}

function noRows(file: string): CvmError {
  return new CvmError('invalid-input', `${file}: no data rows (only a header)`);
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
