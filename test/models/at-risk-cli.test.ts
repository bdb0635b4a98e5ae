/**
 * `cvm model at-risk` on the CDNOW summary with spend: the list agrees with `model predict` on the same
 * data, the first customer's value if alive recomputed from the core formulas, thresholds, errors.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectedPurchasesBgNbd } from '../../src/core/models/bg-nbd';
import { conditionalExpectedSpendGammaGamma } from '../../src/core/models/gamma-gamma';
import { cliOn } from '../cli';

const dir = mkdtempSync(join(tmpdir(), 'cvm-at-risk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cvm = cliOn(join(dir, 'unused.duckdb'));
const SPEND = 'test/fixtures/cdnow/cdnow_customers_summary_with_transactions.csv';

interface Row {
  customerId: string;
  x: number;
  tx: number;
  T: number;
  pAlive: number;
  valueIfAlive: number;
  clv: number;
  expectedSpend: number;
}

describe('cvm model at-risk', () => {
  it('lists high value if alive with low P(alive), consistent with model predict and the core formulas', () => {
    const run = cvm('--format', 'json', 'model', 'at-risk', '--summary', SPEND, '--limit', '1000');
    expect(run.stderr).toBe('');
    const r = JSON.parse(run.stdout) as {
      customers: number;
      atRisk: number;
      valueThreshold: number;
      valueAtStake: number;
      clvAtRisk: number;
      maxPAlive: number;
      topPercent: number;
      rows: Row[];
      purchaseFit: { params: { r: number; alpha: number; a: number; b: number } };
      spendFit: { params: { p: number; q: number; gamma: number } };
    };
    expect(r).toMatchObject({ customers: 2357, maxPAlive: 0.5, topPercent: 20 });
    expect(r.rows).toHaveLength(r.atRisk);
    expect(r.atRisk).toBeGreaterThan(50);
    for (const [i, row] of r.rows.entries()) {
      expect(row.pAlive).toBeLessThanOrEqual(0.5);
      expect(row.valueIfAlive).toBeGreaterThanOrEqual(r.valueThreshold);
      expect(row.clv).toBeCloseTo(row.valueIfAlive * row.pAlive, 8);
      if (i > 0) expect(row.valueIfAlive).toBeLessThanOrEqual(r.rows[i - 1]!.valueIfAlive);
    }
    expect(r.valueAtStake).toBeCloseTo(
      r.rows.reduce((s, row) => s + row.valueIfAlive, 0),
      6,
    );
    expect(r.clvAtRisk).toBeCloseTo(
      r.rows.reduce((s, row) => s + row.clv, 0),
      6,
    );
    // the first one by hand: an alive customer is a new BG/NBD customer with r+x, α+T, b+x; 12 monthly
    // periods of 52.18/12 weeks, each discounted from its end at 10 % a year, times Gamma-Gamma's spend
    const first = r.rows[0]!;
    const { r: rr, alpha, a, b } = r.purchaseFit.params;
    const posterior = { r: rr + first.x, alpha: alpha + first.T, a, b: b + first.x };
    const month = 365.25 / 7 / 12;
    let value = 0;
    for (let k = 1; k <= 12; k++)
      value +=
        (expectedPurchasesBgNbd(posterior, k * month) - expectedPurchasesBgNbd(posterior, (k - 1) * month)) *
        1.1 ** (-k / 12);
    const line = readFileSync(SPEND, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${first.customerId},`))!
      .split(',')
      .map(Number);
    const spend = conditionalExpectedSpendGammaGamma(r.spendFit.params, line[1]!, line[4]!)!;
    expect(first.expectedSpend).toBeCloseTo(spend, 8);
    expect(first.valueIfAlive).toBeCloseTo(value * spend, 6);

    // the same customers from the predictions file: P(alive) ≤ 50 %, CLV / P(alive) at or above the cut
    // (where the file's 6 decimals of P(alive) leave a ratio: P(alive) ≥ 1e-5)
    const out = join(dir, 'clv.csv');
    expect(cvm('model', 'predict', '--summary', SPEND, '--out', out).status).toBe(0);
    const predicted = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const clear = predicted.filter(([, , , , , p, , , clv]) => {
      const pAlive = Number(p);
      return pAlive >= 1e-5 && pAlive <= 0.5 && Number(clv) / pAlive >= r.valueThreshold * 1.01;
    });
    const maybe = predicted.filter(([, , , , , p, , , clv]) => {
      const pAlive = Number(p);
      return pAlive >= 1e-5 && pAlive <= 0.5 && (Number(clv) + 0.005) / pAlive >= r.valueThreshold * 0.99;
    });
    const comparable = r.rows.filter((row) => row.pAlive >= 1e-5).length;
    expect(comparable).toBeGreaterThanOrEqual(clear.length);
    expect(comparable).toBeLessThanOrEqual(maybe.length);
    expect(clear.length).toBeGreaterThan(0.9 * comparable);
    for (const [id] of clear) expect(r.rows.some((row) => row.customerId === id)).toBe(true);
  }, 60_000);

  it('applies the thresholds and the limit, prints Swedish tables and CSV without NaN', () => {
    const strict = JSON.parse(
      cvm(
        '--format',
        'json',
        'model',
        'at-risk',
        '--summary',
        SPEND,
        '--max-p-alive',
        '10',
        '--top-percent',
        '5',
        '--limit',
        '3',
      ).stdout,
    ) as { atRisk: number; rows: Row[] };
    expect(strict.rows.length).toBeLessThanOrEqual(3);
    expect(strict.rows.every((row) => row.pAlive <= 0.1)).toBe(true);
    const sv = cvm('--lang', 'sv', 'model', 'at-risk', '--summary', SPEND, '--limit', '2');
    expect(sv.status).toBe(0);
    expect(sv.stdout).toContain('I riskzonen: P(aktiv) ≤ 50 %');
    expect(sv.stdout).toContain('Värde som aktiv');
    const csv = cvm(
      '--format',
      'csv',
      '--table',
      'customers',
      'model',
      'at-risk',
      '--summary',
      SPEND,
      '--limit',
      '4',
    );
    expect(csv.stdout.split('\n')[0]).toBe('customerId,x,tx,T,pAlive,valueIfAlive,clv,expectedSpend');
    expect(csv.stdout.trim().split('\n')).toHaveLength(5);
    expect(csv.stdout).not.toMatch(/NaN|Infinity/);
  }, 60_000);

  it('refuses a percentage out of range and data without spend', () => {
    const bad = cvm('model', 'at-risk', '--summary', SPEND, '--max-p-alive', '150');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('cvm: --max-p-alive: "150" is not a percentage from 0 to 100\n');
    const noSpend = cvm('model', 'at-risk', '--summary', 'test/fixtures/cdnow/cdnow_customers_summary.csv');
    expect(noSpend.status).toBe(2);
    expect(noSpend.stderr).toMatch(
      /^cvm: cdnow_customers_summary\.csv: the at-risk list needs each customer's value/,
    );
  }, 60_000);
});
