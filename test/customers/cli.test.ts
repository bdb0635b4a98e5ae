/**
 * `cvm customer ID` as a user runs it, on a small file: the JSON is the use case's (hand-computed tier path),
 * one table per `--table`, Swedish labels, and one line naming the customer when there is none.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliOn } from '../cli';

const dir = mkdtempSync(join(tmpdir(), 'cvm-customer-cli-'));
const cvm = cliOn(join(dir, 'cvm.duckdb'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  // 2025: a 300, b 200, c 100 (a Top, b and c Rest with Top:50,Rest:50: cut at ⌈1.5⌉ = 2 → a 1, b 2 Top;
  // c 3 Rest). 2024: c 500 alone (Top).
  const file = join(dir, 'orders.csv');
  writeFileSync(
    file,
    'order_id,customer_id,order_date,amount\n1,a,2025-03-01,300\n2,b,2025-04-01,200\n3,c,2025-05-01,100\n' +
      '4,c,2024-05-01,500\n5,c,2024-05-20,0\n',
  );
  expect(cvm('import', 'transactions', file).status).toBe(0);
});

describe('cvm customer', () => {
  const args = ['customer', 'c', '--as-of', '2025-12-31', '--tiers', 'Top:50,Rest:50', '--windows', '2'];

  it('prints the tier path, the history and the profile', () => {
    const run = cvm('--format', 'json', ...args);
    expect(run.stderr).toBe('');
    const r = JSON.parse(run.stdout) as {
      tiers: { window: { endInclusive: string }; tier: string; rank: number }[];
      months: unknown[];
      notes: string[];
    };
    expect(r.tiers.map((t) => [t.window.endInclusive, t.tier, t.rank])).toEqual([
      ['2024-12-31', 'Top', 1],
      ['2025-12-31', 'Rest', 3],
    ]);
    expect(r.months).toEqual([
      { month: '2024-05', orders: 2, revenue: 500, margin: 0 },
      { month: '2025-05', orders: 1, revenue: 100, margin: 0 },
    ]);
    // only c bought again (2024-05 and 2025-05; a and b once): 1 < 10 customers with a repeat purchase
    expect(r.notes).toEqual([
      'c is not in the customers table: only the rows of other tables are shown',
      'too little history to fit BG/NBD as of 2025-12-31: 1 customer has a repeat purchase (at least 10 needed), so no P(alive) or CLV is shown',
    ]);
    const csv = cvm('--format', 'csv', ...args, '--table', 'tiers');
    expect(csv.stdout.split('\n')).toEqual([
      'from,to,tier,rank,activeCustomers,purchases,value',
      '2023-12-31,2024-12-31,Top,1,1,2,500',
      '2024-12-31,2025-12-31,Rest,3,3,1,100',
      '',
    ]);
    const sv = cvm('--lang', 'sv', ...args, '--table', 'tiers');
    expect(sv.stdout).toContain('Värdekategori per fönster om 12 månader (intäkt)');
    expect(sv.stdout).toContain('Aktiva kunder');
  });

  it('says in one line that a customer is not there, and names a bad option', () => {
    const missing = cvm('customer', 'zz', '--as-of', '2025-12-31');
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe('cvm: no customer "zz" in the store');
    const bad = cvm('customer', 'c', '--windows', '0');
    expect(bad.status).toBe(2);
    expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('--windows');
  });
});
