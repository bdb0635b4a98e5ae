/**
 * `cvm delete --customer ID` as a user runs it: a dry run counts per kind and changes nothing, the erasure
 * removes the customer's rows (the customer page then finds nothing) and leaves the others; Swedish labels,
 * CSV, and one line for an id no table holds.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliOn } from '../cli';

const dir = mkdtempSync(join(tmpdir(), 'cvm-delete-cli-'));
const cvm = cliOn(join(dir, 'cvm.duckdb'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  const orders = join(dir, 'orders.csv');
  writeFileSync(
    orders,
    'order_id,customer_id,order_date,amount\n1,a,2025-03-01,300\n2,b,2025-04-01,200\n3,a,2025-05-01,100\n',
  );
  expect(cvm('import', 'transactions', orders).status).toBe(0);
  const surveys = join(dir, 'surveys.csv');
  writeFileSync(surveys, 'response_id,customer_id,answered_on,kind,score\ns1,a,2025-03-02,nps,9\n');
  expect(cvm('import', 'surveys', surveys).status).toBe(0);
});

describe('cvm delete', () => {
  it('counts per kind in a dry run, then erases exactly the customer', () => {
    const dry = cvm('--format', 'json', 'delete', '--customer', 'a', '--dry-run');
    expect(dry.stderr).toBe('');
    const d = JSON.parse(dry.stdout) as {
      dryRun: boolean;
      rowsDeleted: number;
      kinds: { kind: string; rows: number }[];
      notes: string[];
    };
    expect(d.dryRun).toBe(true);
    expect(d.rowsDeleted).toBe(3);
    expect(d.kinds.filter((k) => k.rows > 0).map((k) => [k.kind, k.rows])).toEqual([
      ['transactions', 2],
      ['surveys', 1],
    ]);
    expect(d.notes).toEqual([
      'dry run: erasing customer "a" would delete 3 rows and unlink 0 key accounts; nothing changed',
    ]);
    expect(cvm('customer', 'a', '--as-of', '2025-12-31').status).toBe(0);

    const sv = cvm('--lang', 'sv', '--format', 'csv', 'delete', '--customer', 'a');
    expect(sv.status).toBe(0);
    expect(sv.stdout).toContain('transaktioner;transactions;2');
    expect(sv.stdout).toContain('enkätsvar;survey_responses;1');

    expect(cvm('customer', 'a', '--as-of', '2025-12-31').stderr.trim()).toBe(
      'cvm: no customer "a" in the store',
    );
    const b = JSON.parse(cvm('--format', 'json', 'customer', 'b', '--as-of', '2025-12-31').stdout) as {
      months: unknown[];
    };
    expect(b.months).toEqual([{ month: '2025-04', orders: 1, revenue: 200, margin: 0 }]);
  });

  it('says in one line that no table holds the id, and needs --customer', () => {
    const again = cvm('delete', '--customer', 'a');
    expect(again.status).toBe(1);
    expect(again.stderr.trim()).toBe('cvm: no customer "a" in the store');
    const none = cvm('delete');
    expect(none.status).not.toBe(0);
    expect(none.stderr).toContain('--customer');
  });
});
