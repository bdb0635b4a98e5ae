/**
 * The loyalty-programme effect through the store: the hand-computed case of test/programme/fixture.ts.
 * Three-month windows as of 2025-12-31 (× 4 per year), tiers A:50,B:50.
 *
 * Naive: current (2025-09-30, 2025-12-31], previous (2025-06-30, 2025-09-30]. Members on the as-of day:
 * m1, m2, m3, m4, m6 (5); m5 joins 2026-02-01 and is a non-member. Current revenue: m1 600, m3 500, n1 110
 * (150 − 40 returned), m2 100, m5 100, n3 70 → 6 active, cut-offs 3, 6: A {m1, m3, n1}, B {m2, m5, n3}.
 * Previous value: m1 600, n1 150, m2 120, m4 80, n3 70, m6 40 → A {m1, n1, m2}, B {m4, n3, m6}; of them
 * m1, m2, n1, n3 buy again in the current window.
 *
 * Before / after: members who joined in June 2025 (m1, m2, m4, m6): pre (2024-11-30, 2025-02-28], before
 * (2025-02-28, 2025-05-31], after (2025-06-30, 2025-09-30]; known by 2025-03-01. m3 (November) is too recent,
 * m4 (first purchase 2025-04-01) has too little history. Active before: n1 300, m1 200, n5 120, n4 90, m4 80,
 * m2 60, n2 50 → cut-offs 4, 7: A {n1, m1, n5, n4}, B {m4, m2, n2}. Tenure on 2025-03-01: m1 45 days, m2 273,
 * m6 76, n1 28, n4 40, n5 35, m5 55 (band 0), n2 670 (acquired 2023-05-01, band 1). Bought in June: m1, n5.
 * Cells: A/0/bought member m1, control n5 (n1 and n4 did not buy in June: another cell); B/0 member m2, no
 * control (n2 is in band 1); inactive/0 member m6, control m5 (joins after the after window).
 */
import { describe, expect, it } from 'vitest';
import { programmeReport } from '../../src/app/reports/programme';
import { renderMessages } from '../../src/core/messages/catalogue';
import { PROGRAMME_CUSTOMERS, PROGRAMME_OPTIONS, PROGRAMME_TRANSACTIONS } from '../programme/fixture';
import { programme } from './input';
import type { OpenStore } from './load';
import { openTestStore } from './load';

export function programmeSuite(open: OpenStore): void {
  describe('loyalty-programme effect', () => {
    it('compares members with non-members, before with after joining, and matched non-members', async () => {
      const store = await openTestStore(open);
      try {
        await store.land('customers', PROGRAMME_CUSTOMERS.columns, PROGRAMME_CUSTOMERS.rows);
        await store.land('transactions', PROGRAMME_TRANSACTIONS.columns, PROGRAMME_TRANSACTIONS.rows);
        const r = await programmeReport(store.analytics, programme(PROGRAMME_OPTIONS));
        expect([r.members, r.joinedAfterAsOf]).toEqual([5, 1]);

        // (a) naive, per year (× 4)
        const [a, b] = r.naive.tiers;
        // A members m1 (2 purchases, 600), m3 (1, 500); non-member n1 (1, 110)
        expect(a!.members).toEqual({
          customers: 2,
          frequency: 6,
          volume: 2200,
          previousActive: 2,
          retention: 1,
        });
        expect(a!.nonMembers).toEqual({
          customers: 1,
          frequency: 4,
          volume: 440,
          previousActive: 1,
          retention: 1,
        });
        expect([a!.frequencyDifference, a!.volumeDifference, a!.retentionDifference]).toEqual([2, 1760, 0]);
        // B members m2 (1, 100); non-members m5 (1, 100), n3 (1, 70); previous B: m4, m6 lost, n3 kept
        expect(b!.members).toEqual({
          customers: 1,
          frequency: 4,
          volume: 400,
          previousActive: 2,
          retention: 0,
        });
        expect(b!.nonMembers).toEqual({
          customers: 2,
          frequency: 4,
          volume: 340,
          previousActive: 1,
          retention: 1,
        });
        expect([b!.frequencyDifference, b!.volumeDifference, b!.retentionDifference]).toEqual([0, 60, -1]);
        const t = r.naive.total;
        expect(t.members.customers).toBe(3);
        expect(t.members.frequency).toBeCloseTo(16 / 3, 12);
        expect(t.members.volume).toBe(1600);
        expect([t.members.previousActive, t.members.retention]).toEqual([4, 0.5]);
        expect(t.nonMembers.customers).toBe(3);
        expect(t.nonMembers.frequency).toBe(4);
        expect(t.nonMembers.volume).toBeCloseTo(1120 / 3, 9);
        expect([t.nonMembers.previousActive, t.nonMembers.retention]).toEqual([2, 1]);

        // (b) before / after joining, per tier of the before window
        const ba = r.beforeAfter;
        expect(ba.leftOut).toEqual({ tooRecent: 1, shortHistory: 1 });
        expect(ba.tiers.map((x) => x.tier)).toEqual(['A', 'B', null]);
        // m1: before 2 purchases 200, after 3 purchases 600, active in pre and before and after
        expect(ba.tiers[0]).toEqual({
          tier: 'A',
          members: 1,
          frequencyBefore: 8,
          frequencyAfter: 12,
          volumeBefore: 800,
          volumeAfter: 2400,
          retentionBase: { before: 1, after: 1 },
          retentionBefore: 1,
          retentionAfter: 1,
        });
        // m2: before 1 (60), after 2 (120); not active in pre
        expect(ba.tiers[1]).toEqual({
          tier: 'B',
          members: 1,
          frequencyBefore: 4,
          frequencyAfter: 8,
          volumeBefore: 240,
          volumeAfter: 480,
          retentionBase: { before: 0, after: 1 },
          retentionBefore: null,
          retentionAfter: 1,
        });
        // m6: active in pre, not before, once after (40)
        expect(ba.tiers[2]).toEqual({
          tier: null,
          members: 1,
          frequencyBefore: 0,
          frequencyAfter: 4,
          volumeBefore: 0,
          volumeAfter: 160,
          retentionBase: { before: 1, after: 0 },
          retentionBefore: 0,
          retentionAfter: null,
        });
        expect(ba.total).toMatchObject({
          members: 3,
          frequencyBefore: 4, // 3 purchases / 3 × 4
          frequencyAfter: 8, // 6 / 3 × 4
          retentionBase: { before: 2, after: 2 },
          retentionBefore: 0.5,
          retentionAfter: 1,
        });
        expect(ba.total.volumeBefore).toBeCloseTo((260 / 3) * 4, 9);
        expect(ba.total.volumeAfter).toBeCloseTo((760 / 3) * 4, 9);

        // (c) matched: A/0/bought m1 against n5; inactive/0 m6 against m5; m2 unmatched
        const [ma, mb, mi] = r.matched.tiers;
        expect(ma).toMatchObject({ tier: 'A', matchedMembers: 1, controls: 1, unmatchedMembers: 0 });
        // n5: before 1 purchase of 120, none after
        expect(ma!.frequency).toEqual({
          memberBefore: 8,
          memberAfter: 12,
          controlBefore: 4,
          controlAfter: 0,
          did: 8,
        });
        expect(ma!.volume).toEqual({
          memberBefore: 800,
          memberAfter: 2400,
          controlBefore: 480,
          controlAfter: 0,
          did: 2080,
        });
        // retention: m1 1 → 1; n5 active in pre and before (1), not after (0)
        expect(ma!.retentionMembers).toBe(1);
        expect(ma!.retention).toEqual({
          memberBefore: 1,
          memberAfter: 1,
          controlBefore: 1,
          controlAfter: 0,
          did: 1,
        });
        expect(mb).toMatchObject({ tier: 'B', matchedMembers: 0, controls: 0, unmatchedMembers: 1 });
        expect(mb!.frequency.did).toBeNull();
        expect(mi).toMatchObject({ tier: null, matchedMembers: 1, controls: 1, unmatchedMembers: 0 });
        expect(mi!.frequency).toEqual({
          memberBefore: 0,
          memberAfter: 4,
          controlBefore: 0,
          controlAfter: 0,
          did: 4,
        });
        expect(mi!.volume.did).toBe(160);
        expect(mi!.retentionMembers).toBe(0);
        expect(mi!.retention.did).toBeNull();
        const mt = r.matched.total;
        expect(mt).toMatchObject({
          matchedMembers: 2,
          controls: 2,
          unmatchedMembers: 1,
          retentionMembers: 1,
        });
        // members (8 + 0) / 2 → (12 + 4) / 2; controls (4 + 0) / 2 → 0
        expect(mt.frequency).toEqual({
          memberBefore: 4,
          memberAfter: 8,
          controlBefore: 2,
          controlAfter: 0,
          did: 6,
        });
        expect(mt.volume).toEqual({
          memberBefore: 400,
          memberAfter: 1280,
          controlBefore: 240,
          controlAfter: 0,
          did: 1120,
        });
        expect(mt.retention.did).toBe(1);

        const notes = renderMessages(r.notes, 'en').join(' | ');
        expect(notes).toMatch(/self-selection/);
        expect(notes).toMatch(
          /1 customer joins the programme after the as-of day .*: counted as a non-member as of that day/,
        );
        expect(notes).toMatch(
          /3 members followed; left out 1 who joined too recently .* and 1 without a first/,
        );
        expect(notes).toMatch(
          /1 member has no non-member of the same month of joining, tier, tenure band and purchase in that month/,
        );
        expect(notes).toMatch(/matched retention from 1 of the 2 matched members/);
        expect(renderMessages(r.notes, 'sv').join(' | ')).toMatch(/självselektion/);
      } finally {
        await store.close();
      }
    });

    it('counts a member whose member_since is after the as-of day as a non-member on that day', async () => {
      const store = await openTestStore(open);
      try {
        await store.land('customers', PROGRAMME_CUSTOMERS.columns, PROGRAMME_CUSTOMERS.rows);
        await store.land('transactions', PROGRAMME_TRANSACTIONS.columns, PROGRAMME_TRANSACTIONS.rows);
        // as of 2025-10-31: m3 (2025-11-15) and m5 join later; members m1, m2, m4, m6
        const r = await programmeReport(
          store.analytics,
          programme({ ...PROGRAMME_OPTIONS, asOf: '2025-10-31' }),
        );
        expect([r.members, r.joinedAfterAsOf]).toEqual([4, 2]);
        // current (2025-07-31, 2025-10-31]: members m1 (3 purchases), m2 (2), m6 (1); m3 (500 on 10-01) is not one
        expect(r.naive.total.members.customers).toBe(3);
        expect(r.naive.total.nonMembers.customers).toBe(4); // m3, m5, n1, n3
        // June joiners are followed to 2025-09-30 ≤ 2025-10-31; nobody is too recent
        expect(r.beforeAfter.leftOut).toEqual({ tooRecent: 0, shortHistory: 1 });
        // m3 joins after the after window ends but is not known by 2025-03-01: still no control for m2
        expect(r.matched.total.matchedMembers).toBe(2);
      } finally {
        await store.close();
      }
    });

    it('keeps every figure exact with an amount too large to hand over packed (2,000,000,000)', async () => {
      // m3's purchase c1 is 2,000,000,000 instead of 500: still tier A (now first), m3 still too recent
      const rows = PROGRAMME_TRANSACTIONS.rows.map((row) =>
        row[0] === 'c1' ? ([row[0], row[1], row[2], '2000000000'] as const) : row,
      );
      const store = await openTestStore(open);
      try {
        await store.land('customers', PROGRAMME_CUSTOMERS.columns, PROGRAMME_CUSTOMERS.rows);
        await store.land('transactions', PROGRAMME_TRANSACTIONS.columns, rows);
        const r = await programmeReport(store.analytics, programme(PROGRAMME_OPTIONS));
        // A members m1 (2 purchases, 600) and m3 (1, 2,000,000,000): (600 + 2,000,000,000) / 2 × 4
        expect(r.naive.tiers[0]!.members).toEqual({
          customers: 2,
          frequency: 6,
          volume: 4_000_001_200,
          previousActive: 2,
          retention: 1,
        });
        // members in total: (600 + 2,000,000,000 + 100) / 3 × 4
        expect(r.naive.total.members.volume).toBe(2_666_667_600);
        expect(r.naive.tiers[1]!.nonMembers.volume).toBe(340);
        expect([r.matched.total.matchedMembers, r.matched.total.frequency.did]).toEqual([2, 6]);
      } finally {
        await store.close();
      }
    });
  });
}
