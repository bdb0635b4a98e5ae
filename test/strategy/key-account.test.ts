/**
 * The retention-fell trigger through the store and the CLI: customer R is key account A1, assessed on
 * 2025-06-01 with every factor in its top step (retention probability 90 %, the scorecard's upper bound)
 * and on 2025-11-01 with the broker relationship and the relationship quality at 1 (40 % each):
 * (7 × 0.9 + 2 × 0.4) / 9 = 78.89 %, a fall of 11.1 points 60 days before the as-of day 2025-12-31.
 *
 * R bought on 2024-06-01 (400), 2025-03-01 and 2025-12-21 (500 each): the only customer, so Super 5% in
 * both windows (no churn: duration capped at 10 years), CLV 1 000 × 10 = 10 000; own interval 568 / 2 =
 * 284 days, risk 10 / (3 × 284) = 0.0117, value at stake 117.37.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliOn } from '../cli';

const dir = mkdtempSync(join(tmpdir(), 'cvm-key-account-trigger-'));
const cvm = cliOn(join(dir, 'store.duckdb'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FACTORS =
  'other_relationships,business_lines,relationship_years,broker_relationship,relationship_quality,contacts_at_customer,contacts_at_company,knowledge_of_company,knowledge_of_industry';

beforeAll(() => {
  const files: [string, string][] = [
    [
      'transactions',
      'order_id,customer_id,order_date,amount\nr1,R,2024-06-01,400\nr2,R,2025-03-01,500\nr3,R,2025-12-21,500\n',
    ],
    ['accounts', 'account_id,name,account_manager,customer_id\nA1,Acme AB,Eva,R\n'],
    [
      'assessments',
      `account_id,assessed_on,assessor,${FACTORS}\n` +
        'A1,2025-06-01,Eva,3,11,6,5,5,4,4,5,5\n' +
        'A1,2025-11-01,Eva,3,11,6,1,1,4,4,5,5\n',
    ],
  ];
  for (const [kind, text] of files) {
    const path = join(dir, `${kind}.csv`);
    writeFileSync(path, text);
    const run = cvm('import', kind, path);
    expect(run.status, run.stderr).toBe(0);
  }
}, 60_000);

function actions(...args: string[]) {
  const run = cvm('--format', 'json', ...args, 'actions', '--as-of', '2025-12-31');
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as {
    suggestions: Record<string, unknown>[];
    triggers: { trigger: string; fired: number }[];
  };
}

describe('a key account whose retention probability fell', () => {
  it('gets the account review, ranked by its value at stake, with the fall in words', () => {
    const r = actions();
    expect(r.triggers.find((t) => t.trigger === 'retention-fell')?.fired).toBe(1);
    expect(r.suggestions).toHaveLength(1);
    const s = r.suggestions[0]!;
    expect(s).toMatchObject({
      customerId: 'R',
      trigger: 'retention-fell',
      actionId: 'key-account-review',
      eventDay: '2025-11-01',
      segment: 'Royals',
      clv: 10000,
      risk: 0.0117,
      valueAtStake: 117.37,
    });
    expect((s.figures as { before: number; after: number }).before).toBeCloseTo(0.9, 12);
    expect((s.figures as { before: number; after: number }).after).toBeCloseTo(7.1 / 9, 12);
    expect(s.reason).toBe(
      "Royals (Super 5%, high loyalty, growing): key account's retention probability fell from 90.0\u00a0% to 78.9\u00a0% at the assessment of 2025-11-01; value at stake 117 = CLV 10,000 × risk 0.01",
    );
    const sv = actions('--lang', 'sv').suggestions[0]!;
    expect(sv.reason).toContain(
      'sannolikheten att behålla nyckelkunden föll från 90,0\u00a0% till 78,9\u00a0% vid bedömningen 2025-11-01',
    );
  });
});
