/**
 * Writing per-customer predictions to a CSV file, column by column from typed arrays, in blocks of rows so
 * that a million customers never become one string. A null or non-finite value is an empty field.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { CvmError } from '../../core/errors';
import { msg } from '../../core/messages/catalogue';

/** One output column: its header and a value per row (strings as they are, numbers rounded). */
export interface OutputColumn {
  name: string;
  values: ArrayLike<number | null> | readonly string[];
  /** digits after the decimal point for numbers; default 6 */
  decimals?: number;
}

const BLOCK = 10_000;

/**
 * Writes `columns` (all of the same length) to `path`, replacing it. Each block of rows is written into one
 * byte buffer: numbers of a typed array are rounded to their decimals as an integer and its digits written
 * directly (what `String` of the rounded number prints, without a string per cell); other cells go through
 * `cell`.
 * @throws CvmError `data-source` naming the file when it cannot be written
 */
export async function writeCsvColumns(path: string, columns: readonly OutputColumn[]): Promise<void> {
  const rows = columns[0]?.values.length ?? 0;
  const out = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => {
    out.on('error', (error) =>
      reject(
        new CvmError('data-source', msg('files.cannot-write', { path, detail: error.message }), {
          cause: error,
        }),
      ),
    );
  });
  // handled where it is raced; this only keeps an early failure from being an unhandled rejection
  failed.catch(() => undefined);
  const write = async (chunk: string | Buffer): Promise<void> => {
    if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
  };
  try {
    await write(columns.map((c) => cell(c.name, 0)).join(',') + '\n');
    const writers = columns.map(writer);
    const last = columns.length - 1;
    let buffer = Buffer.allocUnsafe(1 << 20);
    for (let from = 0; from < rows; from += BLOCK) {
      const to = Math.min(rows, from + BLOCK);
      let at = 0;
      for (let i = from; i < to; i++) {
        for (let c = 0; c <= last; c++) {
          // the longest numeric cell is 1e9 with 15 decimals and a sign; strings say how long they are
          const room = at + 64 + (writers[c] as CellWriter).width(i);
          if (room > buffer.length) {
            const grown = Buffer.allocUnsafe(Math.max(2 * buffer.length, room));
            buffer.copy(grown, 0, 0, at);
            buffer = grown;
          }
          at = (writers[c] as CellWriter).write(buffer, at, i);
          buffer[at++] = c < last ? COMMA : NEWLINE;
        }
      }
      // a copy: the stream may still hold the bytes when the next block overwrites the buffer
      await write(Buffer.from(buffer.subarray(0, at)));
    }
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
  } finally {
    out.destroy();
  }
}

const COMMA = 0x2c;
const NEWLINE = 0x0a;
const RETURN = 0x0d;
const QUOTE = 0x22;
const MINUS = 0x2d;
const POINT = 0x2e;
const ZERO = 0x30;

/** Writes row i of a column into a buffer at a position and returns the position after it. */
interface CellWriter {
  /** bytes beyond 64 that row i may need */
  width: (i: number) => number;
  write: (buffer: Buffer, at: number, i: number) => number;
}

function writer(column: OutputColumn): CellWriter {
  const { values } = column;
  const decimals = column.decimals ?? 6;
  if (values instanceof Float64Array) {
    const scale = 10 ** decimals;
    return {
      width: () => 0,
      write: (buffer, at, i) => {
        const v = values[i] as number;
        if (!Number.isFinite(v)) return at;
        const scaled = Math.round(v * scale);
        if (Math.abs(v) >= 1e9 || !Number.isSafeInteger(scaled) || decimals > 15)
          return at + buffer.write(cell(v, decimals), at, 'latin1');
        return writeScaled(buffer, at, scaled, decimals);
      },
    };
  }
  return {
    width: (i) => {
      const v = values[i];
      return 3 * (typeof v === 'string' ? v.length : String(v ?? '').length) + 2;
    },
    write: (buffer, at, i) => {
      const v = values[i];
      if (typeof v === 'string') {
        const end = writePlain(buffer, at, v);
        if (end >= 0) return end;
      }
      return at + buffer.write(cell(v, decimals), at, 'utf8');
    },
  };
}

/**
 * Writes a string of ASCII characters that need no quoting (no quote, comma or line break) byte by byte
 * and returns the position after it; -1, having written nothing that counts, when the string is anything
 * else. A customer id is such a string: a byte per character instead of a test and an encoding per cell.
 */
function writePlain(buffer: Buffer, at: number, value: string): number {
  const length = value.length;
  for (let k = 0; k < length; k++) {
    const code = value.charCodeAt(k);
    if (code >= 0x80 || code === QUOTE || code === COMMA || code === NEWLINE || code === RETURN) return -1;
    buffer[at + k] = code;
  }
  return at + length;
}

/**
 * The decimal k / 10^decimals without trailing zeros after the point (and without the point when nothing
 * is left after it), as `String(Math.round(v · 10^d) / 10^d)` prints it for |v| < 1e9.
 */
function writeScaled(buffer: Buffer, at: number, scaled: number, decimals: number): number {
  if (scaled === 0) {
    buffer[at] = ZERO;
    return at + 1;
  }
  if (scaled < 0) {
    buffer[at++] = MINUS;
    scaled = -scaled;
  }
  // digits, least significant first, into the end of a 32-byte scratch area
  let digits = 0;
  let rest = scaled;
  // above 2^31 in doubles, then in 32-bit integers (a division the engine does as integers)
  while (rest > 0x7fffffff) {
    const next = Math.floor(rest / 10);
    SCRATCH[31 - digits++] = ZERO + (rest - next * 10);
    rest = next;
  }
  let small = rest | 0;
  while (small > 0) {
    const next = (small / 10) | 0;
    SCRATCH[31 - digits++] = ZERO + (small - next * 10);
    small = next;
  }
  // leading zeros so that there is at least one digit before the point
  while (digits <= decimals) SCRATCH[31 - digits++] = ZERO;
  let end = 32;
  let fraction = decimals;
  while (fraction > 0 && SCRATCH[end - 1] === ZERO) {
    end--;
    fraction--;
  }
  const start = 32 - digits;
  const integerEnd = 32 - decimals;
  for (let k = start; k < integerEnd; k++) buffer[at++] = SCRATCH[k] as number;
  if (fraction > 0) {
    buffer[at++] = POINT;
    for (let k = integerEnd; k < end; k++) buffer[at++] = SCRATCH[k] as number;
  }
  return at;
}

const SCRATCH = new Uint8Array(32);

function cell(value: number | string | null | undefined, decimals: number): string {
  if (typeof value === 'string') return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return String(Number(value.toFixed(decimals)));
}
