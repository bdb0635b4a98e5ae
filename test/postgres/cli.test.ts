/**
 * The CLI end to end on PostgreSQL: the demo's files imported with `cvm import` into a fresh schema and into
 * a DuckDB file, then every report printed by both as JSON must be the same, figure for figure; a file with
 * a bad row gives the same rejects on both; a server that does not answer is a one-line error.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliOn } from '../cli';
import { dropSchemas, freshSchema, storeUrl } from './server';

const dir = mkdtempSync(join(tmpdir(), 'cvm-pg-cli-'));
const schema = freshSchema('cvm_cli');
const onDuck = cliOn(join(dir, 'demo.duckdb'));
const onPg = cliOn(storeUrl(schema));

const KINDS = [
  'customers',
  'transactions',
  'contracts',
  'complaints',
  'surveys',
  'accounts',
  'assessments',
  'forecasts',
  'renewals',
];

beforeAll(() => {
  const demo = onDuck('demo', '--customers', '1500', '--out', join(dir, 'files'));
  expect(demo.stderr).toContain('loading renewals');
  expect(demo.status).toBe(0);
  for (const kind of KINDS) {
    const file = join(dir, 'files', `${kind}.csv`);
    const imported = onPg('--format', 'json', 'import', kind, file);
    expect(imported.stderr, kind).toBe('');
    expect(imported.status, kind).toBe(0);
  }
}, 180_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dropSchemas([schema]);
});

/** The same command on both stores, as parsed JSON. */
function both(...args: string[]): { duck: unknown; pg: unknown } {
  const duck = onDuck('--format', 'json', ...args);
  const pg = onPg('--format', 'json', ...args);
  expect(duck.stderr, `duckdb ${args.join(' ')}`).toBe('');
  expect(pg.stderr, `postgres ${args.join(' ')}`).toBe('');
  expect(pg.status).toBe(0);
  return { duck: JSON.parse(duck.stdout) as unknown, pg: JSON.parse(pg.stdout) as unknown };
}

describe('cvm on a PostgreSQL store', () => {
  it('holds what was imported: the same rows and date ranges as the DuckDB file', () => {
    const { duck, pg } = both('info');
    const tables = (v: unknown): unknown => (v as { tables: unknown }).tables;
    expect(tables(pg)).toEqual(tables(duck));
    expect(JSON.stringify(tables(pg))).toContain('"rows":1500');
  });

  it.each(
    [
      ['report', 'portfolio'],
      ['report', 'portfolio', '--tiers', 'deciles', '--value', 'margin'],
      ['report', 'flows', '--as-of', '2025-06-30'],
      ['report', 'retention', '--window', '3'],
      ['report', 'cohorts'],
      ['report', 'concentration'],
      ['report', 'service', '--window', '3'],
      ['report', 'satisfaction'],
      ['accounts', 'report'],
      ['accounts', 'backtest'],
      ['model', 'fit', 'bgnbd', '--calibration-end', '2025-06-30'],
      ['model', 'validate', '--calibration-end', '2024-12-31', '--holdout-end', '2025-12-31'],
    ].map((args) => [args.join(' '), args] as const),
  )('prints the same %s as DuckDB', (_, args) => {
    const { duck, pg } = both(...args);
    expect(pg).toEqual(duck);
  });

  it('lands a file with a bad row the same way: one imported, one rejected, the same rejects file', () => {
    const file = join(dir, 'kassa.csv');
    writeFileSync(file, 'KundNr;Orderdatum;Belopp\nC000001;2025-01-02;1 598,37\nC000002;2025-13-01;12,5O\n');
    const duck = onDuck('--format', 'json', 'import', 'transactions', file);
    const duckRejects = readFileSync(`${file}.rejects.csv`, 'utf8');
    const pg = onPg('--format', 'json', 'import', 'transactions', file);
    const pgRejects = readFileSync(`${file}.rejects.csv`, 'utf8');
    const result = (run: { stdout: string }): unknown => {
      const { importId: _, ...rest } = JSON.parse(run.stdout) as Record<string, unknown>;
      return rest;
    };
    expect(pg.status).toBe(0);
    expect(result(pg)).toEqual(result(duck));
    expect(result(pg)).toMatchObject({ imported: 1, rejected: 1 });
    expect(pgRejects).toBe(duckRejects);
    // the landed row replaced the demo's order of the same id nowhere: it is new, and the money is exact
    const { duck: d, pg: p } = both('report', 'portfolio', '--as-of', '2025-12-31');
    expect(p).toEqual(d);
  });

  it('keeps a KPI board the same way', () => {
    for (const run of [onDuck, onPg]) {
      const set = run(
        'kpi',
        'set',
        'retention',
        '--target',
        '0.75',
        '--deadline',
        '2026-12-31',
        '--owner',
        'Anna',
      );
      expect(set.stderr).toBe('');
    }
    const strip = (v: unknown): string => JSON.stringify(v).replace(/"(setAt|takenAt)":"[^"]*"/g, '"$1":""');
    const { duck, pg } = both('kpi', 'status', '--as-of', '2025-12-31');
    expect(strip(pg)).toBe(strip(duck));
  });

  it('says in one line when the server does not answer', () => {
    const run = cliOn('postgres://postgres:secret@127.0.0.1:1/test')('info');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^cvm: cannot open the PostgreSQL store postgres:\/\/postgres@127\.0\.0\.1:1\/test: .*ECONNREFUSED.*\n$/,
    );
    expect(run.stderr).not.toContain('secret');
  });
});
