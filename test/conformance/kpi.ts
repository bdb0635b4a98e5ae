/**
 * The KPI board through the store: targets set, replaced and removed, snapshots saved (one per KPI and
 * as-of day) and read back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiStatus, removeKpiTarget } from '../../src/app/kpi/board';
import { kpiQualityReport, qualityMonths } from '../../src/app/kpi/quality';
import { KPI_CATALOGUE } from '../../src/core/kpi/catalogue';
import { CvmError } from '../../src/core/errors';
import { openTestStore, storeWith, type OpenStore, type TestStore } from './load';
import { renderMessages } from '../../src/core/messages/catalogue';

/** The suite, on stores opened by `open`. */
export function kpiSuite(open: OpenStore): void {
  describe('KPI board', () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await openTestStore(open);
    });
    afterAll(async () => {
      await store.close();
    });

    it('sets, replaces and removes targets', async () => {
      const port = store.unit.kpi;
      expect(await port.targets()).toEqual([]);
      await port.setTarget({
        kpi: 'retention',
        target: { kind: 'value', value: 0.9 },
        deadline: '2026-12-31',
        owner: 'Anna',
        setAt: '2026-01-05T08:00:00.000Z',
      });
      await port.setTarget({
        kpi: 'nps',
        target: { kind: 'range', low: 20, high: 40 },
        deadline: '2027-06-30',
        owner: 'Bo',
        setAt: '2026-01-05T08:01:30.250Z',
      });
      await port.setTarget({
        kpi: 'retention',
        target: { kind: 'value', value: 0.85 },
        deadline: '2027-03-31',
        owner: 'Cia',
        setAt: '2026-02-01T10:00:00.000Z',
      });
      expect(await port.targets()).toEqual([
        {
          kpi: 'nps',
          target: { kind: 'range', low: 20, high: 40 },
          deadline: '2027-06-30',
          owner: 'Bo',
          setAt: '2026-01-05T08:01:30.250Z',
        },
        {
          kpi: 'retention',
          target: { kind: 'value', value: 0.85 },
          deadline: '2027-03-31',
          owner: 'Cia',
          setAt: '2026-02-01T10:00:00.000Z',
        },
      ]);
      expect(await port.removeTarget('nps')).toBe(true);
      expect(await port.removeTarget('nps')).toBe(false);
      expect((await port.targets()).map((t) => t.kpi)).toEqual(['retention']);
    });

    it('saves snapshots and reads them back by as-of day, a later one replacing the same day', async () => {
      const port = store.unit.kpi;
      expect(await port.snapshots('churn')).toEqual([]);
      await port.saveSnapshot({
        kpi: 'churn',
        asOf: '2025-12-31',
        value: 0.12,
        takenAt: '2026-01-02T09:00:00.000Z',
      });
      await port.saveSnapshot({
        kpi: 'churn',
        asOf: '2024-12-31',
        value: 0.15,
        takenAt: '2026-01-02T09:00:00.000Z',
      });
      await port.saveSnapshot({
        kpi: 'csat',
        asOf: '2025-12-31',
        value: null,
        takenAt: '2026-01-02T09:00:00.000Z',
      });
      await port.saveSnapshot({
        kpi: 'churn',
        asOf: '2025-12-31',
        value: 0.11,
        takenAt: '2026-01-03T09:00:00.000Z',
      });
      expect(await port.snapshots('churn')).toEqual([
        { kpi: 'churn', asOf: '2024-12-31', value: 0.15, takenAt: '2026-01-02T09:00:00.000Z' },
        { kpi: 'churn', asOf: '2025-12-31', value: 0.11, takenAt: '2026-01-03T09:00:00.000Z' },
      ]);
      expect(await port.snapshots('csat')).toEqual([
        { kpi: 'csat', asOf: '2025-12-31', value: null, takenAt: '2026-01-02T09:00:00.000Z' },
      ]);
    });
  });

  describe('KPI board values computed from the store', () => {
    let store: TestStore;
    beforeAll(async () => {
      // As of 2025-12-31: current window (2024-12-31, 2025-12-31], previous (2023-12-31, 2024-12-31].
      // a: both windows, twice in the current one; b: first purchase ever in the current window (new);
      // c: bought in 2023, back in 2025 (won back, not new); d: twice in the previous window only;
      // e: only a return (never active).
      store = await storeWith(open, [
        ['a', '2024-03-01', 100],
        ['a', '2025-02-01', 50],
        ['a', '2025-03-01', 50],
        ['b', '2025-05-01', 20],
        ['c', '2023-06-01', 10],
        ['c', '2025-06-01', 10],
        ['d', '2024-05-01', 10],
        ['d', '2024-06-01', 10],
        ['e', '2025-07-01', -5],
      ]);
      await store.land(
        'complaints',
        ['complaint_id', 'customer_id', 'opened_at', 'resolved_at', 'satisfaction'],
        [
          ['k1', 'a', '2025-11-01 10:00:00', '2025-11-02 10:00:00', 4],
          ['k2', 'b', '2025-12-01 10:00:00', '2025-12-03 10:00:00', 2],
          ['k3', 'c', '2025-12-20 10:00:00', null, null],
          // opened in the previous window, still open: in both backlogs
          ['k4', 'd', '2024-06-01 10:00:00', null, null],
          // resolved after the as-of instant: open at it, its satisfaction not counted yet
          ['k5', 'a', '2025-12-30 10:00:00', '2026-01-05 10:00:00', 5],
        ],
      );
      await store.land(
        'surveys',
        ['response_id', 'customer_id', 'answered_on', 'kind', 'score'],
        [
          ['s1', 'a', '2024-06-01', 'nps', 9],
          ['s2', 'd', '2024-07-01', 'nps', 3],
          ['s3', 'a', '2025-11-15', 'csat', 5],
          ['s4', 'b', '2025-11-20', 'csat', 3],
          ['s5', 'b', '2025-12-01', 'ces', 2],
          ['s6', 'c', '2025-12-02', 'ces', 5],
          ['s7', 'a', '2025-12-03', 'nps', 10],
          ['s8', 'b', '2025-12-04', 'nps', 6],
        ],
      );
      for (const kpi of [
        'repeat-order-share',
        'new-customer-share',
        'complaint-backlog',
        'satisfaction-after-complaint',
      ])
        await store.unit.kpi.setTarget({
          kpi,
          target: { kind: 'value', value: 1 },
          deadline: '2026-12-31',
          owner: 'Anna',
          setAt: '2026-01-05T08:00:00.000Z',
        });
    });
    afterAll(async () => {
      await store.close();
    });

    it('gives the repeat-order and new-customer shares, the backlog and satisfaction after complaint', async () => {
      const r = await kpiStatus(store.unit, { asOf: '2025-12-31' }, '2026-01-06T09:00:00.000Z');
      const row = (id: string) => r.rows.find((x) => x.id === id);
      // current: a, b, c active; a twice → 1 / 3; previous: a, d active; d twice → 1 / 2
      expect(row('repeat-order-share')).toMatchObject({ current: 1 / 3, previous: 1 / 2, note: null });
      // current: b new of a, b, c → 1 / 3; previous: a and d both bought for the first time → 2 / 2
      expect(row('new-customer-share')).toMatchObject({ current: 1 / 3, previous: 1, note: null });
      // open at 2026-01-01T00:00Z: k3, k4, k5; at 2025-01-01T00:00Z: k4
      expect(row('complaint-backlog')).toMatchObject({ current: 3, previous: 1, note: null });
      // resolved by the as-of instant with a score: k1 4, k2 2 → 3; none in the previous window
      expect(row('satisfaction-after-complaint')).toMatchObject({ current: 3, previous: null, note: null });
      expect((await store.unit.kpi.snapshots('complaint-backlog')).map((x) => x.value)).toEqual([3]);
    });

    it('counts customer-level scores of 2024 by activity in 2025', async () => {
      // 2024: a (one purchase of 100, no complaint, NPS 9) buys again in 2025; d (two purchases of 10, one
      // complaint opened in June and still open, NPS 3) does not. Both bought for the first time in 2024.
      const rows = await store.unit.kpi.signalCounts({
        measure: { startExclusive: '2023-12-31', endInclusive: '2024-12-31' },
        next: { startExclusive: '2024-12-31', endInclusive: '2025-12-31' },
        targetHours: 24,
      });
      expect(rows).toEqual([
        { kpi: 'clv', score: 20, active: 0, inactive: 1 },
        { kpi: 'clv', score: 100, active: 1, inactive: 0 },
        { kpi: 'complaint-backlog', score: 0, active: 1, inactive: 0 },
        { kpi: 'complaint-backlog', score: 1, active: 0, inactive: 1 },
        { kpi: 'complaints', score: 0, active: 1, inactive: 0 },
        { kpi: 'complaints', score: 1, active: 0, inactive: 1 },
        { kpi: 'new-customer-share', score: 1, active: 1, inactive: 1 },
        { kpi: 'nps', score: 3, active: 0, inactive: 1 },
        { kpi: 'nps', score: 9, active: 1, inactive: 0 },
        { kpi: 'repeat-order-share', score: 0, active: 1, inactive: 0 },
        { kpi: 'repeat-order-share', score: 1, active: 0, inactive: 1 },
        // d's complaint is open at the end of 2024: missed
        { kpi: 'resolved-within-target', score: 0, active: 0, inactive: 1 },
      ]);
    });

    it('counts each month: revenue, customers, complaints judged at the month end, survey answers', async () => {
      const months = qualityMonths('2025-12-31', 12); // January … December 2025
      expect(months[0]).toEqual({ startExclusive: '2024-12-31', endInclusive: '2025-01-31' });
      const counts = await store.unit.kpi.monthCounts(months, 24);
      const of = (k: number) => counts[k];
      expect(counts).toHaveLength(12);
      expect(of(0)).toMatchObject({ revenue: 0, active: 0, complaints: 0, npsN: 0 });
      // February: a buys (first purchase in 2024); March: a again, retained from February
      expect(of(1)).toMatchObject({ revenue: 50, active: 1, repeat: 0, fresh: 0, retained: 0 });
      expect(of(2)).toMatchObject({ revenue: 50, active: 1, fresh: 0, retained: 1 });
      // May: b's first purchase ever; June: c, back after 2023; July: e's return only
      expect(of(4)).toMatchObject({ revenue: 20, active: 1, fresh: 1 });
      expect(of(5)).toMatchObject({ revenue: 10, active: 1, fresh: 0, retained: 0 });
      expect(of(6)).toMatchObject({ revenue: -5, active: 0, fresh: 0 });
      // November: k1 resolved in exactly 24 h (within), satisfaction 4; CSAT 5 and 3
      expect(of(10)).toMatchObject({
        complaints: 1,
        withinTarget: 1,
        satisfactionN: 1,
        satisfactionSum: 4,
        csatN: 2,
        csatSatisfied: 1,
      });
      // December: k2 (48 h, satisfaction 2), k3 open, k5 resolved in January (open at the month end);
      // CES 2 and 5; NPS 10 (promoter) and 6 (detractor)
      expect(of(11)).toMatchObject({
        complaints: 3,
        withinTarget: 0,
        satisfactionN: 1,
        satisfactionSum: 2,
        cesN: 2,
        cesSum: 7,
        npsN: 2,
        promoters: 1,
        detractors: 1,
      });
    });

    it('reports the quality of each KPI: n, interval, detectable change, gap, AUC, lagged correlation', async () => {
      const r = await kpiQualityReport(store.unit, { asOf: '2025-12-31', windowMonths: 12 });
      expect(r.rows.map((x) => x.id)).toEqual(KPI_CATALOGUE.map((k) => k.id));
      expect(r.windows.measure).toEqual({ startExclusive: '2023-12-31', endInclusive: '2024-12-31' });
      expect(r.months).toMatchObject({ count: 24, lag: 1, outcome: 'revenue' });
      const row = (id: string) => r.rows.find((x) => x.id === id)!;
      // complaints opened in 2025: k1, k2, k3, k5 → 4, Poisson SE 2, interval 4 ± 1.96 × 2, detectable 3.962 × 2
      const complaints = row('complaints');
      expect(complaints).toMatchObject({ value: 4, n: 4, standardError: 2, auc: 1, aucCustomers: 2 });
      expect(complaints.interval!.low).toBeCloseTo(4 - 1.96 * 2, 12);
      expect(complaints.minimumDetectableChange).toBeCloseTo(2 * 3.962, 3);
      // 24 months (2024–2025), 23 pairs with the next month's revenue; complaints 1 in June 2024, 1 in
      // November and 3 in December 2025 against revenue 100 (Mar 2024), 10, 10, 50, 50, 20, 10, −5 → r −0.137664
      expect(complaints.correlationMonths).toBe(23);
      expect(complaints.laggedCorrelation).toBeCloseTo(-0.137664, 6);
      // retention: a of a, d → 0.5 from 2 customers, SE √(0.25 / 2)
      expect(row('retention')).toMatchObject({ value: 0.5, n: 2 });
      expect(row('retention').standardError).toBeCloseTo(Math.sqrt(0.125), 12);
      // NPS 2025: 10 and 6 → 0, SE 100 × √(1 / 2); 2024 scores 9 (a, stays) and 3 (d, leaves) → AUC 1
      expect(row('nps')).toMatchObject({ value: 0, n: 2, auc: 1 });
      expect(row('nps').standardError).toBeCloseTo(100 * Math.sqrt(0.5), 9);
      // repeat-order share: the 2024 repeat buyer left, the single buyer stayed → AUC 0; new in 2024: both → ½
      expect(row('repeat-order-share')).toMatchObject({ auc: 0 });
      expect(row('new-customer-share')).toMatchObject({ auc: 0.5 });
      // validity against the board's targets (value 1, higher is better): repeat-order share 1/3 → −2/3
      expect(row('repeat-order-share').validityGap).toBeCloseTo(1 / 3 - 1, 12);
      // the only 2024 complainant left and never had a resolution: AUC undefined, said in a note
      expect(row('resolved-within-target').auc).toBeNull();
      expect(renderMessages(row('resolved-within-target').notes, 'en').join(' ')).toContain('no AUC');
      expect(row('duration')).toMatchObject({ standardError: null, interval: null, auc: null });
    });

    it('removes a target, and names a KPI without one', async () => {
      expect(await removeKpiTarget(store.unit, 'complaint-backlog')).toBe('complaint-backlog');
      const r = await kpiStatus(store.unit, { asOf: '2025-12-31' }, '2026-01-06T09:00:00.000Z');
      expect(r.rows.map((x) => x.id).sort()).toEqual([
        'new-customer-share',
        'repeat-order-share',
        'satisfaction-after-complaint',
      ]);
      const missing = await removeKpiTarget(store.unit, 'complaint-backlog').catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(CvmError);
      expect((missing as CvmError).code).toBe('not-found');
      expect((missing as CvmError).message).toContain('complaint-backlog');
    });
  });
}
