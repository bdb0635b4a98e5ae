/**
 * The KPI board through the store: targets set, replaced and removed, snapshots saved (one per KPI and
 * as-of day) and read back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiStatus, removeKpiTarget } from '../../src/app/kpi/board';
import { CvmError } from '../../src/core/errors';
import { openTestStore, storeWith, type OpenStore, type TestStore } from './load';

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
