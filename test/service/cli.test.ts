/**
 * `cvm report service` and `cvm report satisfaction` as a user runs them, on a small demo database: the JSON
 * figures checked against counts and percentiles taken straight from the tables with SQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../../src/data/duckdb/connection';
import { cliOn } from '../cli';

const dir = mkdtempSync(join(tmpdir(), 'cvm-service-cli-'));
const file = join(dir, 'demo.duckdb');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cvm = cliOn(file);

/**
 * Figures straight from the tables as of 2026-01-01 00:00 UTC: complaints of the 12-month window
 * (2024-12-31, 2025-12-31], NPS answers of the 3-month window (2025-09-30, 2025-12-31].
 */
interface Direct {
  complaints: number;
  within24: number;
  within48: number;
  median: number | null;
  backlog: number;
  promoters: number;
  detractors: number;
  nps: number;
}

let direct: Direct;

beforeAll(async () => {
  const demo = cvm('demo', '--customers', '1500', '--seed', '5');
  expect(demo.status).toBe(0);
  const db = await Db.open(file);
  const period = `FROM complaints WHERE opened_at >= TIMESTAMP '2025-01-01' AND opened_at < TIMESTAMP '2026-01-01'`;
  const hours = `date_diff('millisecond', opened_at, resolved_at) / 3600000.0`;
  const resolved = `resolved_at < TIMESTAMP '2026-01-01'`;
  const c = await db.one<Omit<Direct, 'backlog' | 'promoters' | 'detractors' | 'nps'>>(
    `SELECT count(*) AS complaints,
       count(*) FILTER (WHERE ${resolved} AND ${hours} BETWEEN 0 AND 24) AS within24,
       count(*) FILTER (WHERE ${resolved} AND ${hours} BETWEEN 0 AND 48) AS within48,
       quantile_cont(${hours}, 0.5) FILTER (WHERE ${resolved} AND ${hours} >= 0) AS median ${period}`,
  );
  const b = await db.one<{ backlog: number }>(
    `SELECT count(*) AS backlog FROM complaints WHERE opened_at < TIMESTAMP '2026-01-01'
     AND (resolved_at IS NULL OR resolved_at >= TIMESTAMP '2026-01-01')`,
  );
  const s = await db.one<{ n: number; promoters: number; detractors: number }>(
    `SELECT count(*) AS n, count(*) FILTER (WHERE score >= 9) AS promoters,
       count(*) FILTER (WHERE score <= 6) AS detractors FROM survey_responses
     WHERE kind = 'nps' AND answered_on > DATE '2025-09-30' AND answered_on <= DATE '2025-12-31'`,
  );
  db.close();
  direct = {
    ...c,
    backlog: b.backlog,
    promoters: s.promoters,
    detractors: s.detractors,
    nps: (100 * (s.promoters - s.detractors)) / s.n,
  };
}, 120_000);

describe('cvm report service / satisfaction', () => {
  it('prints the complaints KPIs as JSON that match the tables', () => {
    const r = cvm('report', 'service', '--format', 'json', '--as-of', '2025-12-31');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(direct.complaints).toBeGreaterThan(20);
    expect(json).toMatchObject({
      asOf: '2025-12-31',
      asOfInstant: '2026-01-01T00:00:00.000Z',
      targetHours: 24,
      complaints: direct.complaints,
      withinTarget: direct.within24,
      openBacklog: { open: direct.backlog },
    });
    expect(json.resolvedWithinTarget).toBeCloseTo(direct.within24 / direct.complaints, 12);
    expect(json.medianResolutionHours).toBeCloseTo(direct.median!, 9);
    const wider = JSON.parse(
      cvm('report', 'service', '--format', 'json', '--target-hours', '48').stdout,
    ) as Record<string, unknown>;
    expect(wider).toMatchObject({ targetHours: 48, withinTarget: direct.within48 });
  });

  it("splits the complaints by value tier with --by-tier, and compares complainants' retention", () => {
    const r = cvm('report', 'service', '--format', 'json', '--as-of', '2025-12-31', '--by-tier');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as {
      complaints: number;
      withinTarget: number;
      firstResponse: { n: number };
      causes: { cause: string; complaints: number }[];
      byTier: {
        tiers: {
          tier: string;
          complaints: number;
          resolvedWithinTarget: number | null;
          firstResponse: { n: number };
          causes: { cause: string; complaints: number; share: number }[];
        }[];
        retention: { total: { complainants: { customers: number }; others: { customers: number } } };
      };
    };
    // every complaint of the window is in exactly one tier row (or the not-active row)
    expect(json.byTier.tiers.map((t) => t.tier)).toEqual([
      'Super 5%',
      'Top 15%',
      'Middle 50%',
      'Bottom 30%',
      'not active',
    ]);
    expect(json.byTier.tiers.reduce((sum, t) => sum + t.complaints, 0)).toBe(json.complaints);
    const within = json.byTier.tiers.reduce(
      (sum, t) => sum + (t.resolvedWithinTarget ?? 0) * t.complaints,
      0,
    );
    expect(within).toBeCloseTo(json.withinTarget, 9);
    // the tiers' first responses are the window's, and each tier's top causes are its own complaints
    expect(json.byTier.tiers.reduce((sum, t) => sum + t.firstResponse.n, 0)).toBe(json.firstResponse.n);
    for (const t of json.byTier.tiers) {
      expect(t.causes.length).toBeLessThanOrEqual(3);
      for (const c of t.causes) expect(c.share).toBeCloseTo(c.complaints / t.complaints, 12);
    }
    const cause = json.causes[0]!.cause;
    const inTiers = json.byTier.tiers.flatMap((t) => t.causes.filter((c) => c.cause === cause));
    expect(inTiers.reduce((sum, c) => sum + c.complaints, 0)).toBeLessThanOrEqual(json.causes[0]!.complaints);
    expect(json.byTier.retention.total.complainants.customers).toBeGreaterThan(0);
    const causes = cvm('--lang', 'sv', 'report', 'service', '--by-tier', '--table', 'tier-causes');
    expect(causes.status).toBe(0);
    expect(causes.stdout).toContain('Vanligaste orsakerna per kundkategori');
    const response = cvm('report', 'service', '--by-tier', '--table', 'tier-response', '--format', 'csv');
    expect(response.stdout.split('\n')[0]).toBe('tier,n,medianHours,meanHours,p90Hours');
    const sv = cvm('--lang', 'sv', 'report', 'service', '--tiers', 'deciles', '--table', 'complainants');
    expect(sv.status).toBe(0);
    expect(sv.stdout).toContain('Kundbehållning för reklamanter och övriga');
    expect(sv.stdout).toContain('Decil 10');
    const plain = JSON.parse(cvm('report', 'service', '--format', 'json').stdout) as { byTier: unknown };
    expect(plain.byTier).toBeNull();
  });

  it('prints NPS, CSAT and CES as JSON that match the tables', () => {
    const r = cvm('report', 'satisfaction', '--format', 'json', '--window', '3');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { nps: Record<string, number>; csat: { n: number } };
    expect(json.nps).toMatchObject({ promoters: direct.promoters, detractors: direct.detractors });
    expect(json.nps.score).toBeCloseTo(direct.nps, 9);
    expect(json.csat.n).toBeGreaterThan(0);
  });

  it('splits NPS, CSAT and CES by value tier of the respondents with --by-tier', () => {
    const r = cvm('report', 'satisfaction', '--format', 'json', '--window', '3', '--by-tier');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as {
      nps: { n: number; promoters: number };
      byTier: { tier: string; nps: { n: number; promoters: number; smallSample: boolean } }[];
    };
    expect(json.byTier.map((t) => t.tier)).toEqual([
      'Super 5%',
      'Top 15%',
      'Middle 50%',
      'Bottom 30%',
      'not active',
    ]);
    // every answer of the window is in exactly one row
    expect(json.byTier.reduce((sum, t) => sum + t.nps.n, 0)).toBe(json.nps.n);
    expect(json.byTier.reduce((sum, t) => sum + t.nps.promoters, 0)).toBe(direct.promoters);
    for (const t of json.byTier) expect(t.nps.smallSample).toBe(t.nps.n > 0 && t.nps.n < 30);
    const sv = cvm('--lang', 'sv', 'report', 'satisfaction', '--by-tier', '--table', 'tiers');
    expect(sv.status).toBe(0);
    expect(sv.stdout).toContain('Per värdesegment för de svarande (* färre än 30 svar)');
  });

  it('prints tables in Swedish and csv, and names a bad option (exit 2)', () => {
    const sv = cvm('--lang', 'sv', 'report', 'service', '--window', '3');
    expect(sv.status).toBe(0);
    expect(sv.stdout).toContain('Reklamationer, per 2025-12-31 (3 månader, UTC)');
    expect(sv.stdout).toContain('Orsaker (Pareto)');
    const csv = cvm('--format', 'csv', 'report', 'satisfaction');
    expect(csv.stdout.split('\n')[0]).toBe(
      'n,promoters,passives,detractors,score,marginOfError,previous,difference,pValue,significant',
    );
    const bad = cvm('report', 'service', '--time-zone', 'Mars/Olympus');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--time-zone: "Mars/Olympus" is not an IANA time zone');
    const hours = cvm('report', 'service', '--target-hours', '0');
    expect(hours.status).toBe(2);
    expect(hours.stderr).toContain('--target-hours: "0" is not a positive number of hours');
  });
});
