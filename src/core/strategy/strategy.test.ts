/**
 * Customer strategy, hand-computed: every lifecycle and trigger boundary (exactly N days, ties, customers
 * with one purchase), tiers against the reference rule, segments and movement, the KPI cuts, the ranked
 * action list with suppression and stable ids, and the rules' errors naming the rule.
 */
import { describe, expect, it } from 'vitest';
import { toEpochDay } from '../dates';
import { assignTiers, DEFAULT_TIERS } from '../kpi/tiers';
import { createRandom } from '../random';
import { actionList, fnv1a64, suggestionId } from './actions';
import {
  ownInterval,
  phaseOf,
  takeSnapshot,
  tiersOfValues,
  type PhaseFacts,
  type Snapshot,
  type SnapshotDays,
} from './classify';
import { reasonText } from './reasons';
import { checkRules, DEFAULT_RULES, parseRules, type StrategyRules } from './rules';
import type { CustomerStates } from './states';
import { kpiCuts, segmentSummary } from './summary';
import { triggersOf } from './triggers';

const L = DEFAULT_RULES.lifecycle;
const A = toEpochDay('2025-12-31');
const DAYS: SnapshotDays = {
  day: A,
  currentStart: toEpochDay('2024-12-31'),
  previousStart: toEpochDay('2023-12-31'),
};
const PREVIOUS_DAYS: SnapshotDays = {
  day: toEpochDay('2024-12-31'),
  currentStart: toEpochDay('2023-12-31'),
  previousStart: toEpochDay('2022-12-31'),
};

type StateRow = Partial<Record<Exclude<keyof CustomerStates, 'customerIds'>, number>> & { id: string };

/** States from rows; unset days are NaN, unset counts and values 0. */
function states(rows: readonly StateRow[]): CustomerStates {
  const dayKeys = [
    'firstPurchase',
    'lastPurchase',
    'lastPurchasePrevious',
    'lastComplaintOpened',
    'openComplaintSince',
    'overdueComplaintSince',
    'lateResolvedDay',
    'npsDay',
    'npsScore',
    'npsDayPrevious',
    'npsScorePrevious',
    'firstInvoice',
    'unpaidDue',
  ];
  const keys = [
    ...dayKeys,
    'purchaseCount',
    'purchaseCountPrevious',
    'purchasesCurrent',
    'purchasesPrevious',
    'purchasesEarlier',
    'valueCurrent',
    'valuePrevious',
    'valueEarlier',
    'revenueCurrent',
    'revenuePrevious',
    'complaintsCurrent',
    'complaintsPrevious',
    'unpaidAmount',
  ] as const;
  const out: Record<string, unknown> = { customerIds: rows.map((r) => r.id) };
  for (const key of keys)
    out[key] = Float64Array.from(
      rows,
      (r) => (r as unknown as Record<string, number | undefined>)[key] ?? (dayKeys.includes(key) ? NaN : 0),
    );
  return out as unknown as CustomerStates;
}

const facts = (f: Partial<PhaseFacts>): PhaseFacts => ({
  tenure: 400,
  recency: 10,
  interval: 50,
  purchasesNow: 2,
  purchasesBefore: 2,
  valueNow: 100,
  valueBefore: 100,
  boughtBeforePrevious: true,
  pAlive: NaN,
  ...f,
});

describe('lifecycle phases', () => {
  it('new: first purchase fewer than 90 days ago; exactly 90 days is not new', () => {
    expect(phaseOf(facts({ tenure: 89 }), L)).toBe('new');
    expect(phaseOf(facts({ tenure: 90 }), L)).toBe('mature');
    expect(phaseOf(facts({ tenure: 0, recency: 0 }), L)).toBe('new');
  });

  it('own interval: mean gap between purchases, at least 30 days; one purchase: 365 days', () => {
    expect(ownInterval(0, 100, 3, L)).toBe(50);
    expect(ownInterval(0, 10, 2, L)).toBe(30);
    expect(ownInterval(0, 0, 1, L)).toBe(365);
  });

  it('at risk after more than 1.5 × the own interval, lapsed after more than 3 ×; exactly the limit is not', () => {
    expect(phaseOf(facts({ recency: 75 }), L)).toBe('mature');
    expect(phaseOf(facts({ recency: 76 }), L)).toBe('atRisk');
    expect(phaseOf(facts({ recency: 150 }), L)).toBe('atRisk');
    expect(phaseOf(facts({ recency: 151 }), L)).toBe('lapsed');
  });

  it('a one-purchase customer is at risk after 548 days and lapsed after 1 096 (365-day interval)', () => {
    const one = facts({ interval: ownInterval(0, 0, 1, L), purchasesNow: 0, purchasesBefore: 0 });
    expect(phaseOf({ ...one, recency: 547 }, L)).toBe('mature');
    expect(phaseOf({ ...one, recency: 548 }, L)).toBe('atRisk');
    expect(phaseOf({ ...one, recency: 1095 }, L)).toBe('atRisk');
    expect(phaseOf({ ...one, recency: 1096 }, L)).toBe('lapsed');
  });

  it('P(alive) below 0.3 is at risk when a model gives one', () => {
    expect(phaseOf(facts({ pAlive: 0.3 }), L)).toBe('mature');
    expect(phaseOf(facts({ pAlive: 0.29 }), L)).toBe('atRisk');
  });

  it('won back: active now, not in the previous window, bought before it; otherwise growing', () => {
    expect(phaseOf(facts({ purchasesBefore: 0, valueBefore: 0 }), L)).toBe('wonBack');
    expect(phaseOf(facts({ purchasesBefore: 0, valueBefore: 0, boughtBeforePrevious: false }), L)).toBe(
      'growing',
    );
  });

  it('declining below 0.8 × and growing above 1.2 × the previous value; the limits themselves are mature', () => {
    expect(phaseOf(facts({ valueNow: 80 }), L)).toBe('mature');
    expect(phaseOf(facts({ valueNow: 79.99 }), L)).toBe('declining');
    expect(phaseOf(facts({ valueNow: 120 }), L)).toBe('mature');
    expect(phaseOf(facts({ valueNow: 120.01 }), L)).toBe('growing');
    // nothing now (but within its interval): declining from any positive value
    expect(phaseOf(facts({ purchasesNow: 0, valueNow: 0 }), L)).toBe('declining');
  });
});

describe('value tiers from typed arrays', () => {
  it('ranks with ties in the higher tier and leaves inactive customers out', () => {
    const tiers = [
      { name: 'A', sharePpm: 250_000 },
      { name: 'B', sharePpm: 250_000 },
      { name: 'C', sharePpm: 500_000 },
    ];
    const r = tiersOfValues(
      Float64Array.from([100, 50, 50, 10, 999]),
      Float64Array.from([1, 1, 1, 1, 0]),
      tiers,
    );
    expect([...r.tier]).toEqual([0, 1, 1, 2, -1]);
    expect(r.cutoffs).toEqual([1, 2, 4]);
    expect(r.active).toBe(4);
  });

  it('agrees with the reference rule (assignTiers) on 2 000 values with many ties', () => {
    const rng = createRandom(7, 'tiers');
    const values = Array.from({ length: 2000 }, () => Math.floor(rng.next() * 300) / 4);
    const r = tiersOfValues(Float64Array.from(values), new Float64Array(2000).fill(1), DEFAULT_TIERS);
    expect([...r.tier]).toEqual(assignTiers(values, DEFAULT_TIERS));
  });
});

const OPTIONS = {
  tiers: [
    { name: 'High', sharePpm: 500_000 },
    { name: 'Low', sharePpm: 500_000 },
  ],
  segments: [
    { name: 'Royals', tiers: ['High'], loyalty: ['high' as const] },
    { name: 'High at risk', tiers: ['High'], loyalty: ['medium' as const, 'low' as const] },
    { name: 'Rest', tiers: ['Low'], loyalty: ['high' as const, 'medium' as const, 'low' as const] },
  ],
  lifecycle: L,
  loyalty: DEFAULT_RULES.loyalty,
  basis: 'behaviour' as const,
};

/**
 * Four customers as of 2025-12-31 (windows of 12 months):
 * - R: bought every 30 days, last 10 days ago, 1 000 now and 800 before → High, high loyalty, mature (1000 ≤ 1.2 × 800 = 960? no: growing)
 * - S: 600 now, 1 000 before, last purchase 100 days ago with a 60-day interval → High, low (100 > 90), at risk
 * - T: first and only purchase 20 days ago, 50 → Low, medium, new
 * - U: bought 400 days ago only (previous window), 300 → inactive, lapsed? 400 ≤ 3 × 365: at risk
 */
function fixture(): { s: CustomerStates; current: Snapshot; previous: Snapshot } {
  const s = states([
    {
      id: 'R',
      firstPurchase: A - 700,
      lastPurchase: A - 10,
      lastPurchasePrevious: A - 370,
      purchaseCount: 24,
      purchaseCountPrevious: 12,
      purchasesCurrent: 12,
      purchasesPrevious: 11,
      purchasesEarlier: 1,
      valueCurrent: 1000,
      valuePrevious: 800,
      valueEarlier: 100,
      revenueCurrent: 1000,
      revenuePrevious: 800,
      npsDay: A - 5,
      npsScore: 10,
      complaintsCurrent: 1,
    },
    {
      id: 'S',
      firstPurchase: A - 600,
      lastPurchase: A - 100,
      lastPurchasePrevious: A - 380,
      purchaseCount: 9,
      purchaseCountPrevious: 5,
      purchasesCurrent: 4,
      purchasesPrevious: 5,
      valueCurrent: 600,
      valuePrevious: 1000,
      revenueCurrent: 600,
      revenuePrevious: 1000,
      npsDay: A - 20,
      npsScore: 4,
      openComplaintSince: A - 2,
      lastComplaintOpened: A - 2,
      complaintsCurrent: 1,
    },
    {
      id: 'T',
      firstPurchase: A - 20,
      lastPurchase: A - 20,
      purchaseCount: 1,
      purchasesCurrent: 1,
      valueCurrent: 50,
      revenueCurrent: 50,
    },
    {
      id: 'U',
      firstPurchase: A - 400,
      lastPurchase: A - 400,
      lastPurchasePrevious: A - 400,
      purchaseCount: 1,
      purchaseCountPrevious: 1,
      purchasesPrevious: 1,
      valuePrevious: 300,
      revenuePrevious: 300,
    },
  ]);
  return {
    s,
    current: takeSnapshot(s, 'current', DAYS, OPTIONS),
    previous: takeSnapshot(s, 'previous', PREVIOUS_DAYS, OPTIONS),
  };
}

describe('snapshots, segments and movement', () => {
  it('classifies each customer as of the as-of day and the previous window end', () => {
    const { current, previous } = fixture();
    // tiers now: R 1000, S 600 → High (cut-off ⌈3 × 0.5⌉ = 2), T → Low, U inactive
    expect([...current.tier]).toEqual([0, 0, 1, -1]);
    // loyalty: R high (both windows, 10 ≤ 700/23); S low (100 > 1.5 × 75); T medium; U low (400 > 1.5 × 365 = 547.5? no: medium)
    expect([...current.loyalty]).toEqual([0, 2, 1, 1]);
    expect(
      [...current.phase].map(
        (p) => ['new', 'growing', 'mature', 'declining', 'atRisk', 'lapsed', 'wonBack'][p],
      ),
    ).toEqual(['growing', 'atRisk', 'new', 'declining']);
    expect([...current.segment]).toEqual([0, 1, 2, -1]);
    // at the previous end: S 1000, R 800, U 300 active (cut-offs 2, 3); T had not bought yet
    expect([...previous.tier]).toEqual([0, 0, -1, 1]);
    expect([...previous.present]).toEqual([1, 1, 0, 1]);
    // R high (bought in both, 5 ≤ 30 days), S medium (nothing in the earlier window), U medium
    expect([...previous.loyalty]).toEqual([0, 1, -1, 1]);
    expect([...previous.segment]).toEqual([0, 1, -2, 2]);
  });

  it('counts value and share per cell and segment, and the movement from the previous end', () => {
    const { s, current, previous } = fixture();
    const summary = segmentSummary(s, current, previous, OPTIONS.tiers, OPTIONS.segments);
    expect(summary.active).toBe(3);
    expect(summary.value).toBe(1650);
    expect(summary.segments).toEqual([
      {
        segment: 'Royals',
        customers: 1,
        value: 1000,
        revenue: 1000,
        customerShare: 1 / 3,
        valueShare: 1000 / 1650,
        valuePerCustomer: 1000,
      },
      {
        segment: 'High at risk',
        customers: 1,
        value: 600,
        revenue: 600,
        customerShare: 1 / 3,
        valueShare: 600 / 1650,
        valuePerCustomer: 600,
      },
      {
        segment: 'Rest',
        customers: 1,
        value: 50,
        revenue: 50,
        customerShare: 1 / 3,
        valueShare: 50 / 1650,
        valuePerCustomer: 50,
      },
      {
        segment: 'inactive',
        customers: 1,
        value: 0,
        revenue: 0,
        customerShare: null,
        valueShare: null,
        valuePerCustomer: null,
      },
    ]);
    expect(summary.matrix.find((c) => c.tier === 'High' && c.loyalty === 'low')).toMatchObject({
      segment: 'High at risk',
      customers: 1,
      value: 600,
    });
    expect(summary.movement.map((m) => [m.from, m.to, m.customers, m.valueBefore, m.valueNow])).toEqual([
      ['Royals', 'Royals', 1, 800, 1000],
      ['High at risk', 'High at risk', 1, 1000, 600],
      ['Rest', 'inactive', 1, 300, 0],
      ['new', 'Rest', 1, 0, 50],
    ]);
  });

  it('cuts the KPIs by tier: retention on the members at the previous end, revenue, NPS and complaints on today’s', () => {
    const { s, current, previous } = fixture();
    const cuts = kpiCuts(s, current, previous, OPTIONS.tiers, OPTIONS.segments, 12);
    const high = cuts.tiers.find((g) => g.group === 'High')!;
    expect(high).toMatchObject({
      customers: 2,
      active: 2,
      previous: 2,
      retained: 2,
      retention: 1,
      churn: 0,
      duration: null,
      npsAnswers: 2,
      nps: 0,
      complaints: 2,
      complaintsPer1000: 1000,
    });
    // Low at the previous end: U, not active now
    expect(cuts.tiers.find((g) => g.group === 'Low')).toMatchObject({
      customers: 1,
      previous: 1,
      retained: 0,
      retention: 0,
      duration: 1,
    });
    expect(high.revenuePerCustomer).toBe(800);
    const phases = Object.fromEntries(cuts.phases.map((g) => [g.group, g.customers]));
    expect(phases).toEqual({ new: 1, growing: 1, mature: 0, declining: 1, atRisk: 1, lapsed: 0, wonBack: 0 });
  });
});

describe('situation triggers', () => {
  const rules = DEFAULT_RULES.triggers;
  const fired = (row: StateRow, current?: Partial<Snapshot>): string[] => {
    const s = states([{ firstPurchase: A - 400, lastPurchase: A - 1, ...row }]);
    const snap = takeSnapshot(s, 'current', DAYS, OPTIONS);
    const prev = takeSnapshot(s, 'previous', PREVIOUS_DAYS, OPTIONS);
    return triggersOf(0, s, { ...snap, ...current }, prev, rules, A).map((t) => t.trigger);
  };

  it('new customer: first purchase 29 days ago fires, 30 days ago does not', () => {
    expect(fired({ id: 'x', firstPurchase: A - 29, lastPurchase: A - 29 })).toContain('new-customer');
    expect(fired({ id: 'x', firstPurchase: A - 30, lastPurchase: A - 30 })).not.toContain('new-customer');
  });

  it('first invoice within 30 days; unpaid invoice more than 14 days past due', () => {
    expect(fired({ id: 'x', firstInvoice: A - 29 })).toContain('first-invoice');
    expect(fired({ id: 'x', firstInvoice: A - 30 })).not.toContain('first-invoice');
    expect(fired({ id: 'x', unpaidDue: A - 15 })).toContain('unpaid-invoice');
    expect(fired({ id: 'x', unpaidDue: A - 14 })).not.toContain('unpaid-invoice');
  });

  it('complaint opened within 7 days; late: overdue open, or resolved late within 30 days', () => {
    expect(fired({ id: 'x', lastComplaintOpened: A - 6 })).toContain('complaint');
    expect(fired({ id: 'x', lastComplaintOpened: A - 7 })).not.toContain('complaint');
    expect(fired({ id: 'x', overdueComplaintSince: A - 300 })).toContain('complaint-late');
    expect(fired({ id: 'x', lateResolvedDay: A - 29 })).toContain('complaint-late');
    expect(fired({ id: 'x', lateResolvedDay: A - 30 })).not.toContain('complaint-late');
  });

  it('detractor: an answer of at most 6 within 30 days', () => {
    expect(fired({ id: 'x', npsDay: A - 29, npsScore: 6 })).toContain('detractor');
    expect(fired({ id: 'x', npsDay: A - 29, npsScore: 7 })).not.toContain('detractor');
    expect(fired({ id: 'x', npsDay: A - 30, npsScore: 0 })).not.toContain('detractor');
  });

  it('tier downgrade: active in both windows, in a lower tier now', () => {
    const down = { tier: Int8Array.from([1]) };
    const s = states([{ id: 'x', firstPurchase: A - 400, lastPurchase: A - 1 }]);
    const prev = { ...takeSnapshot(s, 'previous', PREVIOUS_DAYS, OPTIONS), tier: Int8Array.from([0]) };
    const snap = { ...takeSnapshot(s, 'current', DAYS, OPTIONS), ...down };
    expect(triggersOf(0, s, snap, prev, rules, A).map((t) => t.trigger)).toEqual(['tier-downgrade']);
    expect(triggersOf(0, s, { ...snap, tier: Int8Array.from([0]) }, prev, rules, A)).toEqual([]);
    expect(triggersOf(0, s, snap, { ...prev, tier: Int8Array.from([-1]) }, rules, A)).toEqual([]);
  });

  it('lapsing: more than 1.5 × the own interval without a purchase (one purchase: 365 days)', () => {
    // interval (A−10 − (A−110)) / 2 = 50: 75 days is the limit
    const base = { id: 'x', firstPurchase: A - 175, purchaseCount: 3 };
    expect(fired({ ...base, lastPurchase: A - 76, firstPurchase: A - 176 })).toContain('lapsing');
    expect(fired({ ...base, lastPurchase: A - 75 })).not.toContain('lapsing');
    expect(fired({ id: 'x', firstPurchase: A - 548, lastPurchase: A - 548, purchaseCount: 1 })).toContain(
      'lapsing',
    );
    expect(fired({ id: 'x', firstPurchase: A - 547, lastPurchase: A - 547, purchaseCount: 1 })).not.toContain(
      'lapsing',
    );
  });
});

describe('key account whose retention probability fell', () => {
  const rules = DEFAULT_RULES.triggers;
  /** One customer with a key account assessed `age` days before the as-of day: `before` → `latest`. */
  const fires = (age: number, before: number, latest: number, accounts = true): boolean => {
    const s = states([{ id: 'x', firstPurchase: A - 400, lastPurchase: A - 1 }]);
    const snap = takeSnapshot(s, 'current', DAYS, OPTIONS);
    const prev = takeSnapshot(s, 'previous', PREVIOUS_DAYS, OPTIONS);
    const signals = accounts
      ? { day: Float64Array.of(A - age), latest: Float64Array.of(latest), before: Float64Array.of(before) }
      : undefined;
    return triggersOf(0, s, snap, prev, rules, A, signals).some((t) => t.trigger === 'retention-fell');
  };

  it('fires on a fall of at least 5 points at an assessment within 90 days; exactly 90 days is out', () => {
    expect(fires(89, 0.75, 0.7)).toBe(true); // exactly the threshold (0.75 − 0.70 is 0.04999… in binary)
    expect(fires(0, 0.9, 0.4)).toBe(true);
    expect(fires(89, 0.75, 0.71)).toBe(false); // 4 points
    expect(fires(89, 0.7, 0.75)).toBe(false); // rose
    expect(fires(90, 0.75, 0.6)).toBe(false); // too old
    expect(fires(-1, 0.75, 0.6)).toBe(false); // after the as-of day
    expect(fires(10, NaN, 0.6)).toBe(false); // a first assessment has nothing to fall from
    expect(fires(10, 0.75, 0.6, false)).toBe(false); // no key accounts
  });

  it('takes its threshold and age from the rules file', () => {
    const r = parseRules({ triggers: { 'retention-fell': { minDrop: 0.1, days: 30 } } }, 'r.yaml');
    expect(r.triggers['retention-fell']).toEqual({ minDrop: 0.1, days: 30 });
    expect(() => parseRules({ triggers: { 'retention-fell': { minDrop: 0 } } }, 'r.yaml')).toThrow(
      /r\.yaml: trigger retention-fell\.minDrop/,
    );
  });

  it('puts the account review in the list with the fall in words, in English and Swedish', () => {
    const { s, current, previous } = fixture();
    // R fires nothing else; its key account fell from 75 % to 60 % on 2025-10-03 (89 days ago)
    const accounts = {
      day: Float64Array.of(A - 89, NaN, NaN, NaN),
      latest: Float64Array.of(0.6, NaN, NaN, NaN),
      before: Float64Array.of(0.75, NaN, NaN, NaN),
    };
    const list = actionList({
      states: s,
      current,
      previous,
      rules: DEFAULT_RULES_FOR_OPTIONS,
      tiers: OPTIONS.tiers,
      windowMonths: 12,
      accounts,
      log: [],
    });
    const r = list.suggestions.find((x) => x.customerId === 'R');
    // R: High, no churn in the High tier → 10 years × 1 000; risk 10 / (3 × 690 / 23 = 90) = 0.1111
    expect(r).toMatchObject({
      trigger: 'retention-fell',
      actionId: 'key-account-review',
      eventDay: '2025-10-03',
      channel: 'account manager',
      clv: 10000,
      risk: 0.1111,
      valueAtStake: 1111.11,
      figures: { before: 0.75, after: 0.6 },
    });
    expect(reasonText(r!, 'en')).toBe(
      "Royals (High, high loyalty, growing): key account's retention probability fell from 75.0\u00a0% to 60.0\u00a0% at the assessment of 2025-10-03; value at stake 1,111 = CLV 10,000 × risk 0.11",
    );
    expect(reasonText(r!, 'sv')).toBe(
      'Kungliga (High, hög lojalitet, växande): sannolikheten att behålla nyckelkunden föll från 75,0\u00a0% till 60,0\u00a0% vid bedömningen 2025-10-03; värde i spel 1\u00a0111 = CLV 10\u00a0000 × risk 0,11',
    );
    expect(list.fired['retention-fell']).toBe(1);
  });
});

describe('loyalty from a fitted model’s P(alive)', () => {
  // R 0.7 (the high limit itself), S 0.29 (below the low limit), T none (behaviour), U 0.5
  const pAlive = Float64Array.of(0.7, 0.29, NaN, 0.5);
  const modelClv = Float64Array.of(5000, 2000, NaN, 100);
  const palive = { ...OPTIONS, basis: 'palive' as const, pAlive };

  it('gives high from 0.7, low below 0.3, medium between, behaviour where the model has no figure', () => {
    const { s } = fixture();
    const snap = takeSnapshot(s, 'current', DAYS, palive);
    expect(Array.from(snap.loyalty)).toEqual([0, 2, 1, 1]);
    expect(snap.loyaltyBasisCounts).toEqual({ behaviour: 1, nps: 0, palive: 3 });
    // R is growing (1 000 > 1.2 × 800), not at risk at P(alive) 0.7; S at risk; U (P(alive) 0.5) declining: 0 < 0.8 × 300
    expect(
      Array.from(
        snap.phase,
        (p) => ['new', 'growing', 'mature', 'declining', 'atRisk', 'lapsed', 'wonBack'][p],
      ),
    ).toEqual(['growing', 'atRisk', 'new', 'declining']);
    // a mature customer with P(alive) 0.29 is at risk, with 0.3 still mature
    expect(phaseOf(facts({ pAlive: 0.29 }), L)).toBe('atRisk');
    expect(phaseOf(facts({ pAlive: 0.3 }), L)).toBe('mature');
  });

  it('ranks by the model’s CLV × (1 − P(alive)), behavioural where the model has none', () => {
    const { s } = fixture();
    const current = takeSnapshot(s, 'current', DAYS, palive);
    const previous = takeSnapshot(s, 'previous', PREVIOUS_DAYS, OPTIONS);
    const list = actionList({
      states: s,
      current,
      previous,
      rules: DEFAULT_RULES_FOR_OPTIONS,
      tiers: OPTIONS.tiers,
      windowMonths: 12,
      pAlive,
      modelClv,
      log: [],
    });
    // S: detractor → the Royals' call; CLV 2 000 (model) × risk 1 − 0.29 = 0.71 → 1 420
    // T: no model figure → CLV 50 × 1 year (Low lost U) = 50, risk 20 / 1 095 = 0.0183 → 0.91
    expect(
      list.suggestions.map((x) => [
        x.rank,
        x.customerId,
        x.actionId,
        x.loyalty,
        x.clv,
        x.risk,
        x.valueAtStake,
      ]),
    ).toEqual([
      [1, 'S', 'royal-detractor-call', 'low', 2000, 0.71, 1420],
      [2, 'T', 'welcome-series', 'medium', 50, 0.0183, 0.91],
    ]);
  });
});

/** The default actions on the test tiers' segments (Royals, High at risk, Rest). */
const DEFAULT_RULES_FOR_OPTIONS: StrategyRules = {
  ...DEFAULT_RULES,
  segments: OPTIONS.segments,
  actions: DEFAULT_RULES.actions.map((a) => ({
    ...a,
    segments: a.segments?.some((x) => x.startsWith('Royals'))
      ? ['Royals', 'High at risk']
      : a.segments === undefined
        ? undefined
        : ['Rest', 'inactive'],
  })),
};

describe('next best actions', () => {
  it('FNV-1a 64 gives the published test vectors; ids depend on customer, trigger and event day only', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(suggestionId('C1', 'detractor', '2025-12-20')).toBe('nba-7ae184830172acdf');
  });

  const rules: StrategyRules = {
    ...DEFAULT_RULES,
    segments: OPTIONS.segments,
    actions: [
      {
        id: 'call',
        trigger: 'detractor',
        segments: ['Royals', 'High at risk'],
        action: 'Call',
        channel: 'phone',
        marketing: false,
      },
      { id: 'offer', trigger: 'lapsing', action: 'Offer', channel: 'email', marketing: true },
      { id: 'welcome', trigger: 'new-customer', action: 'Welcome', channel: 'email', marketing: true },
    ],
  };

  it('ranks by CLV × risk, one action per customer, no marketing with an open complaint, reasons in words', () => {
    const { s, current, previous } = fixture();
    const list = actionList({
      states: s,
      current,
      previous,
      rules,
      tiers: OPTIONS.tiers,
      windowMonths: 12,
      log: [],
    });
    // S: detractor (call), lapsing (offer: marketing, and a complaint is open) and complaint (no rule) → call.
    // Tier durations: previous High = {R, S}, both active now: no churn → capped at 10 years; Low = {U}, lost: 1 year.
    // S: interval 500 / 8 = 62.5 days; CLV 600 × 10 = 6 000; risk 100 / (3 × 62.5) = 0.5333 → 3 200
    // T: new customer, one purchase: interval 365, risk 20 / 1 095 = 0.0183; CLV 50 × 1 = 50 → 0.91
    // R and U fire nothing (U: 400 days ≤ 1.5 × 365)
    expect(
      list.suggestions.map((x) => [x.rank, x.customerId, x.actionId, x.clv, x.risk, x.valueAtStake]),
    ).toEqual([
      [1, 'S', 'call', 6000, 0.5333, 3200],
      [2, 'T', 'welcome', 50, 0.0183, 0.91],
    ]);
    expect(list.tierDurations).toEqual([null, 1]);
    expect(list.fired.complaint).toBe(1);
    expect(list.withoutAction.complaint).toBe(1);
    expect(list.suppressed.map((x) => [x.customerId, x.actionId, x.suppressed])).toEqual([
      ['S', 'offer', 'open-complaint'],
    ]);
    expect(list.fired['lapsing']).toBe(1);
    expect(reasonText(list.suggestions[0]!, 'en')).toBe(
      `High at risk (High, low loyalty, at risk): NPS answer 4 on 2025-12-11 (detractor); value at stake 3,200 = CLV 6,000 × risk 0.53`,
    );
    expect(reasonText(list.suggestions[0]!, 'sv')).toBe(
      `High at risk (High, låg lojalitet, i riskzonen): NPS-svar 4 den 2025-12-11 (kritiker); värde i spel 3\u00a0200 = CLV 6\u00a0000 × risk 0,53`,
    );
  });

  it('gives the same ids on a re-run, suppresses what an earlier export sent and honours the cool-down', () => {
    const { s, current, previous } = fixture();
    const input = { states: s, current, previous, rules, tiers: OPTIONS.tiers, windowMonths: 12 };
    const first = actionList({ ...input, log: [] });
    const again = actionList({
      ...input,
      log: first.suggestions.map((x) => ({ suggestionId: x.id, customerId: x.customerId, asOf: A })),
    });
    // logged for the same as-of day: the re-run gives the same list with the same ids
    expect(again.suggestions.map((x) => x.id)).toEqual(first.suggestions.map((x) => x.id));
    // logged 10 days earlier: already exported; another customer's action 29 days earlier: cool-down
    const later = actionList({
      ...input,
      log: [
        { suggestionId: first.suggestions[0]!.id, customerId: 'S', asOf: A - 10 },
        { suggestionId: 'nba-other', customerId: 'T', asOf: A - 29 },
      ],
    });
    expect(later.suggestions).toEqual([]);
    expect(later.suppressed.map((x) => `${x.customerId} ${x.actionId} ${x.suppressed}`).sort()).toEqual([
      'S call already-exported',
      'S offer cooldown',
      'T welcome cooldown',
    ]);
    // 30 days earlier is outside the 30-day cool-down
    const outside = actionList({
      ...input,
      log: [{ suggestionId: 'nba-other', customerId: 'T', asOf: A - 30 }],
    });
    expect(outside.suggestions.map((x) => x.customerId)).toEqual(['S', 'T']);
  });
});

describe('rules', () => {
  const tiers = DEFAULT_TIERS.map((t) => t.name);

  it('the defaults pass the checks for the default tiers', () => {
    expect(() => checkRules(DEFAULT_RULES, tiers, 'defaults')).not.toThrow();
    expect(parseRules({}, 'r.yaml')).toEqual(DEFAULT_RULES);
  });

  it('replaces settings one by one and sections whole', () => {
    const r = parseRules({ lifecycle: { newDays: 60 }, triggers: { lapsing: { factor: 2 } } }, 'r.yaml');
    expect(r.lifecycle).toEqual({ ...DEFAULT_RULES.lifecycle, newDays: 60 });
    expect(r.triggers.lapsing).toEqual({ factor: 2 });
    expect(r.triggers.detractor).toEqual(DEFAULT_RULES.triggers.detractor);
  });

  const bad: [string, unknown, string][] = [
    ['an unknown section', { segmnts: [] }, 'r.yaml: unknown section "segmnts"'],
    ['an unknown trigger', { triggers: { birthday: {} } }, 'r.yaml: trigger "birthday" is unknown'],
    ['a bad setting', { triggers: { detractor: { maxScore: 11 } } }, 'r.yaml: trigger detractor.maxScore'],
    [
      'an action with an unknown trigger',
      { actions: [{ id: 'x', trigger: 'birthday', action: 'Cake', channel: 'email' }] },
      'r.yaml: action "x" (actions[0]): trigger "birthday" is unknown',
    ],
    [
      'an unknown loyalty level',
      { segments: [{ name: 'A', tiers: ['Super 5%'], loyalty: ['very high'] }] },
      'r.yaml: segment "A" (segments[0]): loyalty "very high" is unknown',
    ],
    [
      'at risk after lapsed',
      { lifecycle: { atRiskFactor: 4 } },
      'r.yaml: lifecycle.atRiskFactor 4 is above lapsedFactor 3',
    ],
  ];
  it.each(bad)('refuses %s, naming it', (_, json, message) => {
    expect(() => parseRules(json, 'r.yaml')).toThrow(message);
  });

  const segments = DEFAULT_RULES.segments;
  const checks: [string, Partial<StrategyRules>, string][] = [
    [
      'overlapping segments',
      { segments: [...segments, { name: 'Extra', tiers: ['Super 5%'], loyalty: ['high'] }] },
      'r.yaml: segments "Royals" and "Extra" overlap on Super 5% × high',
    ],
    ['a gap', { segments: segments.slice(1) }, 'r.yaml: no segment covers Super 5% × high'],
    [
      'an unknown tier',
      { segments: [{ name: 'X', tiers: ['Gold'], loyalty: ['high'] }] },
      'r.yaml: segment "X": tier "Gold" is unknown',
    ],
    [
      'an action for an unknown segment',
      {
        actions: [
          {
            id: 'a',
            trigger: 'lapsing',
            segments: ['Kings'],
            action: 'A',
            channel: 'email',
            marketing: true,
          },
        ],
      },
      'r.yaml: action "a": segment "Kings" is unknown',
    ],
    [
      'two actions for one trigger × segment',
      {
        actions: [
          { id: 'a', trigger: 'lapsing', action: 'A', channel: 'email', marketing: true },
          {
            id: 'b',
            trigger: 'lapsing',
            segments: ['Loyals'],
            action: 'B',
            channel: 'email',
            marketing: true,
          },
        ],
      },
      'r.yaml: actions "a" and "b" both answer trigger lapsing for segment "Loyals"',
    ],
    [
      'a reserved segment name',
      { segments: [{ name: 'inactive', tiers: ['Super 5%'], loyalty: ['high'] }] },
      'r.yaml: segment name "inactive" is reserved',
    ],
  ];
  it.each(checks)('refuses %s, naming the rule', (_, change, message) => {
    expect(() => checkRules({ ...DEFAULT_RULES, ...change }, tiers, 'r.yaml')).toThrow(message);
  });
});
