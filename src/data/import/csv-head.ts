/**
 * The first lines of a CSV file, read in JS before DuckDB reads the rest: the header (RFC 4180 quoting as in
 * core/text/csv.ts, BOM dropped, checked to be UTF-8) and the field delimiter. The delimiter is the
 * candidate (`,` `;` tab `|`) that splits the header into the most fields and agrees best with the field
 * counts of the next lines; a header that none of them splits is read with `,` (a one-column file).
 */
import { open } from 'node:fs/promises';
import { CvmError } from '../../core/errors';
import { msg } from '../../core/messages/catalogue';
import { csvRecordEnd, splitCsvRecord } from '../../core/text/csv';
import { findInvalidUtf8, hexByte } from './utf8';

/** Bytes read to find the header and sample lines; a longer header is refused. */
const HEAD_BYTES = 1 << 20;
const SAMPLE_LINES = 20;
const CANDIDATES = [',', ';', '\t', '|'] as const;

export interface CsvHead {
  delimiter: string;
  /** headers in file order, unquoted, as written */
  headers: string[];
}

/** Reads the header of the CSV file at `path` (`file` names it in messages). */
export async function readCsvHead(path: string, file: string, delimiter?: string): Promise<CsvHead> {
  const bytes = await readHead(path);
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  if (body.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d))
    throw new CvmError('invalid-input', msg('file.empty', { file }));

  // before the delimiter is known, a quote after any candidate starts a quoted field
  const end = csvRecordEnd(body, delimiter ?? CANDIDATES.join(''));
  if (end < 0 && bytes.length >= HEAD_BYTES)
    throw new CvmError('invalid-input', msg('file.header-too-long', { file, bytes: HEAD_BYTES }));
  const headerBytes = body.subarray(0, end < 0 ? body.length : end);
  const invalid = findInvalidUtf8(headerBytes);
  if (invalid >= 0)
    throw new CvmError(
      'invalid-input',
      msg('file.header-utf8', { file, byte: hexByte(headerBytes[invalid] ?? 0), offset: start + invalid }),
    );
  const header = new TextDecoder().decode(headerBytes).replace(/\r$/, '');

  // Only complete lines of the sample are used; the last one may be cut off.
  const rest = end < 0 ? '' : new TextDecoder().decode(body.subarray(end + 1));
  const lines = rest.split('\n').slice(0, -1).slice(0, SAMPLE_LINES);
  const chosen = delimiter ?? detectDelimiter(header, lines);
  return { delimiter: chosen, headers: splitCsvRecord(header, chosen) };
}

function detectDelimiter(header: string, lines: readonly string[]): string {
  let best: string = ',';
  let bestAgreeing = -1;
  let bestFields = 1;
  for (const candidate of CANDIDATES) {
    const fields = splitCsvRecord(header, candidate).length;
    if (fields < 2) continue;
    const agreeing = lines.filter(
      (l) => splitCsvRecord(l.replace(/\r$/, ''), candidate).length === fields,
    ).length;
    if (agreeing > bestAgreeing || (agreeing === bestAgreeing && fields > bestFields)) {
      best = candidate;
      bestAgreeing = agreeing;
      bestFields = fields;
    }
  }
  return best;
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
