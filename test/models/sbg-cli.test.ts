/**
 * `cvm model fit sbg` as a user runs it, on the retention tables of Fader & Hardie (2007) in
 * test/fixtures/sbg: the published fits, the projected curve and DERL, individual lifetimes, bad files.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lnBeta } from '../../src/core/math/special';
import { cliOn } from '../cli';

const dir = mkdtempSync(join(tmpdir(), 'cvm-sbg-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cvm = cliOn(join(dir, 'unused.duckdb'));

// year, regular % alive, high end % alive; cohorts of 1,000 customers
const table = readFileSync('test/fixtures/sbg/sbg_fader_hardie_2007_survival.csv', 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => line.split(',').map(Number));

/** A survival file of years 0..7 of one segment (column 1 regular, 2 high end), counts = % × 10. */
function survivalFile(segment: 1 | 2): string {
  const file = join(dir, `segment-${segment}.csv`);
  const rows = table.filter((r) => r[0]! <= 7).map((r) => `${r[0]},${Math.round(r[segment]! * 10)}`);
  writeFileSync(file, ['period,surviving', ...rows].join('\n') + '\n');
  return file;
}

interface SbgJson {
  model: string;
  timeUnit: string;
  params: { alpha: number; beta: number };
  standardErrors: { alpha: number | null; beta: number | null };
  logLikelihood: number;
  converged: boolean;
  customers: number;
  observedPeriods: number;
  discountRate: number;
  curve: {
    period: number;
    survival: number;
    retention: number | null;
    observed: number | null;
    projected: boolean;
    derl: number;
  }[];
}

const survival = (alpha: number, beta: number, t: number): number =>
  Math.exp(lnBeta(alpha, beta + t) - lnBeta(alpha, beta));

describe('cvm model fit sbg', () => {
  it('reproduces the regular and high-end fits of Fader & Hardie (2007) with curve and DERL', () => {
    const published = [
      { segment: 1 as const, alpha: 0.704, beta: 1.182, ll: -1680.3 },
      { segment: 2 as const, alpha: 0.668, beta: 3.806, ll: -1611.2 },
    ];
    for (const p of published) {
      const run = cvm('--format', 'json', 'model', 'fit', 'sbg', '--summary', survivalFile(p.segment));
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const r = JSON.parse(run.stdout) as SbgJson;
      expect(r).toMatchObject({ model: 'sbg', timeUnit: 'period', converged: true, customers: 1000 });
      expect(r.params.alpha.toFixed(3)).toBe(p.alpha.toFixed(3));
      expect(r.params.beta.toFixed(3)).toBe(p.beta.toFixed(3));
      expect(r.logLikelihood).toBeCloseTo(p.ll, 1);
      expect(r.observedPeriods).toBe(7);
      expect(r.discountRate).toBe(0.1);
      // years 0..12 by default (observed + 5), projected after year 7
      expect(r.curve.map((c) => c.period)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(r.curve.filter((c) => c.projected).map((c) => c.period)).toEqual([8, 9, 10, 11, 12]);
      const { alpha, beta } = r.params;
      for (const c of r.curve) {
        expect(c.survival).toBeCloseTo(survival(alpha, beta, c.period), 12);
        if (c.period > 0)
          expect(c.retention).toBeCloseTo((beta + c.period - 1) / (alpha + beta + c.period - 1), 12);
        // DERL by brute force: Σ_{t>n} S(t)/S(n) · 1.1^−(t−n−1), 3000 terms
        let derl = 0;
        for (let t = c.period + 1; t <= c.period + 3000; t++)
          derl += (survival(alpha, beta, t) / survival(alpha, beta, c.period)) * 1.1 ** -(t - c.period - 1);
        expect(c.derl).toBeCloseTo(derl, 6);
      }
      expect(r.curve[0]).toMatchObject({ survival: 1, retention: null, observed: 1 });
      expect(r.curve[7]!.observed).toBeCloseTo(p.segment === 1 ? 0.241 : 0.491, 12);
      expect(r.curve[12]!.observed).toBeNull();
      // the projection of year 12 lies near what the paper's data show (regular 17.9 %, high end 39.0 %)
      const actual12 = table.find((row) => row[0] === 12)![p.segment]! / 100;
      expect(Math.abs(r.curve[12]!.survival - actual12)).toBeLessThan(0.02);
    }
  }, 60_000);

  it('fits individual lifetimes, projects to --periods and discounts at --discount-rate, in Swedish', () => {
    // the regular cohort as lifetimes: churned in year t (lost that year), alive after year 7
    const counts = table.filter((r) => r[0]! <= 7).map((r) => Math.round(r[1]! * 10));
    const rows = counts.slice(1).map((c, i) => `${i + 1},yes,${counts[i]! - c}`);
    const file = join(dir, 'lifetimes.csv');
    writeFileSync(
      file,
      ['periods;churned;weight', ...rows, `7;no;${counts[7]}`].join('\n').replace(/,/g, ';') + '\n',
    );
    const json = cvm(
      '--format',
      'json',
      'model',
      'fit',
      'sbg',
      '--summary',
      file,
      '--periods',
      '3',
      '--discount-rate',
      '5',
    );
    expect(json.stderr).toBe('');
    const r = JSON.parse(json.stdout) as SbgJson;
    expect(r.params.alpha.toFixed(3)).toBe('0.704');
    expect(r.params.beta.toFixed(3)).toBe('1.182');
    expect(r.curve).toHaveLength(4);
    expect(r.curve.every((c) => c.observed === null)).toBe(true);
    expect(r.discountRate).toBe(0.05);
    const table2 = cvm('--lang', 'sv', 'model', 'fit', 'sbg', '--summary', file, '--periods', '3');
    expect(table2.status).toBe(0);
    expect(table2.stdout).toContain('sBG skattad på lifetimes.csv (enskilda livslängder, 7 perioder)');
    expect(table2.stdout).toMatch(/^α\s+0,704\d\s+/m);
    expect(table2.stdout).toContain('Kvarhållningsgrad');
    const csv = cvm(
      '--format',
      'csv',
      '--table',
      'retention-curve',
      'model',
      'fit',
      'sbg',
      '--summary',
      file,
      '--periods',
      '2',
    );
    expect(csv.status).toBe(0);
    expect(csv.stdout.split('\n')[0]).toBe('period,part,observed,survival,retention,derl');
    expect(csv.stdout).not.toMatch(/NaN|Infinity/);
  }, 60_000);

  it('names the file, row, column and value of a bad retention file; refuses store options', () => {
    const rising = join(dir, 'rising.csv');
    writeFileSync(rising, 'period,surviving\n0,100\n1,80\n2,90\n');
    const a = cvm('model', 'fit', 'sbg', '--summary', rising);
    expect(a.status).toBe(2);
    expect(a.stderr).toBe(
      'cvm: rising.csv: row 3, column surviving: "90" is not a number of customers from 0 to the 80 of the period before\n',
    );
    const gap = join(dir, 'gap.csv');
    writeFileSync(gap, 'year,alive\n0,100\n2,80\n');
    expect(cvm('model', 'fit', 'sbg', '--summary', gap).stderr).toBe(
      'cvm: gap.csv: row 2, column year: "2" is not period 1 (periods run 0, 1, 2, … in order)\n',
    );
    const flag = join(dir, 'flag.csv');
    writeFileSync(flag, 'periods,churned\n3,maybe\n');
    expect(cvm('model', 'fit', 'sbg', '--summary', flag).stderr).toBe(
      'cvm: flag.csv: row 1, column churned: "maybe" is not true or false (also yes/no, 1/0)\n',
    );
    const none = join(dir, 'none.csv');
    writeFileSync(none, 'period,surviving\n0,100\n1,100\n');
    expect(cvm('model', 'fit', 'sbg', '--summary', none).stderr).toMatch(
      /^cvm: none\.csv: no customer churned/,
    );
    const noFile = cvm('model', 'fit', 'sbg');
    expect(noFile.status).toBe(2);
    expect(noFile.stderr).toMatch(/^cvm: --summary: sbg fits on a file/);
    const wrongModel = cvm('model', 'fit', 'bgnbd', '--summary', 'x.csv', '--periods', '4');
    expect(wrongModel.status).toBe(2);
    expect(wrongModel.stderr).toBe('cvm: --periods: applies to the sbg model only\n');
  }, 60_000);
});
