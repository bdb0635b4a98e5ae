import { describe, expect, it } from 'vitest';
import { renderMessages } from '../messages/catalogue';
import {
  joinMonthComplete,
  joinWindows,
  monthIndex,
  programmeEffect,
  tenureBand,
  type JoinCell,
} from './programme';

const cell = (c: Partial<JoinCell> & Pick<JoinCell, 'member' | 'customers'>): JoinCell => ({
  month: monthIndex('2025-06-15'),
  tier: 0,
  band: 0,
  boughtInMonth: false,
  beforePurchases: 0,
  beforeRevenue: 0,
  afterPurchases: 0,
  afterRevenue: 0,
  activePre: 0,
  activeBefore: 0,
  preAndBefore: 0,
  beforeAndAfter: 0,
  ...c,
});

describe('the windows around joining', () => {
  it('are whole months before and after the month of joining, which is in neither', () => {
    const w = joinWindows(monthIndex('2024-02-10'), 3);
    expect(w.pre).toEqual({ startExclusive: '2023-07-31', endInclusive: '2023-10-31' });
    expect(w.before).toEqual({ startExclusive: '2023-10-31', endInclusive: '2024-01-31' });
    expect(w.joining).toEqual({ startExclusive: '2024-01-31', endInclusive: '2024-02-29' });
    expect(w.after).toEqual({ startExclusive: '2024-02-29', endInclusive: '2024-05-31' });
    expect(w.historyDay).toBe('2023-11-01');
    expect(joinMonthComplete(monthIndex('2024-02-10'), 3, '2024-05-31')).toBe(true);
    expect(joinMonthComplete(monthIndex('2024-02-10'), 3, '2024-05-30')).toBe(false);
  });

  it('puts tenures into bands at 365, 730 and 1826 days', () => {
    expect([0, 364, 365, 729, 730, 1825, 1826, 9000].map(tenureBand)).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });
});

describe('the matched difference in differences', () => {
  // one tier, 12-month windows (per year = per window). Cell band 0: 2 members against 4 controls; band 1:
  // 1 member against 1 control; a member who bought in the month of joining has no control of its kind.
  const cells: JoinCell[] = [
    cell({
      member: true,
      customers: 2,
      beforePurchases: 2,
      afterPurchases: 6,
      beforeRevenue: 100,
      afterRevenue: 300,
      activePre: 2,
      activeBefore: 2,
      preAndBefore: 1,
      beforeAndAfter: 2,
    }),
    cell({
      member: false,
      customers: 4,
      beforePurchases: 4,
      afterPurchases: 4,
      beforeRevenue: 400,
      afterRevenue: 200,
      activePre: 4,
      activeBefore: 4,
      preAndBefore: 2,
      beforeAndAfter: 1,
    }),
    cell({
      member: true,
      band: 1,
      customers: 1,
      beforePurchases: 1,
      afterPurchases: 1,
      beforeRevenue: 50,
      afterRevenue: 50,
      activePre: 1,
      activeBefore: 1,
      preAndBefore: 1,
      beforeAndAfter: 1,
    }),
    cell({
      member: false,
      band: 1,
      customers: 1,
      beforePurchases: 3,
      afterPurchases: 1,
      beforeRevenue: 90,
      afterRevenue: 30,
      activePre: 1,
      activeBefore: 1,
      preAndBefore: 1,
      beforeAndAfter: 0,
    }),
    cell({ member: true, boughtInMonth: true, customers: 1, afterPurchases: 2, afterRevenue: 80 }),
  ];
  const naive = {
    current: [
      {
        members: { customers: 2, purchases: 4, revenue: 100 },
        nonMembers: { customers: 0, purchases: 0, revenue: 0 },
      },
    ],
    retention: [{ members: { previous: 0, retained: 0 }, nonMembers: { previous: 3, retained: 2 } }],
  };
  const r = programmeEffect(['A'], naive, cells, { tooRecent: 0, shortHistory: 0 }, 12, {
    members: 0,
    joinedAfterAsOf: 0,
  });

  it('weights each cell by its members', () => {
    const t = r.matched.total;
    expect([t.matchedMembers, t.controls, t.unmatchedMembers, t.retentionMembers]).toEqual([3, 5, 1, 3]);
    // members (2 + 1) / 3 → (6 + 1) / 3; controls (2 × 4/4 + 1 × 3) / 3 → (2 × 4/4 + 1 × 1) / 3
    expect(t.frequency.memberBefore).toBeCloseTo(1, 12);
    expect(t.frequency.memberAfter).toBeCloseTo(7 / 3, 12);
    expect(t.frequency.controlBefore).toBeCloseTo(5 / 3, 12);
    expect(t.frequency.controlAfter).toBeCloseTo(1, 12);
    expect(t.frequency.did).toBeCloseTo(2, 12);
    // volume: members 150 / 3 → 350 / 3; controls (2 × 100 + 90) / 3 → (2 × 50 + 30) / 3
    expect(t.volume.did).toBeCloseTo(120, 9);
    // retention: members (2 × 1/2 + 1) / 3 → 1; controls (2 × 2/4 + 1) / 3 → (2 × 1/4 + 0) / 3
    expect(t.retention.memberBefore).toBeCloseTo(2 / 3, 12);
    expect(t.retention.controlAfter).toBeCloseTo(1 / 6, 12);
    expect(t.retention.did).toBeCloseTo(5 / 6, 12);
  });

  it('follows every member before and after, matched or not', () => {
    expect(r.beforeAfter.total).toMatchObject({ members: 4, frequencyBefore: 0.75, frequencyAfter: 2.25 });
    expect(r.beforeAfter.tiers.map((x) => x.tier)).toEqual(['A', null]);
  });

  it('leaves a side without customers undefined, never 0, and says why', () => {
    const [a] = r.naive.tiers;
    expect(a!.members).toEqual({
      customers: 2,
      frequency: 2,
      volume: 50,
      previousActive: 0,
      retention: null,
    });
    expect(a!.nonMembers).toMatchObject({ customers: 0, frequency: null, volume: null, retention: 2 / 3 });
    expect([a!.frequencyDifference, a!.retentionDifference]).toEqual([null, null]);
    const notes = renderMessages(r.notes, 'en');
    expect(notes[0]).toMatch(/self-selection/);
    expect(notes).toContain(
      'no customer has a member_since on or before the as-of day: the members’ figures are undefined',
    );
    expect(notes.join(' ')).toMatch(/1 member has no non-member of the same month of joining/);
  });
});
