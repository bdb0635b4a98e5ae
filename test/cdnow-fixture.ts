/**
 * Readers for the CDNOW reference summaries in test/fixtures/cdnow (weeks; see its README for source and
 * licence). Tests only: the models themselves never read files.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('./fixtures/cdnow/', import.meta.url));

function readRows(file: string): number[][] {
  return readFileSync(dir + file, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',').map(Number));
}

/** One row per customer: repeat purchases x, recency tx and age T in weeks. */
export function readCdnowSummary(): { x: number; tx: number; T: number }[] {
  return readRows('cdnow_customers_summary.csv').map(([, x = 0, tx = 0, T = 0]) => ({ x, tx, T }));
}

/** One row per customer: x, tx, T in weeks and mbar, the mean value of the repeat purchases (0 when x = 0). */
export function readCdnowSpend(): { x: number; tx: number; T: number; mbar: number }[] {
  return readRows('cdnow_customers_summary_with_transactions.csv').map(
    ([, x = 0, tx = 0, T = 0, mbar = 0]) => ({
      x,
      tx,
      T,
      mbar,
    }),
  );
}

/** One transaction of the CDNOW 1/10 sample log: order id (line number), sample customer id, ISO day, dollars. */
export interface CdnowTransaction {
  orderId: string;
  customerId: string;
  day: string;
  amount: string;
}

/** The 6,919 transactions of CDNOW_sample.txt; customer ids are the summaries' `ID` (no leading zeros). */
export function readCdnowLog(): CdnowTransaction[] {
  return readFileSync(dir + 'CDNOW_sample.txt', 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((line, i) => {
      const [, sample = '', date = '', , dollars = ''] = line.trim().split(/\s+/);
      return {
        orderId: `t${i + 1}`,
        customerId: String(Number(sample)),
        day: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`,
        amount: dollars,
      };
    });
}
