/**
 * `cvm report programme` as a user runs it: the hand-computed case of test/programme/fixture.ts imported
 * from CSV files (member_since under a Swedish header), figures in JSON, CSV and Swedish tables, and the
 * bad input: a membership start that is not a date, and options the report cannot take.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliOn } from '../cli';
import { PROGRAMME_CUSTOMERS, PROGRAMME_OPTIONS, PROGRAMME_TRANSACTIONS } from './fixture';

const dir = mkdtempSync(join(tmpdir(), 'cvm-programme-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cvm = cliOn(join(dir, 'programme.duckdb'));
const csv = (rows: readonly (readonly (string | null)[])[]): string =>
  rows.map((r) => r.map((c) => c ?? '').join(',')).join('\n') + '\n';
const OPTIONS = [
  '--as-of',
  PROGRAMME_OPTIONS.asOf,
  '--window',
  PROGRAMME_OPTIONS.window,
  '--tiers',
  PROGRAMME_OPTIONS.tiers,
];

beforeAll(() => {
  // the customers file names the columns the Swedish way: kundnr, kund_sedan, medlem_sedan
  writeFileSync(
    join(dir, 'customers.csv'),
    csv([
      ['kundnr', 'kund_sedan', 'medlem_sedan'],
      ...PROGRAMME_CUSTOMERS.rows,
      ['x1', null, '2025-02-30'],
      ['x2', null, '5 June 2025'],
    ]),
  );
  writeFileSync(
    join(dir, 'transactions.csv'),
    csv([PROGRAMME_TRANSACTIONS.columns, ...PROGRAMME_TRANSACTIONS.rows]),
  );
});

describe('cvm report programme', () => {
  it('imports member_since and rejects a day that is not a date, naming file, row, column and value', () => {
    const r = cvm('import', 'customers', join(dir, 'customers.csv'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/11 imported, 2 rejected/);
    expect(r.stderr).toContain(
      'customers.csv row 12 (line 13), column member_since: "2025-02-30" is not a valid date',
    );
    expect(r.stderr).toContain(
      'customers.csv row 13 (line 14), column member_since: "5 June 2025" is not a date',
    );
    const rejects = readFileSync(join(dir, 'customers.csv.rejects.csv'), 'utf8');
    expect(rejects).toContain('12,13,member_since,2025-02-30,');
    expect(cvm('import', 'transactions', join(dir, 'transactions.csv')).status).toBe(0);
  });

  it('prints the three comparisons as JSON with the hand-computed figures', () => {
    const r = cvm('--format', 'json', 'report', 'programme', ...OPTIONS);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as {
      members: number;
      joinedAfterAsOf: number;
      naive: { tiers: { members: { volume: number }; nonMembers: { volume: number } }[] };
      beforeAfter: { total: { members: number; frequencyBefore: number; frequencyAfter: number } };
      matched: {
        total: {
          matchedMembers: number;
          controls: number;
          frequency: { did: number };
          volume: { did: number };
        };
      };
      notes: string[];
    };
    expect([j.members, j.joinedAfterAsOf]).toEqual([5, 1]);
    expect(j.naive.tiers.map((t) => [t.members.volume, t.nonMembers.volume])).toEqual([
      [2200, 440],
      [400, 340],
    ]);
    expect(j.beforeAfter.total).toMatchObject({ members: 3, frequencyBefore: 4, frequencyAfter: 8 });
    expect(j.matched.total).toMatchObject({
      matchedMembers: 2,
      controls: 2,
      frequency: { did: 6 },
      volume: { did: 1120 },
    });
    expect(j.notes.join(' ')).toMatch(/self-selection/);
  });

  it('prints the matched table as CSV and the tables in Swedish', () => {
    const c = cvm('--format', 'csv', 'report', 'programme', ...OPTIONS, '--table', 'matched');
    expect(c.status).toBe(0);
    const lines = c.stdout
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(
      'tier,matchedMembers,controls,unmatchedMembers,frequencyMemberChange,frequencyControlChange,frequencyDid,' +
        'volumeMemberChange,volumeControlChange,volumeDid,retentionMembers,retentionDid',
    );
    expect(lines[1]).toBe('A,1,1,0,4,-4,8,1600,-480,2080,1,1');
    expect(lines[4]).toBe('Total,2,2,1,4,-2,6,880,-240,1120,1,1');
    const sv = cvm('--lang', 'sv', 'report', 'programme', ...OPTIONS);
    expect(sv.status).toBe(0);
    expect(sv.stdout).toContain('Medlemmar och icke-medlemmar per kundkategori, per 2025-12-31 (3 månader)');
    expect(sv.stdout).toContain('Inte aktiv före');
    expect(sv.stdout).toMatch(/obs: kunderna väljer själva att gå med i programmet/);
    expect(sv.stdout).toMatch(/obs: 1 kund går med i programmet efter dagen/);
  });

  it('refuses a contracts basis and a bad window, naming the option', () => {
    const b = cvm('report', 'programme', '--basis', 'contracts');
    expect(b.status).toBe(2);
    expect(b.stderr).toMatch(/--basis/);
    const w = cvm('report', 'programme', '--window', '0');
    expect(w.status).toBe(2);
    expect(w.stderr).toMatch(/--window: "0"/);
  });
});
