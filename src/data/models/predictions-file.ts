/**
 * Writing per-customer predictions to a CSV file, column by column from typed arrays, in blocks of rows so
 * that a million customers never become one string. A null or non-finite value is an empty field.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { CvmError } from '../../core/errors';

/** One output column: its header and a value per row (strings as they are, numbers rounded). */
export interface OutputColumn {
  name: string;
  values: ArrayLike<number | null> | readonly string[];
  /** digits after the decimal point for numbers; default 6 */
  decimals?: number;
}

const BLOCK = 10_000;

/**
 * Writes `columns` (all of the same length) to `path`, replacing it.
 * @throws CvmError `data-source` naming the file when it cannot be written
 */
export async function writeCsvColumns(path: string, columns: readonly OutputColumn[]): Promise<void> {
  const rows = columns[0]?.values.length ?? 0;
  const out = createWriteStream(path, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => {
    out.on('error', (error) =>
      reject(new CvmError('data-source', `cannot write ${path}: ${error.message}`, { cause: error })),
    );
  });
  // handled where it is raced; this only keeps an early failure from being an unhandled rejection
  failed.catch(() => undefined);
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await Promise.race([once(out, 'drain'), failed]);
  };
  try {
    await write(columns.map((c) => cell(c.name, 0)).join(',') + '\n');
    const format = columns.map(formatter);
    const last = columns.length - 1;
    for (let from = 0; from < rows; from += BLOCK) {
      let text = '';
      for (let i = from; i < Math.min(rows, from + BLOCK); i++) {
        for (let c = 0; c <= last; c++)
          text += (format[c] as (i: number) => string)(i) + (c < last ? ',' : '\n');
      }
      await write(text);
    }
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
  } finally {
    out.destroy();
  }
}

/** The cell text of row i of a column; numbers of a typed array take the fast path. */
function formatter(column: OutputColumn): (i: number) => string {
  const { values } = column;
  const decimals = column.decimals ?? 6;
  if (values instanceof Float64Array) {
    const scale = 10 ** decimals;
    return (i) => {
      const v = values[i] as number;
      if (!Number.isFinite(v)) return '';
      // The double nearest to the rounded decimal prints as that decimal (or a shorter equal one).
      const rounded = Math.round(v * scale) / scale;
      return Math.abs(v) < 1e9 && Number.isFinite(rounded) ? String(rounded + 0) : cell(v, decimals);
    };
  }
  return (i) => cell(values[i], decimals);
}

function cell(value: number | string | null | undefined, decimals: number): string {
  if (typeof value === 'string') return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return String(Number(value.toFixed(decimals)));
}
