import { describe, expect, it } from 'vitest';
import { summariseComplaints, type ComplaintRecord } from './complaints';
import { shareWithinTarget, targetHoursFor } from './resolution-target';
import { renderMessages } from '../messages/catalogue';

const H = 3_600_000;
const at = (iso: string): number => Date.parse(iso);
const complaint = (
  c: Partial<ComplaintRecord> & { complaintId: string; openedAt: number },
): ComplaintRecord => ({
  customerId: 'X',
  firstResponseAt: null,
  resolvedAt: null,
  category: null,
  priority: null,
  outcome: null,
  satisfaction: null,
  ...c,
});
const opened = (day: string): number => at(`${day}T00:00:00Z`);

// A hand-checked period: [2025-02-28, 2025-03-10 12:00 UTC).
const c1 = opened('2025-03-01');
const c2 = opened('2025-03-02');
const c3 = opened('2025-03-03');
const c5 = opened('2025-03-05');
const c6 = opened('2025-03-06');
const c9 = opened('2025-03-07');
const records: ComplaintRecord[] = [
  complaint({
    complaintId: 'c1',
    customerId: 'A',
    openedAt: c1,
    firstResponseAt: c1 + H,
    resolvedAt: c1 + 10 * H,
    category: 'delivery',
    outcome: 'accepted',
    satisfaction: 4,
  }),
  complaint({
    complaintId: 'c2',
    customerId: 'A',
    openedAt: c2,
    firstResponseAt: c2 + 2 * H,
    resolvedAt: c2 + 30 * H,
    category: 'delivery',
    outcome: 'accepted',
    satisfaction: 2,
  }),
  complaint({
    complaintId: 'c3',
    customerId: 'B',
    openedAt: c3,
    firstResponseAt: c3 + 4 * H,
    resolvedAt: c3 + 20 * H,
    category: 'billing',
    outcome: 'refused',
    satisfaction: 3,
  }),
  complaint({ complaintId: 'c4', customerId: 'C', openedAt: opened('2025-03-04'), category: 'delivery' }),
  // resolved after the as-of instant: open at it
  complaint({
    complaintId: 'c5',
    customerId: 'D',
    openedAt: c5,
    firstResponseAt: c5 + 3 * H,
    resolvedAt: at('2025-03-11T00:00:00Z'),
    category: 'quality',
    priority: 'high',
  }),
  // low priority: 72 h target, resolved in 50 h
  complaint({
    complaintId: 'c6',
    customerId: 'B',
    openedAt: c6,
    firstResponseAt: c6 + H / 2,
    resolvedAt: c6 + 50 * H,
    category: 'delivery',
    priority: 'low',
    outcome: 'accepted',
    satisfaction: 5,
  }),
  // opened before the period and still open: in the backlog only
  complaint({ complaintId: 'c7', customerId: 'E', openedAt: opened('2025-02-20'), category: 'delivery' }),
  // opened after the as-of instant: does not exist yet
  complaint({ complaintId: 'c8', customerId: 'G', openedAt: opened('2025-03-11'), category: 'delivery' }),
  // exactly 24 h: within a 24 h target
  complaint({
    complaintId: 'c9',
    customerId: 'F',
    openedAt: c9,
    firstResponseAt: c9 + 24 * H,
    resolvedAt: c9 + 24 * H,
    category: 'billing',
    outcome: 'accepted',
  }),
];
const options = {
  asOfMs: at('2025-03-10T12:00:00Z'),
  fromMs: at('2025-02-28T00:00:00Z'),
  activeCustomers: 2_000,
  orders: 14_000,
  targets: { byPriority: { low: 72 }, byCategory: { quality: 48 } },
};

describe('complaints KPIs', () => {
  const s = summariseComplaints(records, options);

  it('counts the period and rates it per 1 000 customers and orders', () => {
    // c1, c2, c3, c4, c5, c6, c9 = 7; 7 × 1 000 / 2 000 = 3.5; 7 × 1 000 / 14 000 = 0.5
    expect(s.complaints).toBe(7);
    expect(s.perThousandCustomers).toBe(3.5);
    expect(s.perThousandOrders).toBe(0.5);
    expect(s.clock).toBe('calendar');
  });

  it('takes the period half-open, as the store does: [from, as-of), resolved exactly at as-of is still open', () => {
    const from = at('2025-03-01T00:00:00Z');
    const asOf = at('2025-03-02T00:00:00Z');
    const edge = [
      complaint({ complaintId: 'e1', openedAt: from, resolvedAt: from + 5 * H }), // in, resolved in 5 h
      complaint({ complaintId: 'e2', openedAt: from + H, resolvedAt: asOf, firstResponseAt: asOf }), // in, open at as-of
      complaint({ complaintId: 'e3', openedAt: asOf, resolvedAt: asOf + H }), // the next day's
      complaint({ complaintId: 'e4', openedAt: from - 1, resolvedAt: from + H }), // the day before's
    ];
    const r = summariseComplaints(edge, { asOfMs: asOf, fromMs: from });
    expect([r.complaints, r.resolved, r.open]).toEqual([2, 1, 1]);
    expect(r.resolutionHours.median).toBe(5);
    expect(r.firstResponseHours.awaiting).toBe(2);
    // the backlog: e2, 23 h old at the as-of instant (e4 was resolved before it, e3 did not exist yet)
    expect([r.backlog.open, r.backlog.ageMaxHours]).toEqual([1, 23]);
  });

  it('counts complaints resolved after the as-of instant as open', () => {
    // resolved by 2025-03-10 12:00: c1, c2, c3, c6, c9; open: c4 and c5 (resolved on the 11th)
    expect([s.resolved, s.open]).toEqual([5, 2]);
  });

  it('gives resolution-time median, mean and type-7 p90', () => {
    // 10, 20, 24, 30, 50: median 24; mean 134 / 5 = 26.8; p90 h = 4 × 0.9 = 3.6 → 30 + 0.6 × 20 = 42
    expect(s.resolutionHours).toEqual({
      n: 5,
      median: 24,
      mean: 26.8,
      p90: expect.closeTo(42, 12) as number,
    });
    // first responses 0.5, 1, 2, 3, 4, 24 (c4 none): median 2.5, mean 34.5 / 6 = 5.75, p90 h = 4.5 → 4 + 0.5 × 20 = 14
    expect(s.firstResponseHours).toEqual({ n: 6, median: 2.5, mean: 5.75, p90: 14, awaiting: 1 });
  });

  it('shares within target with per-priority targets, open ones missed', () => {
    // within: c1 (10 ≤ 24), c3 (20), c6 (50 ≤ 72, low priority), c9 (24 ≤ 24); missed: c2 (30), c4, c5 (open)
    expect(s.withinTarget.within).toBe(4);
    expect(s.withinTarget.share).toBeCloseTo(4 / 7, 12);
  });

  it('keeps the backlog as a stock at the as-of instant', () => {
    // open at 2025-03-10 12:00: c4 (6.5 days = 156 h), c5 (132 h), c7 (18.5 days = 444 h; opened before the period)
    expect(s.backlog).toEqual({ open: 3, ageMedianHours: 156, ageMaxHours: 444 });
  });

  it('ranks causes with cumulative shares and marks the vital few', () => {
    // delivery 4 (c1, c2, c4, c6), billing 2 (c3, c9), quality 1 (c5) of 7
    expect(s.causes.map((c) => [c.cause, c.complaints, c.vitalFew])).toEqual([
      ['delivery', 4, true],
      ['billing', 2, true],
      ['quality', 1, false],
    ]);
    expect(s.causes.map((c) => c.cumulativeShare)).toEqual([4 / 7, 6 / 7, 1]);
  });

  it('finds repeat complainants, outcomes and satisfaction after resolution', () => {
    // A: c1, c2; B: c3, c6; C, D, F once → 5 complainants, 2 repeat, 4 complaints by repeaters
    expect(s.repeat).toEqual({ complainants: 5, repeat: 2, repeatShare: 0.4, complaintsByRepeat: 4 });
    // accepted c1, c2, c6, c9; refused c3; undecided c4, c5 → 4 / 5 accepted
    expect(s.outcomes).toEqual({ accepted: 4, refused: 1, undecided: 2, acceptedShare: 0.8 });
    // resolved with a score: 4, 2, 3, 5 → 3.5 (c9 has none; open c4, c5 are not counted)
    expect(s.satisfaction).toEqual({ n: 4, mean: 3.5 });
    expect(renderMessages(s.notes, 'en')).toEqual([]);
  });

  it('measures in business hours when a calendar is given', () => {
    // Friday 2025-03-28 16:00 CET → Monday 2025-03-31 09:00 CEST: 64 calendar hours, 2 business hours
    const r = complaint({
      complaintId: 'w',
      openedAt: at('2025-03-28T15:00:00Z'),
      resolvedAt: at('2025-03-31T07:00:00Z'),
    });
    const asOfMs = at('2025-04-01T00:00:00Z');
    expect(summariseComplaints([r], { asOfMs }).resolutionHours.median).toBe(64);
    const business = summariseComplaints([r], { asOfMs, businessCalendar: { timeZone: 'Europe/Stockholm' } });
    expect(business.clock).toBe('business');
    expect(business.resolutionHours.median).toBe(2);
    expect(business.withinTarget.share).toBe(1);
  });

  it('is null, not NaN, without complaints, and notes unmeasurable records', () => {
    const empty = summariseComplaints([], { asOfMs: 0, activeCustomers: 0 });
    expect([empty.perThousandCustomers, empty.perThousandOrders, empty.withinTarget.share]).toEqual([
      null,
      null,
      null,
    ]);
    expect(empty.resolutionHours).toEqual({ n: 0, median: null, mean: null, p90: null });
    expect(empty.backlog).toEqual({ open: 0, ageMedianHours: null, ageMaxHours: null });
    expect([empty.repeat.repeatShare, empty.outcomes.acceptedShare, empty.satisfaction.mean]).toEqual([
      null,
      null,
      null,
    ]);
    expect(renderMessages(empty.notes, 'en')[0]).toMatch(/no complaints/);
    const backwards = complaint({ complaintId: 'b', openedAt: 10 * H, resolvedAt: 5 * H });
    const r = summariseComplaints([backwards], { asOfMs: 20 * H });
    expect([r.resolved, r.resolutionHours.n, r.withinTarget.share]).toEqual([1, 0, 0]);
    expect(renderMessages(r.notes, 'en')).toEqual([
      '1 complaint(s) resolved or answered before they were opened: left out of the times',
    ]);
  });
});

describe('monthly trend', () => {
  it('buckets by month of opening in the report zone, empty months included', () => {
    // 2025-01-31 23:30 UTC is 2025-02-01 00:30 in Stockholm: January in UTC, February in Stockholm.
    const late = at('2025-01-31T23:30:00Z');
    const rs = [
      complaint({
        complaintId: 'a',
        openedAt: at('2025-01-10T10:00:00Z'),
        resolvedAt: at('2025-01-10T14:00:00Z'),
      }),
      complaint({ complaintId: 'b', openedAt: late, resolvedAt: late + 30 * H }),
      complaint({ complaintId: 'c', openedAt: at('2025-03-15T10:00:00Z') }),
    ];
    const asOfMs = at('2025-03-31T00:00:00Z');
    const utc = summariseComplaints(rs, { asOfMs }).trend;
    expect(utc).toEqual([
      { month: '2025-01', opened: 2, resolved: 2, medianResolutionHours: 17, withinTargetShare: 0.5 },
      { month: '2025-02', opened: 0, resolved: 0, medianResolutionHours: null, withinTargetShare: null },
      { month: '2025-03', opened: 1, resolved: 0, medianResolutionHours: null, withinTargetShare: 0 },
    ]);
    const stockholm = summariseComplaints(rs, { asOfMs, timeZone: 'Europe/Stockholm' }).trend;
    expect(stockholm.map((m) => [m.month, m.opened])).toEqual([
      ['2025-01', 1],
      ['2025-02', 1],
      ['2025-03', 1],
    ]);
  });
});

describe('share within target', () => {
  it('is the headline 24 h share: inclusive, open complaints missed', () => {
    // 10 h and 24 h are within 24 h; 25 h is not; the open one (null) is not → 2 / 4
    expect(shareWithinTarget([10, 24, 25, null])).toBe(0.5);
    expect(shareWithinTarget([10, 24, 25, null], 25)).toBe(0.75);
    expect(shareWithinTarget([])).toBeNull();
    expect(shareWithinTarget([null, null])).toBe(0);
  });

  it('picks the priority target, then the category, then 24 h', () => {
    const targets = { defaultHours: 36, byCategory: { billing: 48 }, byPriority: { high: 8 } };
    expect(targetHoursFor(targets, 'billing', 'high')).toBe(8);
    expect(targetHoursFor(targets, 'billing', 'normal')).toBe(48);
    expect(targetHoursFor(targets, null, null)).toBe(36);
    expect(targetHoursFor({}, 'billing', 'high')).toBe(24);
  });
});
