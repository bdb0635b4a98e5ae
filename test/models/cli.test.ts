/** `cvm model …` as a user runs it: a real process, on the CDNOW summary files and on a small demo database. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliOn } from '../cli';

const dir = mkdtempSync(join(tmpdir(), 'cvm-model-cli-'));
const db = join(dir, 'demo.duckdb');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cvm = cliOn(db);

const SUMMARY = 'test/fixtures/cdnow/cdnow_customers_summary.csv';

describe('cvm model', () => {
  it('fit bgnbd --summary gives the published CDNOW parameters as JSON', () => {
    const run = cvm('--format', 'json', 'model', 'fit', 'bgnbd', '--summary', SUMMARY);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const fit = JSON.parse(run.stdout) as {
      params: { r: number; alpha: number; a: number; b: number };
      converged: boolean;
      timeUnit: string;
    };
    expect(fit.params.r.toFixed(3)).toBe('0.243');
    expect(fit.params.alpha.toFixed(3)).toBe('4.414');
    expect(fit.params.a.toFixed(3)).toBe('0.793');
    expect(fit.params.b.toFixed(3)).toBe('2.426');
    expect(fit).toMatchObject({ converged: true, timeUnit: 'week' });
  }, 60_000);

  it('prints the fit as a Swedish table', () => {
    const run = cvm('--lang', 'sv', 'model', 'fit', 'paretonbd', '--summary', SUMMARY);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Pareto/NBD skattad på cdnow_customers_summary.csv (veckor)');
    expect(run.stdout).toMatch(/^r\s+0,5533\s+/m);
    expect(run.stdout).toMatch(/Konvergerade/);
  }, 60_000);

  it('a bad summary file is a one-line error, exit 2', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'frequency,recency,T\n2,30.43,38.86\n1,abc,38.86\n');
    const run = cvm('model', 'fit', 'bgnbd', '--summary', bad);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'cvm: bad.csv: row 2, column recency: "abc" is not a number from 0 to T = 38.86\n',
    );
    const unknown = cvm('model', 'fit', 'bgnb', '--summary', SUMMARY);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe(
      'cvm: model: "bgnb" is not a model (expected bgnbd, mbgnbd, paretonbd, gammagamma, bgbb or sbg)\n',
    );
  }, 60_000);

  it('fits from the store of a small demo, predicts to a file and validates', () => {
    expect(cvm('demo', '--customers', '2000').status).toBe(0);
    const fit = cvm('--format', 'json', 'model', 'fit', 'bgnbd', '--calibration-end', '2025-06-30');
    expect(fit.stderr).toBe('');
    const json = JSON.parse(fit.stdout) as { converged: boolean; customers: number; source: string };
    expect(json).toMatchObject({ converged: true, source: 'store' });
    expect(json.customers).toBeGreaterThan(1000);
    const out = join(dir, 'clv.csv');
    const predicted = cvm('--format', 'csv', 'model', 'predict', '--out', out, '--time-unit', 'month');
    expect(predicted.status).toBe(0);
    expect(predicted.stdout).toMatch(/^customers,alive,expectedPurchases,clv,discountRate\n2000,/);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('customer_id,x,t_x,T,monetary,p_alive,expected_purchases,expected_spend,clv');
    expect(lines).toHaveLength(2001);
    const validated = cvm(
      '--format',
      'json',
      'model',
      'validate',
      '--calibration-end',
      '2024-12-31',
      '--holdout-end',
      '2025-12-31',
    );
    expect(validated.stderr).toBe('');
    const v = JSON.parse(validated.stdout) as { mae: number; rmse: number; tracking: unknown[] };
    expect(Number.isFinite(v.mae) && Number.isFinite(v.rmse)).toBe(true);
    expect(v.tracking.length).toBeGreaterThan(52);
  }, 120_000);
});
