/**
 * The customer page's P(alive) and predicted CLV (`cvm customer ID`) on the CDNOW 1/10 sample log as of
 * 1997-09-30: the same figures `cvm model predict` writes for that customer with the same options, and the
 * core BG/NBD formula at the fitted parameters. Customer 1 bought on 1997-01-01, 01-18 and 08-02: x = 2
 * repeat purchases, t_x = 213 days = 30.43 weeks, T = 272 days = 38.86 weeks (the published summary's row).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/app/open-store';
import { pAliveBgNbd } from '../../src/core/models/bg-nbd';
import { readCdnowLog } from '../cdnow-fixture';
import { cliOn } from '../cli';
import { landRows } from '../conformance/load';

const dir = mkdtempSync(join(tmpdir(), 'cvm-customer-model-'));
const file = join(dir, 'cdnow.duckdb');
const cvm = cliOn(file);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const store = await openStore(file);
  await store.unit((unit) =>
    landRows(
      unit,
      'transactions',
      ['order_id', 'customer_id', 'order_date', 'amount'],
      readCdnowLog().map((t) => [t.orderId, t.customerId, t.day, t.amount]),
    ),
  );
  await store.close();
});

interface Model {
  model: string;
  name: string;
  spendModel: string | null;
  calibrationEnd: string;
  timeUnit: string;
  horizonMonths: number;
  horizon: number;
  discountRate: number;
  fittedCustomers: number;
  x: number;
  tx: number;
  T: number;
  pAlive: number;
  expectedPurchases: number;
  expectedSpend: number | null;
  clv: number | null;
}

/** The predictions file's row of each customer, by id. */
function predictionsOf(csv: string): Map<string, Record<string, string>> {
  const [header, ...lines] = readFileSync(csv, 'utf8').trimEnd().split('\n');
  const names = (header ?? '').split(',');
  return new Map(
    lines.map((line) => {
      const cells = line.split(',');
      return [cells[0] ?? '', Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']))];
    }),
  );
}

describe('cvm customer: P(alive) and predicted CLV', () => {
  it("equal model predict's figures for the customer, and the core formula at the fitted parameters", () => {
    const out = join(dir, 'predictions.csv');
    const predicted = cvm(
      ...['--format', 'json', 'model', 'predict', '--calibration-end', '1997-09-30', '--out', out],
    );
    expect(predicted.stderr).toBe('');
    const fit = (JSON.parse(predicted.stdout) as { purchaseFit: { params: Record<string, number> } })
      .purchaseFit.params;
    const rows = predictionsOf(out);
    for (const id of ['1', '2', '18']) {
      const run = cvm('--format', 'json', 'customer', id, '--as-of', '1997-09-30');
      expect(run.stderr).toBe('');
      const m = (JSON.parse(run.stdout) as { model: Model }).model;
      const row = rows.get(id) ?? {};
      expect(m.x).toBe(Number(row.x));
      // the file rounds to 6 decimals (money to 2) and drops trailing zeros
      expect(Number(m.pAlive.toFixed(6))).toBe(Number(row.p_alive));
      expect(Number(m.expectedPurchases.toFixed(6))).toBe(Number(row.expected_purchases));
      expect(Number(m.clv?.toFixed(2))).toBe(Number(row.clv));
      expect(pAliveBgNbd(fit as never, m.x, m.tx, m.T)).toBeCloseTo(m.pAlive, 12);
    }
    const one = JSON.parse(cvm('--format', 'json', 'customer', '1', '--as-of', '1997-09-30').stdout) as {
      model: Model;
      notes: string[];
    };
    expect(one.model).toMatchObject({
      model: 'bgnbd',
      name: 'BG/NBD',
      spendModel: 'Gamma-Gamma',
      calibrationEnd: '1997-09-30',
      timeUnit: 'week',
      horizonMonths: 12,
      discountRate: 0.1,
      fittedCustomers: 2357,
      x: 2,
    });
    expect(one.model.tx).toBeCloseTo(213 / 7, 10);
    expect(one.model.T).toBeCloseTo(272 / 7, 10);
    // 12 months of weeks: 52.18
    expect(one.model.horizon).toBeCloseTo(365.25 / 7, 6);
    expect(one.model.pAlive).toBeGreaterThan(0);
    expect(one.model.pAlive).toBeLessThan(1);
    // no model note: the fit converged; customer 1 also bought on 1997-12-12, after the as-of day
    expect(one.notes).toEqual([
      '1 is not in the customers table: only the rows of other tables are shown',
      'the history shows every order; 1 of its months lies after the as-of day 1997-09-30',
    ]);
  });

  it('takes the horizon and discount rate, and prints the model table in English and Swedish', () => {
    const run = cvm(
      ...['--format', 'json', 'customer', '1', '--as-of', '1997-09-30', '--horizon', '24'],
      ...['--discount-rate', '0'],
    );
    const m = (JSON.parse(run.stdout) as { model: Model }).model;
    const base = (
      JSON.parse(cvm('--format', 'json', 'customer', '1', '--as-of', '1997-09-30').stdout) as { model: Model }
    ).model;
    expect(m).toMatchObject({ horizonMonths: 24, discountRate: 0 });
    expect(m.pAlive).toBe(base.pAlive);
    // twice the time and no discounting: more purchases and a larger CLV
    expect(m.expectedPurchases).toBeGreaterThan(base.expectedPurchases);
    expect(m.clv ?? 0).toBeGreaterThan(base.clv ?? 0);
    const en = cvm('customer', '1', '--as-of', '1997-09-30', '--table', 'model');
    expect(en.stdout).toContain(
      'Predicted CLV: BG/NBD + Gamma-Gamma fitted on 2357 customers up to 1997-09-30, in weeks; 12 months ahead at 10 % a year',
    );
    expect(en.stdout).toContain('P(alive)');
    const sv = cvm('--lang', 'sv', 'customer', '1', '--as-of', '1997-09-30', '--table', 'model');
    expect(sv.stdout).toContain('i veckor; 12 månader framåt med 10 % per år');
    expect(sv.stdout).toContain('P(aktiv)');
    const csv = cvm('--format', 'csv', 'customer', '1', '--as-of', '1997-09-30', '--table', 'model');
    expect(csv.stdout.split('\n')[0]).toBe('x,tx,T,pAlive,expectedPurchases,expectedSpend,clv');
    expect(csv.stdout.split('\n')[1]?.split(',')[0]).toBe('2');
  });

  it('says in a note that a customer who bought only after the as-of day has no figures', () => {
    // 1997-01-15: customer 1 bought on 01-01 only; customer 2357's one purchase is on 1997-03-25
    const early = cvm('--format', 'json', 'customer', '1', '--as-of', '1997-01-15');
    const m = JSON.parse(early.stdout) as { model: Model | null; notes: string[] };
    expect(m.model?.x).toBe(0);
    const later = JSON.parse(cvm('--format', 'json', 'customer', '2357', '--as-of', '1997-01-15').stdout) as {
      model: Model | null;
      notes: string[];
    };
    expect(later.model).toBeNull();
    expect(later.notes).toContain(
      '2357 made no purchase by 1997-01-15: the models have no history of theirs, so no P(alive) or CLV is shown',
    );
  });
});
