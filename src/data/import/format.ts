/**
 * Which reader a file needs: from `--input-format` when given, else from the file extension. CSV and JSON
 * each cover a few spellings (`.tsv`, `.txt`; `.ndjson`, `.jsonl`); the reader sorts out the details.
 */
import { extname } from 'node:path';
import { CvmError } from '../../core/errors';
import type { FileFormat } from './types';

const EXTENSIONS: Readonly<Record<string, FileFormat>> = {
  '.csv': 'csv',
  '.txt': 'csv',
  '.tsv': 'csv',
  '.xlsx': 'xlsx',
  '.parquet': 'parquet',
  '.json': 'json',
  '.ndjson': 'json',
  '.jsonl': 'json',
};

/** Names accepted by `--input-format`, each mapped to the reader it selects. */
const FORMAT_NAMES: Readonly<Record<string, FileFormat>> = {
  csv: 'csv',
  tsv: 'csv',
  txt: 'csv',
  xlsx: 'xlsx',
  excel: 'xlsx',
  parquet: 'parquet',
  json: 'json',
  ndjson: 'json',
  jsonl: 'json',
};

/** Parses an `--input-format` value; a `usage` error lists the accepted names. */
export function parseFileFormat(text: string): FileFormat {
  const format = FORMAT_NAMES[text.trim().toLowerCase()];
  if (!format)
    throw new CvmError(
      'usage',
      `--input-format: ${JSON.stringify(text)} is not a format (expected csv, xlsx, parquet or json)`,
    );
  return format;
}

/** The format of `path` from its extension (case-insensitive); `usage` error when it has none we read. */
export function detectFileFormat(path: string): FileFormat {
  const extension = extname(path).toLowerCase();
  const format = EXTENSIONS[extension];
  if (!format)
    throw new CvmError(
      'usage',
      `${path}: cannot tell the format from the extension ${JSON.stringify(extension)} ` +
        `(expected ${Object.keys(EXTENSIONS).join(' ')}); use --input-format`,
    );
  return format;
}
