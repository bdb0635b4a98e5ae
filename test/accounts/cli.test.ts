/**
 * `cvm accounts …` and the key-account part of `cvm start` as a user runs them: a real process on a small
 * demo database. The report's figures are checked against CLVs recomputed here from the demo's own CSV
 * files; bad input is one line on stderr and exit 2.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountsReport } from '../../src/app/accounts/report';
import type { BacktestReport } from '../../src/app/accounts/backtest';
import type { SensitivityReport } from '../../src/app/accounts/sensitivity';
import { retentionProbability } from '../../src/core/accounts/probability';
import { DEFAULT_SCORECARD } from '../../src/core/accounts/scorecard';
import { SCORECARD_FACTORS } from '../../src/core/kinds';
import { stringify as stringifyYaml } from 'yaml';
import type { DpmReport } from '../../src/app/accounts/dpm';
import { cliOn } from '../cli';

const dir = mkdtempSync(join(tmpdir(), 'cvm-accounts-cli-'));
const db = join(dir, 'cvm.duckdb');
const files = join(dir, 'files');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cvm = cliOn(db);

function json<T>(...args: string[]): T {
  const run = cvm('--format', 'json', ...args);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as T;
}

/** The rows of one of the demo's CSV files, by header. */
function csvRows(kind: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(join(files, `${kind}.csv`), 'utf8')
    .trim()
    .split('\n');
  const names = (head ?? '').split(',');
  return lines.map((line): Record<string, string> =>
    Object.fromEntries(line.split(',').map((v, i): [string, string] => [names[i] ?? '', v])),
  );
}

describe('cvm accounts', () => {
  beforeAll(() => {
    const run = cvm('demo', '--customers', '1000', '--out', files);
    expect(run.status).toBe(0);
  }, 120_000);

  it('report: every demo account, with CLVs that match the forecast files', () => {
    const r = json<AccountsReport>('accounts', 'report');
    expect(r.accounts).toHaveLength(16);
    expect(r.rates).toEqual({ discountRate: 0.12, wacc: 0.048, waccSource: 'default' });
    // the demo builds two weak accounts that turn negative once risk is counted
    expect(r.totals.turnsNegative).toHaveLength(2);
    // recomputed from the CSV files: the latest assessment of KA01 and its five forecast years
    const assessed = csvRows('assessments').filter((a) => a.account_id === 'KA01');
    const latest = assessed.reduce((a, b) => ((b.assessed_on ?? '') > (a.assessed_on ?? '') ? b : a));
    const values = Object.fromEntries(SCORECARD_FACTORS.map((f) => [f, Number(latest[f])]));
    const p = retentionProbability(DEFAULT_SCORECARD, values).probability;
    let at12 = 0;
    let revenueAtWacc = 0;
    let costsAtWacc = 0;
    for (const y of csvRows('forecasts').filter((f) => f.account_id === 'KA01')) {
      const t = Number(y.year);
      const costs = Number(y.cost_to_serve) + Number(y.claims_cost);
      at12 += (Number(y.revenue) - costs) / 1.12 ** t;
      revenueAtWacc += Number(y.revenue) / 1.048 ** t;
      costsAtWacc += costs / 1.048 ** t;
    }
    const ka01 = r.accounts.find((a) => a.account === 'KA01')!;
    expect(ka01.assessedOn).toBe(latest.assessed_on);
    expect(ka01.retentionProbability).toBeCloseTo(p, 12);
    expect(ka01.clvDiscountRate).toBeCloseTo(at12, 6);
    expect(ka01.clvWacc).toBeCloseTo(revenueAtWacc - costsAtWacc, 6);
    expect(ka01.clvProbabilityAdjusted).toBeCloseTo(p * revenueAtWacc - costsAtWacc, 6);
    expect(ka01.factors.map((f) => f.factor)).toEqual([...SCORECARD_FACTORS]);
    const sum = r.accounts.reduce((s, a) => s + a.clvProbabilityAdjusted, 0);
    expect(r.totals.clvProbabilityAdjusted).toBeCloseTo(sum, 6);
    // a lower WACC raises every CLV at WACC
    const low = json<AccountsReport>('accounts', 'report', '--wacc', '0.03');
    expect(low.totals.clvWacc).toBeGreaterThan(r.totals.clvWacc);
  }, 60_000);

  it('report: the retention probability of every assessment of each account, from the assessment file', () => {
    const r = json<AccountsReport>('accounts', 'report');
    // per account and day, the mean of that day's assessors, scored with the default scorecard
    const byDay = new Map<string, Record<string, string>[]>();
    for (const a of csvRows('assessments')) {
      const key = `${a.account_id}|${a.assessed_on}`;
      byDay.set(key, [...(byDay.get(key) ?? []), a]);
    }
    let points = 0;
    for (const account of r.accounts) {
      const days = [...byDay.keys()].filter((k) => k.startsWith(`${account.account}|`)).sort();
      expect(account.history.map((h) => h.assessedOn)).toEqual(days.map((k) => k.split('|')[1]));
      account.history.forEach((h, i) => {
        const rows = byDay.get(days[i]!)!;
        const values = Object.fromEntries(
          SCORECARD_FACTORS.map((f) => [f, rows.reduce((s, x) => s + Number(x[f]), 0) / rows.length]),
        );
        const expected = retentionProbability(DEFAULT_SCORECARD, values).probability;
        expect(h.retentionProbability).toBeCloseTo(expected, 12);
        expect(h.change === null ? null : h.change).toEqual(
          i === 0 ? null : expect.closeTo(expected - account.history[i - 1]!.retentionProbability, 12),
        );
        points += 1;
      });
      expect(account.history.at(-1)!.retentionProbability).toBeCloseTo(account.retentionProbability, 12);
    }
    // the demo assesses some accounts more than once
    expect(points).toBeGreaterThan(r.accounts.length);
    const table = cvm('--lang', 'sv', 'accounts', 'report', '--table', 'history');
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('Sannolikhet att behålla kunden vid varje bedömning');
  }, 60_000);

  it('Swedish factor names and actions', () => {
    const factors = cvm('--lang', 'sv', 'accounts', 'report', '--table', 'factors');
    expect(factors.stdout).toContain('Affärsområden');
    expect(factors.stdout).toContain('Kunskap om kundens bransch');
    expect(factors.stdout).not.toContain('business_lines');
    const actions = cvm('--lang', 'sv', 'accounts', 'sensitivity', '--table', 'actions');
    expect(actions.status).toBe(0);
    expect(actions.stdout).toMatch(/merförsälj ytterligare ett affärsområde|bygg fler kontakter hos kunden/);
    const scorecard = cvm('--lang', 'sv', 'accounts', 'scorecard');
    expect(scorecard.stdout).toContain('Köpta affärsområden (produkter)');
    expect(scorecard.stdout).toContain('Kunskap om kunden');
    const en = cvm('accounts', 'report', '--table', 'factors');
    expect(en.stdout).toContain('Business lines');
  }, 60_000);

  it('report: Swedish table, and csv', () => {
    const sv = cvm('--lang', 'sv', 'accounts', 'report');
    expect(sv.status).toBe(0);
    expect(sv.stdout).toContain('Nyckelkunder: CLV och relationsrisk');
    expect(sv.stdout).toContain('Sannolikhet att behålla');
    expect(sv.stdout).toMatch(/^Totalt\s/m);
    const csv = cvm('--format', 'csv', 'accounts', 'report');
    expect(csv.stdout.split('\n')[0]).toBe(
      'account,name,retentionProbability,clvDiscountRate,clvWacc,waccToDiscount,clvProbabilityAdjusted,adjustedToWacc,clvSurvival,riskAdjustedRate,clvRiskAdjustedRate,turnsNegative',
    );
  }, 60_000);

  it('sensitivity, backtest and scorecard', () => {
    const s = json<SensitivityReport>('accounts', 'sensitivity');
    expect(s.accounts).toHaveLength(16);
    expect(s.actions.length).toBeGreaterThan(0);
    expect(s.actions[0]!.clvGain).toBeGreaterThanOrEqual(s.actions[s.actions.length - 1]!.clvGain);
    expect(s.whatIf.factorId).toBe('business_lines');
    expect(s.whatIf.totalAfter).toBeGreaterThanOrEqual(s.whatIf.totalBefore);
    const b = json<BacktestReport>('accounts', 'backtest');
    expect(b.outcomes).toBe(b.scored.length);
    expect(b.outcomes + b.unscored).toBe(csvRows('renewals').length);
    expect(b.brier).toBeGreaterThan(0);
    expect(b.brier).toBeLessThan(1);
    const card = json<{ factors: unknown[]; bounds: unknown; source: string }>('accounts', 'scorecard');
    expect(card).toMatchObject({ source: 'default', bounds: { min: 0.4, max: 0.9 } });
    expect(card.factors).toHaveLength(9);
  }, 60_000);

  it('reads an edited scorecard as YAML, and places the accounts in the policy matrix', () => {
    // every factor weighted 0 but business lines: each account's probability is its business-lines step
    const card = JSON.parse(JSON.stringify(DEFAULT_SCORECARD)) as {
      factors: { id: string; weight: number }[];
    };
    for (const f of card.factors) f.weight = f.id === 'business_lines' ? 1 : 0;
    writeFileSync(join(dir, 'lines.yaml'), stringifyYaml(card));
    const r = json<AccountsReport>('accounts', 'report', '--scorecard', join(dir, 'lines.yaml'));
    for (const a of r.accounts)
      expect(a.retentionProbability).toBeCloseTo(
        a.factors.find((f) => f.factor === 'business_lines')!.probability,
        12,
      );
    writeFileSync(join(dir, 'broken.yaml'), 'factors: [\n  - id: x\n');
    const broken = cvm('accounts', 'report', '--scorecard', join(dir, 'broken.yaml'));
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/broken\.yaml: not YAML \(line \d+: /);
    // saved in the store, the same scorecard serves every report without --scorecard, until --reset
    const saved = json<{ source: string; savedBy: string }>(
      'accounts',
      'scorecard',
      '--scorecard',
      join(dir, 'lines.yaml'),
      '--save',
    );
    expect(saved).toMatchObject({ source: 'saved', savedBy: 'cli' });
    const byStore = json<AccountsReport>('accounts', 'report');
    expect(byStore.accounts.map((a) => a.retentionProbability)).toEqual(
      r.accounts.map((a) => a.retentionProbability),
    );
    expect(json<{ source: string }>('accounts', 'scorecard', '--reset').source).toBe('default');
    const alone = cvm('accounts', 'scorecard', '--save');
    expect(alone.status).toBe(2);
    expect(alone.stderr).toContain('--save saves the file of --scorecard');
    const dpm = json<DpmReport>('accounts', 'dpm');
    expect(dpm.points).toHaveLength(16);
    expect(Object.values(dpm.quadrants).reduce((s, n) => s + n, 0)).toBe(16);
    const negative = new Set(json<AccountsReport>('accounts', 'report').totals.turnsNegative);
    // an account that turns negative is never in the attractive half
    for (const p of dpm.points)
      if (negative.has(p.account)) expect(['maintain', 'streamline']).toContain(p.quadrant);
  }, 60_000);

  it('start names the accounts that turn negative once risk is counted', () => {
    const report = json<AccountsReport>('accounts', 'report');
    const run = cvm('start', '--no-serve');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Key accounts that turn negative once risk is counted');
    for (const id of report.totals.turnsNegative) expect(run.stdout).toMatch(new RegExp(`^${id}\\s`, 'm'));
  }, 60_000);

  it('start still summarises when the key accounts cannot be valued, and says why', () => {
    // year 7 without year 6: KA01's forecast has a gap
    writeFileSync(
      join(dir, 'gap.csv'),
      'account_id,year,revenue,cost_to_serve,claims_cost\nKA01,7,1000,100,100\n',
    );
    expect(cvm('import', 'forecasts', join(dir, 'gap.csv')).status).toBe(0);
    expect(cvm('accounts', 'report').stderr).toMatch(
      /^cvm: account KA01: forecast year 6 is missing; expected years 1…6 each once$/m,
    );
    const run = cvm('start', '--no-serve');
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(
      /key accounts left out of the summary: account KA01: forecast year 6 is missing/,
    );
    expect(run.stdout).toContain('Last 12 months, as of 2025-12-31');
    expect(run.stdout).not.toContain('Key accounts that turn negative');
    // the note and the error in it in the language asked for
    const sv = cvm('--lang', 'sv', 'summary');
    expect(sv.status).toBe(0);
    expect(sv.stderr).toMatch(
      /^cvm: nyckelkunderna är utelämnade ur sammanfattningen: nyckelkund KA01: i prognosen saknas år 6; väntat åren 1…\d+ en gång vardera$/m,
    );
    expect(sv.stderr).not.toContain('left out');
  }, 60_000);

  it('bad input is one line on stderr and exit 2', () => {
    const card = JSON.parse(JSON.stringify(DEFAULT_SCORECARD)) as {
      factors: { id: string }[];
      bounds: unknown;
    };
    card.factors[0]!.id = 'golf_rounds';
    writeFileSync(join(dir, 'unknown.json'), JSON.stringify(card));
    card.factors[0]!.id = 'other_relationships';
    card.bounds = { min: 0.9, max: 0.4 };
    writeFileSync(join(dir, 'inverted.json'), JSON.stringify(card));
    const cases: [string[], RegExp][] = [
      [
        ['accounts', 'report', '--scorecard', join(dir, 'unknown.json')],
        /unknown\.json: factor golf_rounds is not an assessment column; expected one of other_relationships, /,
      ],
      [
        ['accounts', 'sensitivity', '--scorecard', join(dir, 'inverted.json')],
        /inverted\.json: bounds are inverted \(min 0\.9 > max 0\.4\); expected min ≤ max/,
      ],
      [['accounts', 'report', '--wacc', '4.8'], /^cvm: --wacc: "4\.8" is not a rate \(expected a fraction/],
      [
        ['accounts', 'report', '--wacc', '0.05', '--cost-of-debt', '0.04'],
        /^cvm: --wacc: give either WACC or its components \(--cost-of-debt\), not both/,
      ],
      [['accounts', 'report', '--as-of', '2025-02-30'], /^cvm: --as-of: "2025-02-30" is not a date/],
      [['accounts', 'sensitivity', '--what-if', 'golf'], /^cvm: --what-if: "golf" is not a scorecard factor/],
    ];
    for (const [args, message] of cases) {
      const run = cvm(...args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stdout).toBe('');
    }
  }, 60_000);
});
