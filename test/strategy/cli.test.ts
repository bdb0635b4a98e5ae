/**
 * `cvm segments`, `cvm lifecycle` and `cvm actions` as a user runs them, on four hand-computed customers
 * as of 2025-12-31 (default tiers and rules; 12-month windows):
 *
 * | customer | purchases (value)                                         | now                               |
 * | -------- | --------------------------------------------------------- | --------------------------------- |
 * | R        | 2024-01-15, 2024-06-01 (400 each); 2025-03-01, 2025-12-21 (500 each) | Super, high, growing  |
 * | S        | 2024-03-01 (1 000); 2025-09-22 (600); NPS 4 on 2025-12-11; complaint open since 2025-12-29 10:00 | Middle, high, declining |
 * | T        | 2025-12-11 (50), its first                                | Middle, medium, new               |
 * | U        | 2024-11-26 (300)                                          | inactive, declining               |
 *
 * Three active customers: tier cut-offs ⌈3 × 5 %⌉ = 1, ⌈3 × 20 %⌉ = 1, ⌈3 × 70 %⌉ = 3, 3.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suggestionId } from '../../src/core/strategy/actions';
import { cliOn } from '../cli';

const dir = mkdtempSync(join(tmpdir(), 'cvm-strategy-cli-'));
const db = join(dir, 'strategy.duckdb');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cvm = cliOn(db);

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

beforeAll(() => {
  const imports: [string, string][] = [
    [
      'transactions',
      file(
        'transactions.csv',
        'order_id,customer_id,order_date,amount\n' +
          'r1,R,2024-01-15,400\nr2,R,2024-06-01,400\nr3,R,2025-03-01,500\nr4,R,2025-12-21,500\n' +
          's1,S,2024-03-01,1000\ns2,S,2025-09-22,600\n' +
          't1,T,2025-12-11,50\n' +
          'u1,U,2024-11-26,300\n',
      ),
    ],
    [
      'surveys',
      file('surveys.csv', 'response_id,customer_id,answered_on,kind,score\nq1,S,2025-12-11,nps,4\n'),
    ],
    ['complaints', file('complaints.csv', 'complaint_id,customer_id,opened_at\nk1,S,2025-12-29 10:00:00\n')],
  ];
  for (const [kind, path] of imports) {
    const run = cvm('import', kind, path);
    expect(run.status, run.stderr).toBe(0);
  }
}, 60_000);

interface Json {
  [key: string]: unknown;
}

function json(...args: string[]): Json {
  const run = cvm('--format', 'json', ...args);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Json;
}

describe('cvm segments', () => {
  it('counts the value × loyalty segments and the movement since the previous window end', () => {
    const r = json('segments', '--as-of', '2025-12-31');
    expect(r).toMatchObject({ asOf: '2025-12-31', active: 3, activeValue: 1650, cutoffs: [1, 1, 3, 3] });
    expect(r.loyalty).toMatchObject({ basis: 'behaviour', customers: { behaviour: 4, nps: 0, palive: 0 } });
    const segments = r.segments as { segment: string; customers: number; value: number }[];
    expect(segments.map((s) => [s.segment, s.customers, s.value])).toEqual([
      ['Royals', 1, 1000],
      ['Royals at risk', 0, 0],
      ['Loyals', 1, 600],
      ['Drifters', 1, 50],
      ['Low-value loyals', 0, 0],
      ['Low-value drifters', 0, 0],
      ['inactive', 1, 0],
    ]);
    // at 2024-12-31: S Super (1 000) with medium loyalty; R Middle, low (213 days > 1.5 × 138); U Middle, medium
    const movement = r.movement as {
      from: string;
      to: string;
      customers: number;
      valueBefore: number;
      valueNow: number;
    }[];
    expect(movement.map((m) => [m.from, m.to, m.customers, m.valueBefore, m.valueNow])).toEqual([
      ['Royals at risk', 'Loyals', 1, 1000, 600],
      ['Drifters', 'Royals', 1, 800, 1000],
      ['Drifters', 'inactive', 1, 300, 0],
      ['new', 'Drifters', 1, 0, 50],
    ]);
  });

  it('prints Swedish labels and refuses an overlapping rules file naming the segments, exit 2', () => {
    const sv = cvm('--lang', 'sv', 'segments', '--as-of', '2025-12-31');
    expect(sv.status).toBe(0);
    expect(sv.stdout).toContain('Värde × lojalitet, per 2025-12-31 (3 aktiva kunder)');
    expect(sv.stdout).toMatch(/^Kungliga\s+1\s/m);
    const rules = file(
      'overlap.yaml',
      'segments:\n  - { name: A, tiers: ["Super 5%"], loyalty: [high, medium] }\n  - { name: B, tiers: ["Super 5%"], loyalty: [medium] }\n',
    );
    const bad = cvm('segments', '--rules', rules);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe(
      `cvm: ${rules}: segments "A" and "B" overlap on Super 5% × medium; expected each tier × loyalty cell in one segment`,
    );
  });
});

describe('cvm lifecycle', () => {
  it('counts customers per phase and tier, with KPIs per phase', () => {
    const r = json('lifecycle', '--as-of', '2025-12-31');
    const phases = r.phases as { phase: string; customers: number; byTier: Record<string, number> }[];
    expect(Object.fromEntries(phases.map((p) => [p.phase, p.customers]))).toEqual({
      new: 1,
      growing: 1,
      mature: 0,
      declining: 2,
      atRisk: 0,
      lapsed: 0,
      wonBack: 0,
    });
    expect(phases.find((p) => p.phase === 'declining')!.byTier).toEqual({
      'Super 5%': 0,
      'Top 15%': 0,
      'Middle 50%': 1,
      'Bottom 30%': 0,
      inactive: 1,
    });
    const kpis = r.kpis as {
      tiers: { group: string; previous: number; retained: number; retention: number | null }[];
    };
    // previous-window Middle: R (retained) and U (lost)
    expect(kpis.tiers.find((g) => g.group === 'Middle 50%')).toMatchObject({
      previous: 2,
      retained: 1,
      retention: 0.5,
    });
  });
});

describe('cvm actions', () => {
  it('shows the default rules’ segments and actions in Swedish with --lang sv', () => {
    const sv = cvm('--lang', 'sv', 'actions', '--as-of', '2025-12-31');
    expect(sv.status).toBe(0);
    expect(sv.stdout).toMatch(
      /^ ?1 {2}S +detractor +Lojala +Uppföljning från kundtjänst: fråga vad som gick fel +email /m,
    );
    expect(sv.stdout).toMatch(/^ ?2 {2}T +new-customer +Vacklande +Välkomstserie +email /m);
    // the reason names the segment and the tier the same way
    expect(sv.stdout).toContain(
      'Lojala (Mellan 50%, hög lojalitet, minskande): NPS-svar 4 den 2025-12-11 (kritiker)',
    );
    const en = cvm('actions', '--as-of', '2025-12-31');
    expect(en.stdout).toMatch(
      /^ ?1 {2}S +detractor +Loyals +Service follow-up: ask what went wrong +email /m,
    );
  });

  it('ranks by value at stake, one action per customer, and exports the same ids on a re-run', () => {
    const out = join(dir, 'actions.csv');
    const r = json('actions', '--as-of', '2025-12-31', '--export', out);
    const suggestions = r.suggestions as {
      id: string;
      customerId: string;
      actionId: string;
      clv: number;
      risk: number;
      valueAtStake: number;
      reason: string;
    }[];
    // S: CLV 600 × 2 years (Middle kept 1 of 2) = 1 200, risk 100 / (3 × 570) → 70.18; T: 50 × 2 × 20 / 1 095 → 1.83
    expect(suggestions.map((s) => [s.customerId, s.actionId, s.clv, s.risk, s.valueAtStake])).toEqual([
      ['S', 'detractor-follow-up', 1200, 0.0585, 70.18],
      ['T', 'welcome-series', 100, 0.0183, 1.83],
    ]);
    expect(suggestions.map((s) => s.id)).toEqual([
      suggestionId('S', 'detractor', '2025-12-11'),
      suggestionId('T', 'new-customer', '2025-12-11'),
    ]);
    expect(suggestions[0]!.reason).toBe(
      'Loyals (Middle 50%, high loyalty, declining): NPS answer 4 on 2025-12-11 (detractor); value at stake 70 = CLV 1,200 × risk 0.06',
    );
    // S's complaint and late complaint lose to the detractor action (earlier in the rules); its tier
    // downgrade (Super → Middle) would be marketing while its complaint is open
    expect(r.suppressed).toEqual({
      'one-per-customer': 2,
      'open-complaint': 1,
      cooldown: 0,
      'already-exported': 0,
    });
    const first = readFileSync(out, 'utf8');
    expect(first.split('\n')[0]).toBe(
      'id,rank,customer_id,action_id,action,channel,marketing,trigger,event_day,segment,tier,loyalty,phase,clv,risk,value_at_stake,reason,as_of',
    );
    expect(first.split('\n')).toHaveLength(4);
    json('actions', '--as-of', '2025-12-31', '--export', out);
    expect(readFileSync(out, 'utf8')).toBe(first);
  });

  it('filters the list by trigger, segment and channel, and names an unknown segment', () => {
    const ids = (...args: string[]) => {
      const r = json('actions', '--as-of', '2025-12-31', ...args);
      return [r.suggested, r.total, (r.suggestions as { customerId: string }[]).map((x) => x.customerId)];
    };
    expect(ids('--trigger', 'new-customer')).toEqual([2, 1, ['T']]);
    expect(ids('--segment', 'Loyals')).toEqual([2, 1, ['S']]);
    expect(ids('--channel', 'email', '--limit', '1')).toEqual([2, 2, ['S']]);
    expect(ids('--channel', 'phone')).toEqual([2, 0, []]);
    const bad = cvm('actions', '--as-of', '2025-12-31', '--segment', 'Nobody');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/segment "Nobody" is unknown; expected one of "Royals", .*"inactive"/);
  });

  it('suppresses what an earlier export sent when run as of a later day', () => {
    const r = json('actions', '--as-of', '2026-01-05');
    expect(r.suggestions).toEqual([]);
    // S's detractor answer and T's first purchase were exported; S's late complaint and downgrade are new
    // events, but S had an action 5 days ago (cool-down 30 days)
    expect(r.suppressed).toMatchObject({ 'already-exported': 2, cooldown: 2 });
  });
});
