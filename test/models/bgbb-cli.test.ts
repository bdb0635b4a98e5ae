/**
 * `cvm model predict --model bgbb` on the donation data of Fader, Hardie & Shang (2010): the published fit,
 * and P(alive) and expected transactions per row recomputed from the paper's formulas with ln B.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lnBeta } from '../../src/core/math/special';
import { cliOn } from '../cli';

const dir = mkdtempSync(join(tmpdir(), 'cvm-bgbb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cvm = cliOn(join(dir, 'unused.duckdb'));
const DONATIONS = 'test/fixtures/donations/donations.csv';

describe('cvm model predict --model bgbb', () => {
  it('fits α 1.204, β 0.750, γ 0.657, δ 2.783 and writes P(alive) and the next 5 opportunities per row', () => {
    const out = join(dir, 'donors.csv');
    const run = cvm(
      '--format',
      'json',
      'model',
      'predict',
      '--model',
      'bgbb',
      '--summary',
      DONATIONS,
      '--out',
      out,
      '--horizon',
      '5',
    );
    expect(run.stderr).toBe('');
    const r = JSON.parse(run.stdout) as {
      customers: number;
      rows: number;
      horizon: number;
      timeUnit: string;
      fit: { params: { alpha: number; beta: number; gamma: number; delta: number } };
      totals: { alive: number; expectedTransactions: number };
    };
    expect(r).toMatchObject({ customers: 11104, horizon: 5, timeUnit: 'opportunity' });
    const { alpha, beta, gamma, delta } = r.fit.params;
    expect([alpha, beta, gamma, delta].map((v) => v.toFixed(3))).toEqual([
      '1.204',
      '0.750',
      '0.657',
      '2.783',
    ]);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('id,x,t_x,n,weight,p_alive,expected_transactions');
    expect(lines).toHaveLength(r.rows + 1);
    const B = (a: number, b: number): number => Math.exp(lnBeta(a, b));
    let alive = 0;
    let transactions = 0;
    for (const line of lines.slice(1)) {
      const [, x = 0, tx = 0, n = 0, w = 0, p = 0, e = 0] = line.split(',').map(Number);
      // eq. 5: L = B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ) + Σ_{i=0}^{n−tx−1} B(α+x, β+tx−x+i)/B(α,β) · B(γ+1, δ+tx+i)/B(γ,δ)
      let L = (B(alpha + x, beta + n - x) / B(alpha, beta)) * (B(gamma, delta + n) / B(gamma, delta));
      for (let i = 0; i <= n - tx - 1; i++)
        L +=
          (B(alpha + x, beta + tx - x + i) / B(alpha, beta)) *
          (B(gamma + 1, delta + tx + i) / B(gamma, delta));
      const pAlive =
        ((B(alpha + x, beta + n - x) / B(alpha, beta)) * (B(gamma, delta + n + 1) / B(gamma, delta))) / L;
      let future = 0;
      for (let k = 1; k <= 5; k++) future += B(gamma, delta + n + k) / B(gamma, delta);
      const expected = ((B(alpha + x + 1, beta + n - x) / B(alpha, beta)) * future) / L;
      expect(p).toBeCloseTo(pAlive, 6);
      expect(e).toBeCloseTo(expected, 6);
      alive += pAlive * w;
      transactions += expected * w;
    }
    expect(r.totals.alive).toBeCloseTo(alive, 2);
    expect(r.totals.expectedTransactions).toBeCloseTo(transactions, 2);
    const sv = cvm(
      '--lang',
      'sv',
      'model',
      'predict',
      '--model',
      'bgbb',
      '--summary',
      DONATIONS,
      '--out',
      out,
    );
    expect(sv.status).toBe(0);
    expect(sv.stdout).toContain('BG/BB-prognoser för de 12 närmaste tillfällena');
    const noFile = cvm('model', 'predict', '--model', 'bgbb', '--out', out);
    expect(noFile.status).toBe(2);
    expect(noFile.stderr).toMatch(/^cvm: bgbb fits on a summary file of discrete opportunities/);
  }, 60_000);
});
