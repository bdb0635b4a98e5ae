/**
 * Files of the customer-strategy commands: reading a rules file (JSON, or YAML by its extension; what it
 * says is checked by core's `parseRules`) and writing the next-best-action export (CSV as RFC 4180 with a
 * header row, or a JSON array by the `.json` extension), replacing the file.
 */
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { CvmError } from '../../core/errors';
import { msg } from '../../core/messages/catalogue';
import { csvField } from '../../core/text/csv';
import { readYamlOrJson } from '../yaml-json-file';

/**
 * The parsed content of the rules file at `path`.
 * @throws CvmError `not-found` (no such file), `data-source` (unreadable), `invalid-input` (malformed)
 */
export function readRulesJson(path: string): Promise<unknown> {
  return readYamlOrJson(path, 'rules');
}

/** An export row: column name → value (text, number, boolean or null). */
export type ExportRow = Record<string, string | number | boolean | null>;

/**
 * Writes `rows` with `columns` to `path`: JSON (an array of objects) when the name ends in `.json`, else CSV.
 * @throws CvmError `data-source` naming the file when it cannot be written
 */
export async function writeExport(
  path: string,
  columns: readonly string[],
  rows: readonly ExportRow[],
): Promise<void> {
  const json = extname(path).toLowerCase() === '.json';
  const text = json
    ? JSON.stringify(rows, null, 2) + '\n'
    : [
        columns.join(','),
        ...rows.map((r) => columns.map((c) => csvField(String(r[c] ?? ''))).join(',')),
      ].join('\n') + '\n';
  try {
    await writeFile(path, text, 'utf8');
  } catch (error) {
    throw new CvmError(
      'data-source',
      msg('files.cannot-write', { path, detail: error instanceof Error ? error.message : String(error) }),
      { cause: error },
    );
  }
}
