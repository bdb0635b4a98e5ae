/**
 * `cvm report portfolio|flows|concentration --value clv` on the CDNOW sample log: the tiers are the window's
 * buyers ranked by the CLV `cvm model predict` writes for the window's end, the tables label the predicted
 * figures, and the refusals (an option of clv without it, too little history) exit 2 with one line.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { competitionRanks, DEFAULT_TIERS, tierCutoffs, tierOfRank } from '../../src/core/kpi/tiers';
import { readCdnowLog } from '../cdnow-fixture';
import { cliOn } from '../cli';

const dir = mkdtempSync(join(tmpdir(), 'cvm-clv-basis-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cvm = cliOn(join(dir, 'cdnow.duckdb'));

describe('cvm report … --value clv', () => {
  beforeAll(() => {
    const csv = join(dir, 'cdnow.csv');
    writeFileSync(
      csv,
      'order_id,customer_id,order_date,amount\n' +
        readCdnowLog()
          .map((t) => `${t.orderId},${t.customerId},${t.day},${t.amount}`)
          .join('\n') +
        '\n',
    );
    const run = cvm('import', 'transactions', csv);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('cuts the S12 buyers by the CLV model predict gives as of the as-of day', () => {
    const out = join(dir, 'predictions.csv');
    const predict = cvm('model', 'predict', '--calibration-end', '1998-06-30', '--out', out);
    expect(predict.status).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    const header = lines[0]!.split(',');
    const [idCol, clvCol] = [header.indexOf('customer_id'), header.indexOf('clv')];
    const clv = new Map(lines.slice(1).map((l) => [l.split(',')[idCol]!, Number(l.split(',')[clvCol])]));
    const buyers = [
      ...new Set(
        readCdnowLog()
          .filter((t) => t.day > '1997-06-30' && t.day <= '1998-06-30')
          .map((t) => t.customerId),
      ),
    ];
    expect(buyers).toHaveLength(812);
    const values = buyers.map((id) => clv.get(id)!);
    const ranks = competitionRanks(values);
    const cutoffs = tierCutoffs(buyers.length, DEFAULT_TIERS);
    const sums = [0, 0, 0, 0];
    const counts = [0, 0, 0, 0];
    values.forEach((v, i) => {
      const t = tierOfRank(ranks[i]!, cutoffs);
      sums[t]! += v;
      counts[t]! += 1;
    });
    expect(counts).toEqual([41, 122, 406, 243]);

    const run = cvm('--format', 'json', 'report', 'portfolio', '--as-of', '1998-06-30', '--value', 'clv');
    expect(run.stderr).toBe('');
    const r = JSON.parse(run.stdout) as {
      value: string;
      clv: { model: string; horizonMonths: number; discountRate: number; timeUnit: string };
      tiers: { customers: number; value: number; clv: number }[];
    };
    expect(r.value).toBe('clv');
    expect(r.clv).toMatchObject({ model: 'bgnbd', horizonMonths: 12, discountRate: 0.1, timeUnit: 'week' });
    expect(r.tiers.map((t) => t.customers)).toEqual(counts);
    // the predictions file rounds CLV to the cent: 41 to 406 cents of rounding at most per tier
    r.tiers.forEach((t, i) => expect(Math.abs(t.value - sums[i]!)).toBeLessThan(counts[i]! * 0.005 + 1e-6));

    const table = cvm('report', 'portfolio', '--as-of', '1998-06-30', '--value', 'clv', '--table', 'value');
    expect(table.stdout).toContain('Predicted CLV per customer (12 mo)');
    expect(table.stdout).toContain('Predicted value (12 mo)');
    expect(table.stdout).toContain('the values are model predictions, not observed revenue');
    const sv = cvm('--lang', 'sv', 'report', 'portfolio', '--as-of', '1998-06-30', '--value', 'clv');
    expect(sv.stdout).toContain('Predikterat CLV (12 mån)');
    expect(sv.stdout).toContain('värdena är modellprognoser, inte observerad intäkt');
  });

  it('labels the flows and the concentration, with the horizon asked for', () => {
    const flows = cvm('report', 'flows', '--as-of', '1998-06-30', '--value', 'clv', '--horizon', '24');
    expect(flows.status).toBe(0);
    expect(flows.stdout).toContain('Predicted CLV (24 mo)');
    const conc = cvm(
      '--format',
      'csv',
      'report',
      'concentration',
      '--as-of',
      '1998-06-30',
      '--value',
      'clv',
      '--discount-rate',
      '0',
    );
    expect(conc.status).toBe(0);
    const json = cvm(
      '--format',
      'json',
      'report',
      'concentration',
      '--as-of',
      '1998-06-30',
      '--value',
      'clv',
    );
    expect((JSON.parse(json.stdout) as { customers: number }).customers).toBe(812);
  });

  it('refuses an option of clv without it, and too little history, in one line with exit 2', () => {
    const horizon = cvm('report', 'portfolio', '--as-of', '1998-06-30', '--horizon', '6');
    expect(horizon.status).toBe(2);
    expect(horizon.stderr.trim()).toBe('cvm: --horizon: applies to value clv only');
    // as of 1997-01-10 with 1-month windows the previous window ends 1996-12-10, before the first purchase
    // (nobody to rank, nothing to fit), and the current window's end has 10 days of history
    const early = cvm('report', 'portfolio', '--as-of', '1997-01-10', '--window', '1', '--value', 'clv');
    expect(early.status).toBe(2);
    expect(early.stderr.trim()).toMatch(
      /^cvm: --value: too little history to fit the CLV models as of 1997-01-10 \(the current window's end\): \d+ customers with a purchase by then, \d of them with a repeat purchase and a positive spend, 10 needed; rank by revenue, or choose a later --as-of$/,
    );
    expect(early.stderr).not.toContain('    at ');
  });
});
