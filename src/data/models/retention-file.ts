/**
 * Reading the data of the sBG retention model from a CSV file (comma or semicolon), one of two shapes told
 * apart by the header:
 *
 * - **cohort survival counts**: `period` (also `year`, `t`) and `surviving` (also `alive`, `survivors`,
 *   `customers`): the customers of one cohort still subscribed after each period, periods 0, 1, …, n in
 *   order, counts never rising;
 * - **individual lifetimes**: `periods` (also `lifetime`, `tenure`) and `churned` (true/false, yes/no, 1/0),
 *   optionally `weight` (customers per row): churned in period `periods` (≥ 1), or still subscribed after
 *   `periods` (≥ 0).
 *
 * The decision a reader needs: the whole file is checked before the model sees it, and the first bad value
 * is a one-line `invalid-input` error naming the file, the row (1 = first data row), the column and the value.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { CvmError, quoteValue } from '../../core/errors';
import { msg } from '../../core/messages/catalogue';
import type { Message } from '../../core/messages/message';
import type { SbgLifetime } from '../../core/models/sbg';
import { checkReadable } from '../import/file';

/** A retention file's data: survival counts by period, or individual lifetimes. */
export type RetentionFile =
  | { source: string; kind: 'survival'; surviving: number[] }
  | { source: string; kind: 'lifetimes'; lifetimes: SbgLifetime[] };

const NAMES = {
  period: ['period', 'year', 't'],
  surviving: ['surviving', 'alive', 'survivors', 'customers'],
  periods: ['periods', 'lifetime', 'tenure'],
  churned: ['churned'],
  weight: ['weight', 'weights'],
} as const;

const TRUE = new Set(['true', 'yes', '1', 'ja']);
const FALSE = new Set(['false', 'no', '0', 'nej']);

/**
 * Reads and checks a retention file.
 * @throws CvmError `not-found` when the file does not exist; `invalid-input` naming the file, row, column
 *   and value when the header fits neither shape or a value is out of range
 */
export async function readRetentionFile(path: string): Promise<RetentionFile> {
  await checkReadable(path);
  const name = basename(path);
  const lines = (await readFile(path, 'utf8'))
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line, i) => i === 0 || line.trim() !== '');
  const headerLine = lines[0] ?? '';
  const delimiter = !headerLine.includes(',') && headerLine.includes(';') ? ';' : ',';
  const header = headerLine.split(delimiter).map((h) => h.trim().replace(/^"|"$/g, ''));
  const find = (names: readonly string[]): number => header.findIndex((h) => names.includes(h.toLowerCase()));
  const rows = lines.slice(1).map((line) => line.split(delimiter).map((c) => c.trim()));
  const fail = (row: number, at: number, text: string, expected: Message): CvmError =>
    new CvmError(
      'invalid-input',
      msg('files.bad-value', {
        file: name,
        row,
        column: header[at] ?? '',
        value: quoteValue(text),
        expected,
      }),
    );
  const number = (row: number, at: number, check: (v: number) => boolean, expected: Message): number => {
    const text = rows[row - 1]?.[at] ?? '';
    const v = text === '' ? NaN : Number(text);
    if (!Number.isFinite(v) || !check(v)) throw fail(row, at, text, expected);
    return v;
  };

  const periodAt = find(NAMES.period);
  const survivingAt = find(NAMES.surviving);
  const periodsAt = find(NAMES.periods);
  const churnedAt = find(NAMES.churned);
  if (periodAt >= 0 && survivingAt >= 0) {
    if (rows.length < 2)
      throw new CvmError(
        'invalid-input',
        msg('files.survival-periods', { file: name, periods: rows.length }),
      );
    const surviving: number[] = [];
    rows.forEach((_, i) => {
      const row = i + 1;
      number(row, periodAt, (v) => v === i, msg('files.period-in-order', { period: i }));
      const previous = surviving[i - 1];
      surviving.push(
        number(
          row,
          survivingAt,
          (v) => v >= 0 && (previous === undefined || v <= previous),
          previous === undefined ? msg('files.customers-min0') : msg('files.customers-up-to', { previous }),
        ),
      );
    });
    if (!((surviving[0] as number) > 0))
      throw fail(1, survivingAt, String(surviving[0]), msg('files.cohort-start'));
    return { source: name, kind: 'survival', surviving };
  }
  if (periodsAt >= 0 && churnedAt >= 0) {
    const weightAt = find(NAMES.weight);
    if (rows.length === 0) throw new CvmError('invalid-input', msg('files.no-customers', { file: name }));
    const lifetimes = rows.map((cells, i): SbgLifetime => {
      const row = i + 1;
      const flag = (cells[churnedAt] ?? '').toLowerCase();
      if (!TRUE.has(flag) && !FALSE.has(flag))
        throw fail(row, churnedAt, cells[churnedAt] ?? '', msg('files.true-false'));
      const churned = TRUE.has(flag);
      const periods = number(
        row,
        periodsAt,
        (v) => Number.isInteger(v) && v >= (churned ? 1 : 0),
        churned ? msg('files.periods-churned') : msg('files.periods-min0'),
      );
      const weight = weightAt >= 0 ? number(row, weightAt, (v) => v >= 0, msg('files.customers-min0')) : 1;
      return { periods, churned, weight };
    });
    return { source: name, kind: 'lifetimes', lifetimes };
  }
  throw new CvmError(
    'invalid-input',
    msg('files.retention-header', { file: name, header: quoteValue(headerLine) }),
  );
}
