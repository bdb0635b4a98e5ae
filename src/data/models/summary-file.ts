/**
 * Reading a per-customer summary file: a CSV (comma or semicolon) with a header naming the columns
 * `x` or `frequency`, `t_x` or `recency`, `T`, and optionally `monetary` (also `monetary_value`, `zbar`,
 * `mbar`), an id (`id`, `customer_id`), the opportunities `n` or `periods` of a BG/BB file (which then
 * needs no T), a `weight` or `weights` (customers per row) and holdout transactions (`holdout`, `x_holdout`,
 * `frequency_holdout`, for BG/BB validation), in any order, like test/fixtures/cdnow/cdnow_customers_summary.csv.
 * Values are in the time unit the user states; nothing here converts them.
 *
 * The decision a reader needs: the whole file is checked before any model sees it, and the first bad value
 * is a one-line `invalid-input` error naming the file, the row (1 = first data row), the column and the value.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { CvmError, quoteValue } from '../../core/errors';
import { msg } from '../../core/messages/catalogue';
import type { Message } from '../../core/messages/message';
import { checkReadable } from '../import/file';
import type { CustomerSummaries } from './types';

/** A summary file's customers; `monetary` is null when the file has no spend column. */
export interface SummaryFile {
  /** the file's name, for messages and reports */
  source: string;
  summaries: Omit<CustomerSummaries, 'monetary' | 'holdout'> & {
    monetary: Float64Array | null;
    /** discrete opportunities observed per row (BG/BB), null without an `n` or `periods` column */
    n: Float64Array | null;
    /** customers each row stands for, null without a `weight` or `weights` column (then 1 each) */
    weight: Float64Array | null;
    /**
     * transactions in a holdout per customer (the mean of a weighted row), null without a `holdout`,
     * `x_holdout` or `frequency_holdout` column
     */
    holdout: Float64Array | null;
  };
}

const NAMES = {
  x: ['x', 'frequency'],
  tx: ['t_x', 'tx', 'recency'],
  T: ['t', 'age'],
  monetary: ['monetary', 'monetary_value', 'zbar', 'mbar'],
  id: ['id', 'customer_id', 'customer'],
  n: ['n', 'periods', 'opportunities'],
  weight: ['weight', 'weights'],
  holdout: ['holdout', 'x_holdout', 'frequency_holdout'],
} as const;
const LABELS = { x: 'x (or frequency)', tx: 't_x (or recency)', T: 'T' };

/**
 * Reads and checks a summary file.
 * @throws CvmError `not-found` when the file does not exist; `invalid-input` naming file, row, column and
 *   value when a column is missing or a value is not a number in range (x a whole number ≥ 0, 0 ≤ t_x ≤ T,
 *   monetary ≥ 0, and the file has at least one customer)
 */
export async function readSummaryFile(path: string): Promise<SummaryFile> {
  await checkReadable(path);
  const name = basename(path);
  const lines = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerLine = lines[0] ?? '';
  const delimiter = !headerLine.includes(',') && headerLine.includes(';') ? ';' : ',';
  const header = split(headerLine, delimiter).map((h) => h.trim());
  const find = (names: readonly string[]): number =>
    header.findIndex((h) => names.includes(h === 'T' ? 't' : h.toLowerCase()));
  const column = { x: find(NAMES.x), tx: find(NAMES.tx), T: find(NAMES.T) };
  const monetaryAt = find(NAMES.monetary);
  const idAt = find(NAMES.id);
  const nAt = find(NAMES.n);
  const weightAt = find(NAMES.weight);
  const holdoutAt = find(NAMES.holdout);
  // A file of discrete opportunities (BG/BB) has n instead of T: the observation length is n.
  if (column.T < 0 && nAt >= 0) column.T = nAt;
  const missing = (['x', 'tx', 'T'] as const).filter((c) => column[c] < 0);
  if (missing.length > 0)
    throw new CvmError(
      'invalid-input',
      msg('files.summary-header', {
        file: name,
        missing: missing.map((c) => LABELS[c]).join(', '),
        header: quoteValue(headerLine),
      }),
    );
  const ids: string[] = [];
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const monetary: number[] = [];
  const n: number[] = [];
  const weight: number[] = [];
  const holdout: number[] = [];
  let row = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    row++;
    const cells = split(line, delimiter);
    const value = (at: number, check: (n: number) => boolean, expected: () => Message): number => {
      const text = (cells[at] ?? '').trim();
      const n = text === '' ? NaN : Number(text);
      if (!Number.isFinite(n) || !check(n))
        throw new CvmError(
          'invalid-input',
          msg('files.bad-value', {
            file: name,
            row,
            column: header[at] ?? '',
            value: quoteValue(text),
            expected: expected(),
          }),
        );
      return n;
    };
    const xi = value(
      column.x,
      (v) => Number.isInteger(v) && v >= 0,
      () => msg('files.whole-min0'),
    );
    const Ti = value(
      column.T,
      (v) => v >= 0,
      () => msg('files.number-min0'),
    );
    const txi = value(
      column.tx,
      (v) => v >= 0 && v <= Ti,
      () => msg('files.number-to-T', { T: Ti }),
    );
    ids.push(idAt >= 0 ? (cells[idAt] ?? '').trim() : String(row));
    x.push(xi);
    tx.push(txi);
    T.push(Ti);
    if (monetaryAt >= 0)
      monetary.push(
        value(
          monetaryAt,
          (v) => v >= 0,
          () => msg('files.amount-min0'),
        ),
      );
    if (nAt >= 0)
      n.push(
        value(
          nAt,
          (v) => Number.isInteger(v) && v >= txi,
          () => msg('files.whole-min-tx', { tx: txi }),
        ),
      );
    if (weightAt >= 0)
      weight.push(
        value(
          weightAt,
          (v) => v >= 0,
          () => msg('files.customers-min0'),
        ),
      );
    if (holdoutAt >= 0)
      holdout.push(
        value(
          holdoutAt,
          (v) => v >= 0,
          () => msg('files.transactions-min0'),
        ),
      );
  }
  if (row === 0) throw new CvmError('invalid-input', msg('files.no-customers', { file: name }));
  return {
    source: name,
    summaries: {
      customerIds: ids,
      x: Float64Array.from(x),
      tx: Float64Array.from(tx),
      T: Float64Array.from(T),
      monetary: monetaryAt >= 0 ? Float64Array.from(monetary) : null,
      n: nAt >= 0 ? Float64Array.from(n) : null,
      weight: weightAt >= 0 ? Float64Array.from(weight) : null,
      holdout: holdoutAt >= 0 ? Float64Array.from(holdout) : null,
    },
  };
}

/** Splits a CSV line; a field in double quotes may hold the delimiter. */
function split(line: string, delimiter: string): string[] {
  if (!line.includes('"')) return line.split(delimiter);
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}
