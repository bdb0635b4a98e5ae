/**
 * Writes generated rows as the CSV files a user would import: comma-separated, UTF-8 without BOM, "\n"
 * line ends, a header of canonical column names, ISO days, money with two decimals, empty for null. Bytes
 * depend on the rows only, so the same seed gives byte-identical files.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { KINDS, type ColumnType, type KindName } from '../../core/kinds';
import { csvField } from '../../core/text/csv';
import type { Cell, Row } from './rows';

/** Lines buffered before one write: keeps memory flat for millions of rows. */
const CHUNK = 20_000;

/** One CSV field: money with two decimals, booleans as true/false, text quoted where needed. */
function field(value: Cell, type: ColumnType): string {
  if (value === null) return '';
  if (typeof value === 'number') return type === 'money' ? value.toFixed(2) : String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return csvField(value);
}

/** File name of a kind's demo file. */
export function demoFileName(kind: KindName): string {
  return `${kind}.csv`;
}

/** Writes `rows` of `kind` to `<dir>/<kind>.csv` and returns the path. */
export function writeKindCsv(dir: string, kind: KindName, rows: readonly Row[]): string {
  const columns = KINDS[kind].columns;
  const path = join(dir, demoFileName(kind));
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, columns.map((c) => c.name).join(',') + '\n');
    for (let start = 0; start < rows.length; start += CHUNK) {
      const lines: string[] = [];
      for (const row of rows.slice(start, start + CHUNK)) {
        if (row.length !== columns.length)
          throw new Error(`internal error: ${kind} row has ${row.length} cells, expected ${columns.length}`);
        lines.push(row.map((cell, i) => field(cell, columns[i]?.type ?? 'text')).join(','));
      }
      writeSync(fd, lines.join('\n') + '\n');
    }
  } finally {
    closeSync(fd);
  }
  return path;
}
