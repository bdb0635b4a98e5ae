/**
 * The rejects file: every problem of every rejected row, located (row, line), written by DuckDB's COPY so a
 * file with millions of bad rows costs seconds, not minutes. Row and line numbers come from the staged
 * record numbers through the format's segments (import-opened.ts); a duplicate's reason names the row of
 * the first occurrence.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { CvmError } from '../../core/errors';
import type { KindSpec } from '../../core/kinds';
import { msg } from '../../core/messages/catalogue';
import { REJECTS_HEADER } from '../../core/messages/imports';
import type { Lang } from '../../core/messages/message';
import type { Problem } from '../import/problems';
import type { ImportSession } from './import-session';
import { decodeReason, encodeReason, reasonSql, renderedReasonSql } from './import-reasons';
import { errorDetail, ident, literal } from './import-sql';
import type { OpenedFile } from './import-opened';

/** How many problems a result carries as messages. */
const FIRST_PROBLEMS = 5;

export interface RejectsSummary {
  /** rows rejected (a row with several problems counts once) */
  rows: number;
  /** the first problems in file order */
  first: Problem[];
}

/**
 * Collects the problems table, the duplicates and the reader's rejects into the session's
 * rejects table and writes them to `path` as CSV (`row,line,column,value,reason`, one line per problem)
 * in `lang`: the header and reasons in that language, and in Swedish as Swedish Excel opens a CSV file
 * (`;` between fields, a UTF-8 BOM). The rejects table keeps the reasons coded (import-reasons.ts).
 */
export async function writeRejects(
  session: ImportSession,
  kind: KindSpec,
  columns: readonly string[],
  opened: OpenedFile,
  path: string,
  lang: Lang = 'en',
): Promise<RejectsSummary> {
  const { db, names } = session;
  const { last } = await db.one<{ last: number | null }>(
    `SELECT max(rowid) + 1 AS last FROM ${names.typed} WHERE NOT __ok AND NOT __blank`,
  );
  const located = await opened.locate(last ?? 0);

  await db.run(
    `CREATE TEMP TABLE ${names.segments} (k_from BIGINT NOT NULL, row_offset BIGINT NOT NULL, line_offset BIGINT)`,
  );
  const segments = await db.connection.createAppender(names.segments, 'main', 'temp');
  for (const s of located.segments) {
    segments.appendBigInt(BigInt(s.kFrom));
    segments.appendBigInt(BigInt(s.rowOffset));
    if (s.lineOffset === null) segments.appendNull();
    else segments.appendBigInt(BigInt(s.lineOffset));
    segments.endRow();
  }
  segments.closeSync();

  await db.run(
    `CREATE TEMP TABLE ${names.readerRejects} (row BIGINT, line BIGINT, "column" VARCHAR, value VARCHAR, reason VARCHAR)`,
  );
  const reader = await db.connection.createAppender(names.readerRejects, 'main', 'temp');
  for (const p of located.readerProblems) {
    reader.appendBigInt(BigInt(p.row));
    if (p.line === null) reader.appendNull();
    else reader.appendBigInt(BigInt(p.line));
    reader.appendNull();
    if (p.value === null) reader.appendNull();
    else reader.appendVarchar(p.value);
    reader.appendVarchar(encodeReason(p.reason));
    reader.endRow();
  }
  reader.closeSync();

  const keyColumn = kind.key.length === 1 ? literal(kind.key[0] ?? '') : 'NULL';
  // a duplicate's row carries its key as described (import-keys.ts) until the first row is known
  const duplicate =
    kind.key.length === 1
      ? reasonSql('reject.duplicate', { column: keyColumn, value: 'reason', first: 'first_row' })
      : reasonSql('reject.duplicate-key', { key: 'reason', first: 'first_row' });
  const found = [
    `SELECT __k, -1 AS ord, CAST(NULL AS VARCHAR) AS "column", CAST(NULL AS VARCHAR) AS value, p__row AS reason,
       CAST(NULL AS BIGINT) AS first_k FROM ${names.problems} WHERE p__row IS NOT NULL`,
    ...columns.map(
      (c, i) => `SELECT __k, ${i}, ${literal(c)}, ${ident(`x_${c}`)}, ${ident(`p_${c}`)}, NULL
        FROM ${names.problems} WHERE ${ident(`p_${c}`)} IS NOT NULL`,
    ),
    `SELECT __k, 1000, ${keyColumn}, value, described, first_k FROM ${names.dups}`,
  ];
  await db.run(
    `CREATE TEMP TABLE ${names.rejects} AS
     WITH found AS (${found.join(' UNION ALL ')}),
     located AS (
       SELECT f.*, f.__k + s.row_offset AS row, f.__k + s.line_offset AS line
       FROM found f ASOF LEFT JOIN ${names.segments} s ON f.__k >= s.k_from),
     firsts AS (
       SELECT l.*, l.first_k + s.row_offset AS first_row
       FROM located l ASOF LEFT JOIN ${names.segments} s ON l.first_k >= s.k_from)
     SELECT row, line, "column", value,
       CASE WHEN first_k IS NULL THEN reason ELSE ${duplicate} END AS reason, ord
     FROM firsts
     UNION ALL SELECT row, line, "column", value, reason, -2 FROM ${names.readerRejects}`,
  );

  const header = REJECTS_HEADER[lang];
  const output = ['row', 'line', '"column"', 'value', renderedReasonSql('reason', lang)]
    .map((c, i) => `${c} AS ${ident(header[i] ?? '')}`)
    .join(', ');
  // Swedish: DuckDB writes no BOM, so its file is copied after one
  const written = lang === 'sv' ? `${path}.part` : path;
  try {
    await db.run(
      `COPY (SELECT ${output} FROM ${names.rejects} ORDER BY row, ord)
       TO ${literal(written)} (FORMAT csv, HEADER, DELIMITER '${lang === 'sv' ? ';' : ','}')`,
    );
    if (written !== path) {
      const out = createWriteStream(path);
      out.write('\ufeff');
      await pipeline(createReadStream(written), out);
    }
  } catch (error) {
    throw new CvmError(
      'data-source',
      msg('import.cannot-write-rejects', { path, detail: errorDetail(error) }),
      {
        cause: error,
      },
    );
  } finally {
    if (written !== path) await rm(written, { force: true });
  }
  const { rows } = await db.one<{ rows: number }>(`SELECT count(DISTINCT row) AS rows FROM ${names.rejects}`);
  const first = await db.all<{
    row: number;
    line: number | null;
    column: string | null;
    value: string | null;
    reason: string;
  }>(
    `SELECT row, line, "column" AS column, value, reason FROM ${names.rejects} ORDER BY row, ord LIMIT ${FIRST_PROBLEMS}`,
  );
  return {
    rows,
    first: first.map(({ row, line, column, value, reason }): Problem => ({
      row,
      line,
      column,
      value,
      reason: decodeReason(reason),
    })),
  };
}
