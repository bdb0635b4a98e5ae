/**
 * The model use cases in-process: fits from the CDNOW summary files reproduce the published parameters,
 * predictions are written per customer, validation on the CDNOW log gives finite errors and a tracking
 * curve, and a store fit on a small demo converges.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/app/open-store';
import { fitModel } from '../../src/app/models/fit';
import { predict } from '../../src/app/models/predict';
import { validateModel } from '../../src/app/models/validate';
import { parseOptions } from '../../src/app/options/parse';
import { fitInput, predictInput, validateInput, type ValidateInput } from '../../src/app/options/models';
import type { Store } from '../../src/data/store';
import { readCdnowLog, readCdnowSummary } from '../cdnow-fixture';
import { landRows } from '../conformance/load';
import { expectAllFinite } from '../finite';

const SUMMARY = 'test/fixtures/cdnow/cdnow_customers_summary.csv';
const SPEND = 'test/fixtures/cdnow/cdnow_customers_summary_with_transactions.csv';
const dir = mkdtempSync(join(tmpdir(), 'cvm-models-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('model fit from a summary file', () => {
  it('gives the published BG/NBD and Gamma-Gamma fits', async () => {
    const bg = await fitModel('bgnbd', parseOptions(fitInput, { model: 'bgnbd', summary: SUMMARY }));
    expect(bg).toMatchObject({ model: 'bgnbd', name: 'BG/NBD', timeUnit: 'week', customers: 2357 });
    expect(bg.converged).toBe(true);
    expect(bg.params.r).toBeCloseTo(0.243, 3);
    expect(bg.params.alpha).toBeCloseTo(4.414, 3);
    expect(bg.logLikelihood).toBeCloseTo(-9582.4, 1);
    expectAllFinite(bg);
    const gg = await fitModel('gammagamma', { summary: SPEND, timeUnit: 'week' });
    expect(gg.customers).toBe(946);
    expect(gg.params.p).toBeCloseTo(6.25, 2);
    expect(gg.params.q).toBeCloseTo(3.74, 2);
    expect(gg.params.gamma).toBeCloseTo(15.44, 1);
  });

  it('names file, row, column and value of a bad summary', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'ID,frequency,recency,T\n1,2,30.43,38.86\n2,1.5,1.71,38.86\n');
    await expect(fitModel('bgnbd', { summary: bad, timeUnit: 'week' })).rejects.toThrow(
      'bad.csv: row 2, column frequency: "1.5" is not a whole number ≥ 0',
    );
    writeFileSync(bad, 'ID,frequency,recency,T\n1,2,40,38.86\n');
    await expect(fitModel('bgnbd', { summary: bad, timeUnit: 'week' })).rejects.toThrow(
      'bad.csv: row 1, column recency: "40" is not a number from 0 to T = 38.86',
    );
    writeFileSync(bad, 'ID,frequency,T\n1,2,38.86\n');
    await expect(fitModel('bgnbd', { summary: bad, timeUnit: 'week' })).rejects.toThrow(
      'bad.csv: no column t_x (or recency) in the header',
    );
    await expect(fitModel('gammagamma', { summary: SUMMARY, timeUnit: 'week' })).rejects.toThrow(
      'cdnow_customers_summary.csv has no monetary column',
    );
    await expect(
      fitModel('bgnbd', { summary: SUMMARY, calibrationEnd: '1997-09-30', timeUnit: 'week' }),
    ).rejects.toThrow('"1997-09-30" applies to the store, and a summary file is summarised already');
  });

  it('fits BG/BB on the weighted donations file (Fader, Hardie & Shang 2010)', async () => {
    const fit = await fitModel('bgbb', {
      summary: 'test/fixtures/donations/donations.csv',
      timeUnit: 'week',
    });
    expect(fit).toMatchObject({ name: 'BG/BB', customers: 11104, converged: true });
    expect(fit.params.alpha).toBeCloseTo(1.204, 3);
    expect(fit.params.beta).toBeCloseTo(0.75, 3);
    expect(fit.params.gamma).toBeCloseTo(0.657, 3);
    expect(fit.params.delta).toBeCloseTo(2.783, 3);
    await expect(fitModel('bgbb', { summary: SUMMARY, timeUnit: 'week' })).rejects.toThrow(
      'cdnow_customers_summary.csv: no column n (or periods)',
    );
  });
});

describe('model predict from a summary file', () => {
  it('writes P(alive), expected purchases, spend and CLV per customer', async () => {
    const out = join(dir, 'predictions.csv');
    const report = await predict(
      parseOptions(predictInput, { summary: SPEND, out, horizon: '12', discountRate: '10' }),
    );
    expect(report.customers).toBe(2357);
    expect(report.horizon).toBeCloseTo(365.25 / 7, 10);
    expect(report.spendFit?.params.q).toBeCloseTo(3.74, 2);
    expectAllFinite(report);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('customer_id,x,t_x,T,monetary,p_alive,expected_purchases,expected_spend,clv');
    expect(lines).toHaveLength(2358);
    // customer 1: x = 2, tx = 30.43, T = 38.86; BG/NBD eq. 10 over 52.18 weeks and eq. 11
    const [, , , , , pAlive = '', purchases = '', spend = '', clv = ''] = lines[1]!.split(',');
    expect(Number(pAlive)).toBeGreaterThan(0.5);
    expect(Number(pAlive)).toBeLessThan(1);
    expect(Number(purchases)).toBeGreaterThan(1.226); // 1.226 over 39 weeks (the paper); more over 52
    expect(Number(spend)).toBeGreaterThan(0);
    expect(Number(clv)).toBeLessThan(Number(purchases) * Number(spend));
    expect(report.totals.clv).toBeGreaterThan(0);
  });
});

describe('model validate and store fits', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(':memory:');
    await store.unit((unit) =>
      landRows(
        unit,
        'transactions',
        ['order_id', 'customer_id', 'order_date', 'amount'],
        readCdnowLog().map((t) => [t.orderId, t.customerId, t.day, t.amount]),
      ),
    );
  });
  afterAll(async () => {
    await store.close();
  });

  it('fits BG/NBD from the store as the published summary does', async () => {
    const fit = await store.unit((unit) =>
      fitModel('bgnbd', parseOptions(fitInput, { model: 'bgnbd', calibrationEnd: '1997-09-30' }), unit),
    );
    expect(fit).toMatchObject({
      source: 'store',
      calibrationEnd: '1997-09-30',
      customers: 2357,
      converged: true,
    });
    expect(fit.params.r).toBeCloseTo(0.243, 3);
    expect(fit.params.b).toBeCloseTo(2.426, 2);
  });

  it('validates on the CDNOW holdout: finite MAE / RMSE, groups by frequency, a tracking curve', async () => {
    const report = await store.unit((unit) =>
      validateModel(
        unit,
        parseOptions(validateInput, {
          calibrationEnd: '1997-09-30',
          holdoutEnd: '1998-06-30',
        }) as ValidateInput,
      ),
    );
    expectAllFinite(report);
    expect(report.customers).toBe(2357);
    expect(report.holdoutActual).toBe(1882);
    expect(report.holdoutLength).toBeCloseTo(273 / 7, 10);
    expect(report.mae).toBeGreaterThan(0);
    expect(report.rmse).toBeGreaterThanOrEqual(report.mae);
    // the model's total is within 10 % of what happened (Fader, Hardie & Lee 2005, Figure 3)
    // the model's total holdout purchases are within 15 % of what happened (1,653 against 1,882)
    expect(Math.abs(report.holdoutPredicted / report.holdoutActual - 1)).toBeLessThan(0.15);
    // conditional expectations rise with the calibration frequency
    const predicted = report.byFrequency.map((g) => g.predicted);
    expect(predicted).toEqual([...predicted].sort((a, b) => a - b));
    expect(report.byFrequency.map((g) => g.x)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(report.byFrequency.reduce((n, g) => n + g.customers, 0)).toBe(2357);
    const last = report.tracking[report.tracking.length - 1]!;
    expect(last.day).toBe('1998-06-30');
    expect(report.tracking).toHaveLength(78);
    const calibration = report.tracking.filter((p) => !p.holdout);
    expect(calibration).toHaveLength(38); // weekly points from 1997-01-08 to 1997-09-24
    // every repeat purchase day of calibration and holdout, counted from the published summary
    const repeats = readCdnowSummary().reduce((n, c) => n + c.x, 0);
    expect(last.actual).toBe(repeats + 1882);
    expect(Math.abs(last.expected / last.actual - 1)).toBeLessThan(0.1);
  });
});
