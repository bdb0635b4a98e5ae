/** `cvm kpi set|unset|status|list|quality` as a user runs them, on a 1,000-customer demo database. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../../src/data/duckdb/connection';
import { cliOn } from '../cli';

const dir = mkdtempSync(join(tmpdir(), 'cvm-kpi-cli-'));
const file = join(dir, 'cvm.duckdb');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cvm = cliOn(file);

interface StatusJson {
  asOf: string;
  rows: {
    id: string;
    current: number | null;
    previous: number | null;
    status: string | null;
    rule: string;
  }[];
  warnings: string[];
}

describe('cvm kpi', () => {
  let retention: number;
  beforeAll(() => {
    expect(cvm('demo', '--customers', '1000').status).toBe(0);
    const portfolio = cvm('--format', 'json', 'report', 'portfolio');
    expect(portfolio.status).toBe(0);
    retention = (JSON.parse(portfolio.stdout) as { total: { retention: number } }).total.retention;
  }, 120_000);

  it('puts a retention target above the real value with a past deadline off track, one below on track', () => {
    const above = Math.min(1, retention + 0.1).toFixed(3);
    const below = Math.max(0, retention - 0.1).toFixed(3);
    expect(
      cvm('kpi', 'set', 'retention', '--target', above, '--deadline', '2025-06-30', '--owner', 'Anna').status,
    ).toBe(0);
    const off = cvm('--format', 'json', 'kpi', 'status');
    expect(off.status).toBe(0);
    const offRow = (JSON.parse(off.stdout) as StatusJson).rows.find((r) => r.id === 'retention');
    expect(offRow).toMatchObject({ current: retention, status: 'off-track', rule: 'deadline-reached' });

    expect(
      cvm('kpi', 'set', 'retention', '--target', below, '--deadline', '2025-06-30', '--owner', 'Anna').status,
    ).toBe(0);
    const on = JSON.parse(cvm('--format', 'json', 'kpi', 'status').stdout) as StatusJson;
    expect(on.rows).toHaveLength(1);
    expect(on.rows[0]).toMatchObject({
      id: 'retention',
      current: retention,
      status: 'on-track',
      rule: 'met',
    });
    expect(on.warnings).toEqual([]);

    const list = cvm('--lang', 'sv', 'kpi', 'list');
    expect(list.status).toBe(0);
    expect(list.stdout).toContain('Kundbehållning');
    expect(list.stdout).toMatch(/retention\s+Kundbehållning\s+fraction\s+0\.\d+\s+2025-06-30\s+Anna/);
  }, 60_000);

  it('removes a target with kpi unset; a KPI without one exits 1 naming it', () => {
    expect(
      cvm('kpi', 'set', 'complaint-backlog', '--target', '0', '--deadline', '2027-06-30', '--owner', 'Bo')
        .status,
    ).toBe(0);
    const service = JSON.parse(cvm('--format', 'json', 'report', 'service').stdout) as {
      openBacklog: { open: number };
    };
    const status = JSON.parse(cvm('--format', 'json', 'kpi', 'status').stdout) as StatusJson;
    expect(status.rows.find((r) => r.id === 'complaint-backlog')?.current).toBe(service.openBacklog.open);
    const unset = cvm('--format', 'json', 'kpi', 'unset', 'complaint-backlog');
    expect(unset.status).toBe(0);
    const list = JSON.parse(unset.stdout) as { id: string; goal: unknown }[];
    expect(list.find((k) => k.id === 'complaint-backlog')?.goal).toBeNull();
    const again = cvm('kpi', 'unset', 'complaint-backlog');
    expect(again.status).toBe(1);
    expect(again.stderr.trim()).toBe(
      'cvm: KPI complaint-backlog has no target on the board: nothing to remove',
    );
    expect(cvm('kpi', 'unset', 'happiness').status).toBe(2);
  }, 60_000);

  it('prints the quality of every catalogue KPI, its figures matching the reports', () => {
    const run = cvm('--format', 'json', 'kpi', 'quality');
    expect(run.status).toBe(0);
    const q = JSON.parse(run.stdout) as {
      rows: {
        id: string;
        value: number | null;
        n: number;
        interval: { low: number; high: number } | null;
        auc: number | null;
        aucCustomers: number;
        laggedCorrelation: number | null;
      }[];
    };
    expect(q.rows).toHaveLength(17);
    const satisfaction = JSON.parse(cvm('--format', 'json', 'report', 'satisfaction').stdout) as {
      csat: { share: number; n: number };
    };
    const csat = q.rows.find((r) => r.id === 'csat')!;
    expect(csat).toMatchObject({ value: satisfaction.csat.share, n: satisfaction.csat.n });
    const se = Math.sqrt((csat.value! * (1 - csat.value!)) / csat.n);
    expect(csat.interval!.low).toBeCloseTo(csat.value! - 1.96 * se, 12);
    // every KPI with a customer-level score was scored on the demo's customers, and its AUC is a probability
    for (const r of q.rows.filter((x) => x.aucCustomers > 0 && x.auc !== null)) {
      expect(r.auc).toBeGreaterThanOrEqual(0);
      expect(r.auc).toBeLessThanOrEqual(1);
    }
    expect(q.rows.find((r) => r.id === 'clv')!.aucCustomers).toBeGreaterThan(100);
    const sv = cvm('--lang', 'sv', 'kpi', 'quality', '--window', '3');
    expect(sv.status).toBe(0);
    expect(sv.stdout).toContain('KPI-kvalitet');
    expect(sv.stdout).toContain('Kundnöjdhet (CSAT)');
    const csv = cvm('--format', 'csv', 'kpi', 'quality');
    expect(csv.stdout.split('\n')[0]).toBe(
      'label,value,n,low,high,detectable,target,validityGap,auc,laggedCorrelation',
    );
    const bad = cvm('kpi', 'quality', '--window', 'x');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--window');
  }, 60_000);

  it('rejects an unknown KPI and a range with low above high on one line, exit 2', () => {
    const unknown = cvm(
      'kpi',
      'set',
      'happiness',
      '--target',
      '1',
      '--deadline',
      '2026-12-31',
      '--owner',
      'A',
    );
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toContain('retention, churn');
    const range = cvm('kpi', 'set', 'nps', '--range', '50..10', '--deadline', '2026-12-31', '--owner', 'A');
    expect(range.status).toBe(2);
    expect(range.stderr.trim().split('\n')).toHaveLength(1);
    expect(range.stderr).toContain('--range');
  });

  it('prints the board in one line on cvm start, counting what kpi status says, and saves no snapshot', async () => {
    // retention met (on track), NPS 100 with a past deadline (off track), backlog 0 by 2027 (whatever it is)
    expect(
      cvm('kpi', 'set', 'retention', '--target', '0', '--deadline', '2025-06-30', '--owner', 'Anna').status,
    ).toBe(0);
    expect(
      cvm('kpi', 'set', 'nps', '--target', '100', '--deadline', '2025-06-30', '--owner', 'Anna').status,
    ).toBe(0);
    expect(
      cvm('kpi', 'set', 'complaint-backlog', '--target', '0', '--deadline', '2027-06-30', '--owner', 'Bo')
        .status,
    ).toBe(0);
    const status = JSON.parse(cvm('--format', 'json', 'kpi', 'status').stdout) as StatusJson;
    const count = (s: string | null): number => status.rows.filter((r) => r.status === s).length;
    expect(status.rows).toHaveLength(3);
    expect(status.rows.find((r) => r.id === 'retention')?.status).toBe('on-track');
    expect(status.rows.find((r) => r.id === 'nps')?.status).toBe('off-track');
    const snapshots = async (): Promise<number> => {
      const db = await Db.open(file);
      try {
        return (await db.one<{ n: number }>('SELECT count(*) AS n FROM kpi_snapshots')).n;
      } finally {
        db.close();
      }
    };
    const before = await snapshots();
    expect(before).toBeGreaterThan(0);
    const start = cvm('start', '--no-serve');
    expect(start.status).toBe(0);
    expect(start.stdout).toContain(
      `KPI board: ${count('on-track')} on track, ${count('at-risk')} at risk, ${count('off-track')} off track ` +
        `(3 KPIs with a target, as of ${status.asOf}; cvm kpi status)`,
    );
    const json = cvm('--format', 'json', '--lang', 'sv', 'start', '--no-serve');
    expect(() => JSON.parse(json.stdout) as unknown).not.toThrow();
    expect(json.stderr).toContain(`KPI-tavlan: ${count('on-track')} i fas,`);
    expect(await snapshots()).toBe(before);
  }, 120_000);
});
