/**
 * Reading an XLSX worksheet row by row with exceljs's streaming reader (memory stays flat however long the
 * sheet). Every cell becomes text the validation reads like CSV text: numbers without float artefacts
 * (0.1 + 0.2 stored by Excel as 0.30000000000000004 reads "0.3"), date cells as ISO days or
 * "YYYY-MM-DD HH:MM:SS" wall-clock times, formulas as their cached result. The first non-empty row is the
 * header; empty rows are skipped; `line` is the worksheet's own row number.
 */
import ExcelJS from 'exceljs';
import { CvmError } from '../../core/errors';
import { msg } from '../../core/messages/catalogue';

export interface SheetRow {
  /** worksheet row number (1-based, as Excel shows it) */
  line: number;
  /** cell texts by 0-based column; null for an empty cell */
  cells: (string | null)[];
}

/**
 * Yields the rows of worksheet `sheet` (default: the first) of the XLSX file at `path`, header first.
 * `file` names the file in messages. Unreadable files and unknown sheets are `invalid-input` errors.
 */
export async function* readSheet(path: string, file: string, sheet?: string): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell date cells from numbers
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const names: string[] = [];
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name?: string }).name ?? `Sheet${names.length + 1}`;
      names.push(name);
      if (sheet !== undefined && name !== sheet) {
        for await (const _row of worksheet) {
          // other sheets are read past: the zip is one stream
        }
        continue;
      }
      for await (const row of worksheet) {
        const cells: (string | null)[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          cells[column - 1] = cellText(cell.value);
        });
        const filled = Array.from(cells, (c) => (c === undefined || c === '' ? null : c));
        if (filled.some((c) => c !== null)) yield { line: row.number, cells: filled };
      }
      return;
    }
  } catch (error) {
    if (error instanceof CvmError) throw error;
    const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new CvmError('invalid-input', msg('file.cannot-read-as', { file, format: 'XLSX', detail }), {
      cause: error,
    });
  }
  if (sheet !== undefined)
    throw new CvmError(
      'invalid-input',
      msg('file.no-sheet', { file, sheet, sheets: names.map((n) => JSON.stringify(n)).join(', ') }),
    );
  throw new CvmError('invalid-input', msg('file.no-worksheets', { file }));
}

/** The text of a cell value as the import reads it. */
export function cellText(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('error' in value) return value.error;
  return cellText(value.result);
}

/** Decimal text of a cell number, rounded to 15 significant digits (what Excel shows), never exponential. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const value = Number(n.toPrecision(15));
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return Math.abs(value) < 1 ? value.toFixed(20).replace(/\.?0+$/, '') : BigInt(Math.round(value)).toString();
}

/**
 * exceljs turns Excel's serial date numbers into Date objects whose UTC fields are the wall-clock time in
 * the sheet; reading the UTC fields keeps it independent of the machine's zone. Times are rounded to the
 * second (serial numbers carry float noise such as 10:29:59.9999).
 */
export function dateText(date: Date): string {
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000).toISOString();
  const day = rounded.slice(0, 10);
  const time = rounded.slice(11, 19);
  return time === '00:00:00' ? day : `${day} ${time}`;
}
