/**
 * Which reader a file needs: from the import's `inputFormat` option when given, else from the file extension. CSV and JSON
 * each cover a few spellings (`.tsv`, `.txt`; `.ndjson`, `.jsonl`); the reader sorts out the details.
 */
import { extname } from 'node:path';
import { invalidOption } from '../../core/errors';
import { msg } from '../../core/messages/catalogue';
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

/** Names accepted as an input format, each mapped to the reader it selects. */
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

/** The reader a format name selects, or undefined for a name we do not know. */
export function fileFormatNamed(text: string): FileFormat | undefined {
  return FORMAT_NAMES[text.trim().toLowerCase()];
}

/** The format names accepted, for messages. */
export const FORMAT_CHOICES = 'csv, xlsx, parquet or json';

/**
 * The format of `path` from its extension (case-insensitive); an `inputFormat` option problem when it has
 * none we read (naming the format is the way out).
 */
export function detectFileFormat(path: string): FileFormat {
  const extension = extname(path).toLowerCase();
  const format = EXTENSIONS[extension];
  if (!format)
    throw invalidOption(
      'inputFormat',
      undefined,
      FORMAT_CHOICES,
      msg('file.unknown-format', { path, extension, expected: Object.keys(EXTENSIONS).join(' ') }),
    );
  return format;
}
