/**
 * `cvm report subscription|products|product-churn` as a user runs them: contracts imported from a CSV file
 * (annual fees, a contract ending before it starts rejected), figures in JSON, CSV and Swedish tables,
 * and the errors for a store without contracts and for bad options.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliOn } from '../cli';

const dir = mkdtempSync(join(tmpdir(), 'cvm-contracts-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cvm = cliOn(join(dir, 'contracts.duckdb'));

// As of 2025-12-31: now A 1800, B 1080 (home 400 × 73 / 365), D 620 (gas 300 × 146 / 365), E 320;
// before (2024-12-31) A 1800, C 1100, B 1000, D 800, F 200.
const CONTRACTS = `avtalsnr;kundnr;startdatum;slutdatum;produkt;årsavgift
k1;A;2020-01-01;;el;1200
k2;A;2020-01-01;;gas;600
k3;B;2021-01-01;;el;1000
k4;B;2025-10-20;;home;400
k5;C;2022-01-01;2025-03-01;el;1100
k6;D;2023-01-01;;el;500
k7;D;2023-01-01;2025-05-27;gas;300
k8;E;2025-03-15;;gas;400
k9;F;2019-06-01;2025-09-01;home;200
k10;F;2025-09-01;2025-08-01;el;100
`;

beforeAll(() => {
  writeFileSync(join(dir, 'contracts.csv'), CONTRACTS);
  writeFileSync(join(dir, 'customers.csv'), 'customer_id\nA\nB\n');
});

describe('contract reports on the command line', () => {
  it('refuses the reports while the store holds no contracts', () => {
    expect(cvm('import', 'customers', join(dir, 'customers.csv')).status).toBe(0);
    const r = cvm('report', 'subscription');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no contracts in the store/);
  });

  it('imports contracts with Swedish headers and rejects one that ends before it starts', () => {
    const r = cvm('--format', 'json', 'import', 'contracts', join(dir, 'contracts.csv'));
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { imported: number; rejected: number };
    expect([out.imported, out.rejected]).toEqual([9, 1]);
  });

  it('prints the subscription portfolio as JSON with the basis it used', () => {
    const r = cvm(
      '--format',
      'json',
      'report',
      'subscription',
      '--as-of',
      '2025-12-31',
      '--tiers',
      'Hi:50,Lo:50',
    );
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as {
      basis: string;
      revenue: string;
      tiers: { tier: string; customers: number; revenue: number; retention: { retention: number } }[];
      total: { customers: number; revenue: number; clvTotal: number };
    };
    expect([j.basis, j.revenue]).toEqual(['contracts', 'fees']);
    // now: Hi {A 1800, B 1080}, Lo {D 620, E 320}; before: Hi {A, C, B}, Lo {D, F}
    expect(j.tiers.map((t) => [t.tier, t.customers, t.revenue, t.retention.retention])).toEqual([
      ['Hi', 2, 2880, 2 / 3],
      ['Lo', 2, 940, 0.5],
    ]);
    // Hi: 1440 × 3 years × 2; Lo: 470 × 2 years × 2
    expect(j.total.clvTotal).toBeCloseTo(8640 + 1880, 9);
  });

  it('prints product churn as CSV and products in Swedish', () => {
    const csv = cvm('--format', 'csv', 'report', 'product-churn', '--as-of', '2025-12-31');
    expect(csv.status).toBe(0);
    expect(csv.stdout.trim().split('\n')).toEqual([
      'line,holdersBefore,ended,churn,left,leftRate,stayed,stayedRate,added,holdersAfter',
      'el,4,1,0.25,1,0.25,0,0,0,3',
      'gas,2,1,0.5,0,0,1,0.5,1,2',
      'home,1,1,1,1,1,0,0,1,1',
    ]);
    const sv = cvm('--lang', 'sv', 'report', 'products', '--as-of', '2025-12-31');
    expect(sv.status).toBe(0);
    expect(sv.stdout).toMatch(/Merförsäljning/);
    expect(sv.stdout).toMatch(/underlag: avtal/);
  });

  it('names the option and the value it refuses', () => {
    const r = cvm('report', 'products', '--revenue', 'bogus');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--revenue: "bogus" is not a revenue source \(expected fees or invoices\)/);
  });
});
